"""Every generated page of the site, from every page generator."""

from __future__ import annotations

from typing import Callable

from tip_site.core.model import Site
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.item_pages import item_pages
from tip_site.views.library_pages import library_pages
from tip_site.views.resource_pages import resource_pages
from tip_site.views.partnership_pages import governance_page, group_pages, membership_page, priority_pages

# Each generator is a pure function of the Site. Add new ones here.
PAGE_GENERATORS: tuple[Callable[[Site], list[GeneratedPage]], ...] = (
    group_pages,
    priority_pages,
    membership_page,
    governance_page,
    item_pages,
    library_pages,
    resource_pages,
)


def generated_pages(site: Site) -> list[GeneratedPage]:
    pages = [page for generate in PAGE_GENERATORS for page in generate(site)]
    seen: set[str] = set()
    for page in pages:
        if page.uri in seen:  # a programming mistake, not an editor's
            raise ValueError(f"two generators produce {page.uri}")
        seen.add(page.uri)
    return pages
