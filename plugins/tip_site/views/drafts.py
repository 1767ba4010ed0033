"""Which pages of a preview are drafts, so the preview can say so on each of them."""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.urls import event_uri, newsletter_uri, resource_uri

DRAFT_BANNER = """\
!!! warning "Draft: not on the live site"

    This page is a draft. It shows only in this preview: the published site leaves it out
    (its page, listings, search, feeds and sitemap) until `draft: true` is removed from its
    front matter or set to `draft: false`.

"""


def draft_uris(site: Site) -> frozenset[str]:
    """The page uris of every draft in `site` (a production site has none: the core drops them)."""
    uris = {page.path for page in site.pages if page.draft}
    uris |= {newsletter_uri(n) for n in site.newsletters if n.draft}
    uris |= {resource_uri(r) for r in site.resources if r.draft}
    uris |= {event_uri(e) for e in site.events if e.draft}
    return frozenset(uris)
