"""Every generated page of the site, from every page generator."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from tip_site.core.model import Site
from tip_site.views.generated_page import GeneratedPage, LaterPage
from tip_site.views.event_pages import event_pages
from tip_site.views.front_matter_reference import front_matter_reference
from tip_site.views.help_page import help_page
from tip_site.views.home_page import home_page
from tip_site.views.library_pages import library_pages
from tip_site.views.newsletter_pages import newsletter_pages
from tip_site.views.resource_pages import resource_pages, resource_pages_made_if_read
from tip_site.views.partnership_pages import governance_page, group_pages, membership_page, priority_pages

# Each generator is a pure function of the Site. Add new ones here.
PAGE_GENERATORS: tuple[Callable[[Site], list[GeneratedPage]], ...] = (
    priority_pages,
    membership_page,
    governance_page,
    library_pages,
    resource_pages,
    front_matter_reference,
    help_page,
    newsletter_pages,
)

# Generators whose pages depend on the build date (what is upcoming), passed in explicitly,
# and on the site's address (calendar subscription links), when known.
DATED_PAGE_GENERATORS: tuple[Callable[[Site, dt.date, str | None], list[GeneratedPage]], ...] = (
    group_pages,
    event_pages,
)


# The same pages, made only if read: for checks that need every address but few pages' text.
MADE_IF_READ: dict[Callable, Callable] = {resource_pages: resource_pages_made_if_read}


def generated_pages(
    site: Site, today: dt.date | None = None, site_url: str | None = None, made_if_read: bool = False,
) -> list[GeneratedPage | LaterPage]:
    """Every generated page; with `made_if_read`, some are LaterPages, their contents made when read."""
    today = today or dt.date.today()
    generators = [MADE_IF_READ.get(g, g) for g in PAGE_GENERATORS] if made_if_read else PAGE_GENERATORS
    pages = [page for generate in generators for page in generate(site)]
    pages += [page for generate in DATED_PAGE_GENERATORS for page in generate(site, today, site_url)]
    # The home page comes last: it links to other areas' pages only when they exist.
    pages += home_page(site, today, {p.uri for p in pages} | {p.path for p in site.pages})
    seen: set[str] = set()
    for page in pages:
        if page.uri in seen:  # a programming mistake, not an editor's
            raise ValueError(f"two generators produce {page.uri}")
        seen.add(page.uri)
    return pages
