"""What the feeds carry: newsletter issues and library resources, as feed items.

Events are left to the calendars: they have no publication date (only a start,
usually in the future), and a feed item dated by its start would arrive in
readers out of order or not at all.

An item is known by its kind and original id (the first id it was published
under, `former_ids` keeps it); `publication.IdScheme` turns that into the id
readers see — never from its title, file name, URL, date or git history — so
editing, renaming or re-identifying an item never makes readers show it twice.

"What's new" means new to the site: items are ordered and dated by when they
reached it (the commit that made them public, or their publication date if that
came later, for scheduled items), not by the date their publisher gave them,
so a resource added today about a 2023 report comes first. `updated` is the
item's last change, made unique across the site (the W3C validator warns
about two entries with the same atom:updated). Without history (a tarball,
a shallow clone) both fall back to the publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tip_site.core.former_ids import original_id
from tip_site.core.model import Newsletter, Resource, Site
from tip_site.views.uk_time import LONDON, london_midnight
from tip_site.views.urls import newsletter_uri, resource_uri

# Items changed in the same second are told apart by this much, in a fixed order.
TICK = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class Category:
    term: str
    scheme: str  # site-relative URL of the page that lists the vocabulary


@dataclass(frozen=True)
class FeedItem:
    kind: str  # "newsletter" or "resource"
    id: str  # the item's original id within its kind: what its feed id is made from
    title: str
    summary: str
    uri: str  # the item's page (views/urls.py)
    added: dt.datetime  # when it reached the site: aware, Europe/London
    updated: dt.datetime  # its last change, no two items alike: aware, Europe/London
    groups: tuple[str, ...]
    priorities: tuple[str, ...]
    categories: tuple[Category, ...]


@dataclass(frozen=True)
class _Dates:
    """An item's dates before `updated` is made unique, with what orders items that share them."""

    added: dt.datetime
    added_order: int
    changed: dt.datetime
    changed_order: int


def _categories(site: Site, groups, priorities, type_name: str) -> tuple[Category, ...]:
    return (
        *(Category(site.group(g).name, "groups/") for g in groups),
        *(Category(site.priority(p).title, "priorities/") for p in priorities),
        Category(type_name, "library/" if type_name != "Newsletter" else "newsletters/"),
    )


def item_dates(site: Site, item: Newsletter | Resource) -> _Dates:
    """When the item reached the site and last changed, from history, else its publication date."""
    published = london_midnight(item.published)
    history = site.history.of(item.source.path)
    if history is None:
        return _Dates(published, 0, published, 0)
    if history.first_public is not None:
        reached, order = history.first_public, history.first_public_order
    else:  # public only in this preview (a draft shown by `mkdocs serve`)
        reached, order = history.changed, history.changed_order
    added = max(reached, published)
    changed = max(history.changed + history.changed_position * TICK, added)
    return _Dates(added, order, changed, history.changed_order)


def summary_with_note(summary: str, content_note: str | None) -> str:
    """A feed item's summary, after its content note: many readers show only the summary."""
    return f"Content note: {content_note.rstrip('. ')}. {summary}" if content_note else summary


def _item(site: Site, item: Newsletter | Resource, dates: _Dates, updated: dt.datetime) -> FeedItem:
    if isinstance(item, Newsletter):
        kind, uri, type_name = "newsletter", newsletter_uri(item), "Newsletter"
    else:
        kind, uri = "resource", resource_uri(item)
        type_name = next((t.name for t in site.resource_types if t.id == item.type), item.type)
    return FeedItem(
        kind, original_id(item), item.title, summary_with_note(item.summary, item.content_note), uri,
        dates.added.astimezone(LONDON), updated.astimezone(LONDON), item.groups, item.priorities,
        _categories(site, item.groups, item.priorities, type_name),
    )


def site_items(site: Site) -> tuple[FeedItem, ...]:
    """Every item of every feed, newest to the site first; ties in a fixed order so output never varies."""
    content = [*site.newsletters, *site.resources]
    dates = {id(item): item_dates(site, item) for item in content}
    updated = _unique_updates(content, dates)
    items = [(item, _item(site, item, dates[id(item)], updated[id(item)])) for item in content]
    items.sort(key=lambda pair: (pair[1].kind, pair[1].id))
    items.sort(key=lambda pair: (pair[1].added, dates[id(pair[0])].added_order, pair[0].published), reverse=True)
    return tuple(feed_item for _, feed_item in items)


def _unique_updates(content: list, dates: dict[int, _Dates]) -> dict[int, dt.datetime]:
    """Each item's last change, nudged later by a microsecond where an earlier-listed item has it.

    Items are taken oldest change first, so a new commit never moves the dates of
    items changed before it.
    """
    order = sorted(content, key=lambda i: (dates[id(i)].changed, dates[id(i)].changed_order, isinstance(i, Resource), i.id))
    unique: dict[int, dt.datetime] = {}
    previous: dt.datetime | None = None
    for item in order:
        stamp = dates[id(item)].changed
        if previous is not None and stamp <= previous:
            stamp = previous + TICK
        unique[id(item)] = previous = stamp
    return unique
