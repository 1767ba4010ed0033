"""What the feeds carry: newsletter issues and library resources, as feed items.

Events are left to the calendars: they have no publication date (only a start,
usually in the future), and a feed item dated by its start would arrive in
readers out of order or not at all.

An item is known by its kind and permanent id (a resource's `id`, a
newsletter's year and quarter); `publication.IdScheme` turns that into the id
readers see — never from its title, file name, URL, date or git history — so
editing, renaming or re-dating an item never makes readers show it twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tip_site.core.model import Newsletter, Resource, Site
from tip_site.views.uk_time import london_midnight
from tip_site.views.urls import newsletter_uri, resource_uri


@dataclass(frozen=True)
class Category:
    term: str
    scheme: str  # site-relative URL of the page that lists the vocabulary


@dataclass(frozen=True)
class FeedItem:
    kind: str  # "newsletter" or "resource"
    id: str  # the item's permanent id within its kind
    title: str
    summary: str
    uri: str  # the item's page (views/urls.py)
    published: dt.datetime  # aware, Europe/London
    groups: tuple[str, ...]
    priorities: tuple[str, ...]
    categories: tuple[Category, ...]


def summary_with_note(summary: str, content_note: str | None) -> str:
    """A feed item's summary, after its content note: many readers show only the summary."""
    return f"Content note: {content_note.rstrip('. ')}. {summary}" if content_note else summary


def _categories(site: Site, groups, priorities, type_name: str) -> tuple[Category, ...]:
    return (
        *(Category(site.group(g).name, "groups/") for g in groups),
        *(Category(site.priority(p).title, "priorities/") for p in priorities),
        Category(type_name, "library/" if type_name != "Newsletter" else "newsletters/"),
    )


def newsletter_item(site: Site, newsletter: Newsletter) -> FeedItem:
    return FeedItem(
        "newsletter", newsletter.id, newsletter.title, summary_with_note(newsletter.summary, newsletter.content_note),
        newsletter_uri(newsletter),
        london_midnight(newsletter.published), newsletter.groups, newsletter.priorities,
        _categories(site, newsletter.groups, newsletter.priorities, "Newsletter"),
    )


def resource_item(site: Site, resource: Resource) -> FeedItem:
    type_name = next((t.name for t in site.resource_types if t.id == resource.type), resource.type)
    return FeedItem(
        "resource", resource.id, resource.title, summary_with_note(resource.summary, resource.content_note),
        resource_uri(resource),
        london_midnight(resource.published), resource.groups, resource.priorities,
        _categories(site, resource.groups, resource.priorities, type_name),
    )


def site_items(site: Site) -> tuple[FeedItem, ...]:
    """Every item of every feed, newest first; ties in a fixed order so output never varies."""
    items = [newsletter_item(site, n) for n in site.newsletters]
    items += [resource_item(site, r) for r in site.resources]
    items.sort(key=lambda i: (i.kind, i.id))
    items.sort(key=lambda i: i.published, reverse=True)
    return tuple(items)
