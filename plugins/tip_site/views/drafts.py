"""Which pages of a preview the live site does not show yet, and the banner each carries there:
drafts, and items scheduled for a later date ("Scheduled for 20 January 2027")."""

from __future__ import annotations

import datetime as dt

from tip_site.core.model import Site
from tip_site.views.dates import long_date, short_date
from tip_site.views.urls import event_uri, newsletter_uri, resource_uri

DRAFT_BANNER = """\
!!! warning "Draft: not on the live site"

    This page is a draft. It shows only in this preview: the published site leaves it out
    (its page, listings, search, feeds and sitemap) until `draft: true` is removed from its
    front matter or set to `draft: false`.

"""

SCHEDULED_BANNER = """\
!!! info "Scheduled for {short}"

    This page goes live on {long}, when the site is rebuilt that morning. Until then it
    shows only in this preview: the published site leaves it out of its page, listings,
    search and feeds. To publish it sooner, change its `published` date.

"""


def draft_uris(site: Site) -> frozenset[str]:
    """The page uris of every draft in `site` (a production site has none: the core drops them)."""
    uris = {page.path for page in site.pages if page.draft}
    uris |= {newsletter_uri(n) for n in site.newsletters if n.draft}
    uris |= {resource_uri(r) for r in site.resources if r.draft}
    uris |= {event_uri(e) for e in site.events if e.draft}
    return frozenset(uris)


def scheduled_uris(site: Site, today: dt.date) -> dict[str, dt.date]:
    """The page uris of items published after `today`, with their date (a production site has none)."""
    scheduled = {newsletter_uri(n): n.published for n in site.newsletters if n.published > today}
    scheduled |= {resource_uri(r): r.published for r in site.resources if r.published > today}
    return scheduled


def preview_banners(site: Site, today: dt.date) -> dict[str, str]:
    """The banner (Markdown) of each page a preview shows that the live site does not, by page uri."""
    banners = {uri: SCHEDULED_BANNER.format(short=short_date(day), long=long_date(day))
               for uri, day in scheduled_uris(site, today).items()}
    for uri in draft_uris(site):
        banners[uri] = DRAFT_BANNER + banners.get(uri, "")
    return banners
