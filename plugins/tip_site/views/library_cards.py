"""A resource as one entry of a list: the HTML card the pages show, and the data the browser shows.

Both come from here so a result looks the same with or without JavaScript.
"""

from __future__ import annotations

from html import escape

from tip_site.core.model import Resource, Site
from tip_site.views.library_text import resource_meta
from tip_site.views.urls import href, resource_uri


def card_data(site: Site, resource: Resource) -> list[str]:
    """What the browser needs to show and search a resource: id, title, summary, details line."""
    return [resource.id, resource.title, resource.summary, resource_meta(site, resource)]


def card_html(site: Site, resource: Resource, from_uri: str, heading: str = "h3") -> str:
    resource_id, title, summary, meta = card_data(site, resource)
    return (
        f'<li class="tip-card" data-id="{escape(resource_id)}">'
        f'<{heading} class="tip-card__title"><a href="{escape(href(from_uri, resource_uri(resource)))}">{escape(title)}</a></{heading}>'
        f'<p class="tip-card__summary">{escape(summary)}</p>'
        f'<p class="tip-card__meta">{escape(meta)}</p>'
        "</li>"
    )


def card_list_html(site: Site, resources: list[Resource], from_uri: str, list_id: str | None = None) -> str:
    """An HTML block of cards; one line, so Markdown keeps it as a single raw HTML block.

    Left out of the site search: each card repeats what its resource's own page says.
    """
    attributes = (f' id="{list_id}"' if list_id else "") + " data-search-exclude"
    cards = "".join(card_html(site, r, from_uri) for r in resources)
    return f'<ol class="tip-results"{attributes}>{cards}</ol>'
