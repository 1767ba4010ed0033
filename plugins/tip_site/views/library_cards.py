"""A resource as one entry of a list: the HTML card the pages show, and the data the browser shows.

Both come from here so a result looks the same with or without JavaScript.
"""

from __future__ import annotations

import weakref
from html import escape

from tip_site.core.model import Resource, Site
from tip_site.views.content_note import content_note_label
from tip_site.views.library_text import resource_meta
from tip_site.views.urls import href, resource_uri


def card_data(site: Site, resource: Resource) -> list[str]:
    """What the browser needs to show and search a resource: id, title, summary, details line,
    and its content note when it has one."""
    row = [resource.id, resource.title, resource.summary, resource_meta(site, resource)]
    return row + [resource.content_note] if resource.content_note else row



def card_html(site: Site, resource: Resource, from_uri: str, heading: str = "h3") -> str:
    start, end = _card_parts(site, resource, heading)
    return f"{start}{escape(href(from_uri, resource_uri(resource)))}{end}"


# A resource's card appears on a dozen pages or more (library pages, facet pages, related
# resources): all but its link is the same on each, so it is written once per build.
_cards_site: weakref.ref | None = None
_cards: dict[tuple[str, str], tuple[Resource, str, str]] = {}


def _card_parts(site: Site, resource: Resource, heading: str) -> tuple[str, str]:
    """The card's HTML before and after its link's address, made once per site, resource and heading."""
    global _cards_site, _cards
    if _cards_site is None or _cards_site() is not site:  # a new build: start afresh
        _cards_site, _cards = weakref.ref(site), {}
    cached = _cards.get((resource.id, heading))
    if cached is not None and cached[0] is resource:
        return cached[1], cached[2]
    resource_id, title, summary, meta = card_data(site, resource)[:4]
    start = (
        f'<li class="tip-card" data-id="{escape(resource_id)}">'
        f'<{heading} class="tip-card__title"><a href="'
    )
    end = (
        f'">{escape(title)}</a></{heading}>'
        f"{content_note_label(resource.content_note)}"
        f'<p class="tip-card__summary">{escape(summary)}</p>'
        f'<p class="tip-card__meta">{escape(meta)}</p>'
        "</li>"
    )
    _cards[(resource.id, heading)] = (resource, start, end)
    return start, end


def card_list_html(site: Site, resources: list[Resource], from_uri: str, list_id: str | None = None, in_feeds: bool = True) -> str:
    """An HTML block of cards; one line, so Markdown keeps it as a single raw HTML block.

    Left out of the site search: each card repeats what its resource's own page says.
    With `in_feeds=False`, left out of feed items too (views/feeds/content.py).
    """
    attributes = (f' id="{list_id}"' if list_id else "") + " data-search-exclude" + ("" if in_feeds else " data-feed-exclude")
    cards = "".join(card_html(site, r, from_uri) for r in resources)
    return f'<ol class="tip-results"{attributes}>{cards}</ol>'
