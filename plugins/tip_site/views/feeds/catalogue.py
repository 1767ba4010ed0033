"""Every feed and calendar the site offers, where it lives, and which pages advertise it.

Python decides this once; the feed and calendar builders, the Subscribe page
and the `<link rel="alternate">` tags all read the same catalogue.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from tip_site.core.model import Site
from tip_site.views.feeds.items import FeedItem
from tip_site.views.urls import event_uri, group_uri, newsletter_uri, priority_uri, resource_uri

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


def feed_links_by_page(site: Site, site_name: str) -> dict[str, tuple[FeedLink, ...]]:
    """The feeds each page advertises, by page uri; a page not listed advertises `[""]`, the site's.

    Every page offers the site's feed; a group or priority page adds its own
    feed (and a group page its calendar), newsletter pages the newsletter feed,
    a resource or event page the feeds of its groups, the Subscribe page all.
    Built once per build: pages are many.
    """
    feeds = site_feeds(site)
    site_feed, newsletter_feed = feeds[0], feeds[1]
    by_group = {f.group: f for f in feeds if f.group}
    relevant: dict[str, list[FeedSpec]] = {SUBSCRIBE_URI: list(feeds)}
    for feed in feeds[1:]:
        relevant[feed.page_uri] = [site_feed, feed]
    relevant.update({newsletter_uri(n): [site_feed, newsletter_feed] for n in site.newsletters})
    for item_uri, groups in [*((resource_uri(r), r.groups) for r in site.resources), *((event_uri(e), e.groups) for e in site.events)]:
        relevant[item_uri] = [site_feed, *(by_group[g] for g in groups if g in by_group)]
    shared: dict[tuple[str, ...], tuple[FeedLink, ...]] = {}  # pages with the same feeds share one tuple

    def links_for(chosen: list[FeedSpec]) -> tuple[FeedLink, ...]:
        key = tuple(feed.rss_path for feed in chosen)
        if key not in shared:
            shared[key] = tuple(link for feed in chosen for link in _links(feed, site_name))
        return shared[key]

    links = {uri: links_for(chosen) for uri, chosen in relevant.items()}
    links[""] = links_for([site_feed])
    for calendar in site_calendars(site):
        calendar_link = FeedLink(calendar.path, CALENDAR_TYPE, f"{site_name}: {calendar.title} (calendar)")
        links[calendar.page_uri] = (*links.get(calendar.page_uri, links[""]), calendar_link)
    return links
