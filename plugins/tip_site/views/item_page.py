"""The page of one item, made as the site's generators make it (views/site_pages.py).

`mkdocs serve` shows a saved item's page before it rebuilds the whole site
(adapters/quick_preview.py); making every page for that would take longer
than the editor should wait.
"""

from __future__ import annotations

import datetime as dt

from tip_site.core.model import Event, Newsletter, Resource, Site
from tip_site.views.event_pages import event_page
from tip_site.views.generated_page import AssembledPage
from tip_site.views.newsletter_pages import issue_page
from tip_site.views.resource_pages import resource_page


def item_page(site: Site, item: Resource | Newsletter | Event, today: dt.date, site_url: str | None = None) -> AssembledPage:
    """The page of `item`, one of `site`'s resources, newsletter issues or events."""
    if isinstance(item, Resource):
        return resource_page(site, item)
    if isinstance(item, Newsletter):
        return issue_page(site, item)
    return event_page(site, item, today, site_url)
