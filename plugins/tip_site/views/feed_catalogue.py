"""Every feed and calendar the site offers, where it lives, and which pages advertise it.

Python decides this once; the feed and calendar builders, the Subscribe page
and the `<link rel="alternate">` tags all read the same catalogue.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from tip_site.core.model import Site
from tip_site.views.feed_items import FeedItem
from tip_site.views.urls import event_uri, group_uri, priority_uri, resource_uri

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
CALENDAR_TYPE = "text/calendar"
STYLESHEET = "feed.xsl"  # at the site root; every feed points to it
SUBSCRIBE_URI = "subscribe.md"
NEWSLETTER_ARCHIVE_URI = "newsletters/index.md"  # used once the archive exists


@dataclass(frozen=True)
class FeedSpec:
    folder: str  # where its files live: "" (site root), "newsletters", "groups/tip", …
    title: str
    description: str
    page_uri: str  # the page the feed follows
    kinds: tuple[str, ...] = ("newsletter", "resource")
    group: str | None = None
    priority: str | None = None

    @property
    def rss_path(self) -> str:
        return posixpath.join(self.folder, "feed.xml")

    @property
    def atom_path(self) -> str:
        return posixpath.join(self.folder, "atom.xml")

    def includes(self, item: FeedItem) -> bool:
        return (
            item.kind in self.kinds
            and (self.group is None or self.group in item.groups)
            and (self.priority is None or self.priority in item.priorities)
        )


@dataclass(frozen=True)
class CalendarSpec:
    path: str
    title: str
    description: str
    page_uri: str
    group: str | None = None


@dataclass(frozen=True)
class FeedLink:
    """One `<link rel="alternate">`: a site-relative path, its media type and a title."""

    path: str
    type: str
    title: str


def site_feeds(site: Site) -> tuple[FeedSpec, ...]:
    feeds = [
        FeedSpec("", "Everything new", "New newsletter issues and new resources in the library.", "index.md"),
        FeedSpec("newsletters", "Newsletter", "Each quarterly newsletter issue, in full.", NEWSLETTER_ARCHIVE_URI, kinds=("newsletter",)),
    ]
    feeds += [
        FeedSpec(_folder(group_uri(g)), g.name, f"Newsletter issues and resources for the {g.name} ({g.short_name}).", group_uri(g), group=g.id)
        for g in site.groups
    ]
    feeds += [
        FeedSpec(_folder(priority_uri(p)), f"Priority {p.number}: {p.title}", f"Newsletter issues and resources about strategic priority {p.number}: {p.title}.", priority_uri(p), priority=p.id)
        for p in site.priorities
    ]
    return tuple(feeds)


def site_calendars(site: Site) -> tuple[CalendarSpec, ...]:
    calendars = [CalendarSpec("events.ics", "All meetings and events", "Meetings and events of the three groups.", "index.md")]
    calendars += [
        CalendarSpec(f"{_folder(group_uri(g))}/events.ics", f"{g.name} meetings and events", f"Meetings and events of the {g.name} ({g.short_name}).", group_uri(g), group=g.id)
        for g in site.groups
    ]
    return tuple(calendars)


def _folder(page_uri: str) -> str:
    """The folder MkDocs writes a page to ("groups/tip.md" -> "groups/tip"): its feeds sit beside it."""
    return page_uri[: -len(".md")]


def _links(feed: FeedSpec, site_name: str) -> list[FeedLink]:
    title = f"{site_name}: {feed.title}"
    return [FeedLink(feed.rss_path, RSS_TYPE, f"{title} (RSS)"), FeedLink(feed.atom_path, ATOM_TYPE, f"{title} (Atom)")]


def feed_links_for_page(site: Site, uri: str, site_name: str) -> tuple[FeedLink, ...]:
    """The feeds a page advertises: the site's, then those of what the page is about."""
    feeds = site_feeds(site)
    by_page = {f.page_uri: f for f in feeds}
    relevant = [feeds[0]]
    if uri == SUBSCRIBE_URI:
        relevant = list(feeds)
    elif uri == NEWSLETTER_ARCHIVE_URI or uri.startswith("newsletters/"):
        relevant.append(by_page[NEWSLETTER_ARCHIVE_URI])
    elif uri in by_page and by_page[uri] not in relevant:
        relevant.append(by_page[uri])
    else:
        item = _item_at(site, uri)
        if item is not None:
            relevant += [f for f in feeds if f.group is not None and f.group in item]
    links = [link for feed in relevant for link in _links(feed, site_name)]
    calendars = {c.page_uri: c for c in site_calendars(site)}
    if uri in calendars:
        calendar = calendars[uri]
        links.append(FeedLink(calendar.path, CALENDAR_TYPE, f"{site_name}: {calendar.title} (calendar)"))
    return tuple(links)


def _item_at(site: Site, uri: str) -> tuple[str, ...] | None:
    """The groups of the resource or event whose page is `uri`, if it is one."""
    for resource in site.resources:
        if resource_uri(resource) == uri:
            return resource.groups
    for event in site.events:
        if event_uri(event) == uri:
            return event.groups
    return None

