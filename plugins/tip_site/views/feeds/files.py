"""RSS 2.0 and Atom feeds, made with feedgen, byte-identical for the same content.

feedgen's defaults are overridden on purpose: it stamps `updated` and
`lastBuildDate` with the current time and prepends entries, so every date here
comes from the content and entries are appended in our own order.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import Iterator, Mapping

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from tip_site.core.model import Site
from tip_site.views.feeds.catalogue import (
    ATOM_TYPE, NEWSLETTER_ARCHIVE_URI, RSS_TYPE, STYLESHEET, FeedSpec, site_feeds,
)
from tip_site.views.feeds.content import feed_html
from tip_site.views.feeds.items import FeedItem, site_items
from tip_site.views.publication import Publication
from tip_site.views.uk_time import london_midnight
from tip_site.views.urls import page_url

# Readers poll often; 50 covers far more than the site publishes between two polls.
MAX_ITEMS = 50
LANGUAGE = "en-GB"
GENERATOR = "tip_site (python-feedgen)"


def feed_files(site: Site, rendered: Mapping[str, str], publication: Publication) -> Iterator[tuple[str, bytes]]:
    """Every feed file of the site, by site-relative path: one at a time, so each can be
    written and let go before the next is made (they are the largest files of a build)."""
    items = site_items(site)
    entries: dict[tuple[str, str], FeedEntry] = {}  # an item sits in several feeds: make its entry (and clean its HTML) once
    for feed, feed_items in _feeds_with_items(site, items):
        generator = _generator(feed, feed_items, items, rendered, publication, entries)
        home = publication.absolute(page_url(_page_of(feed, rendered)))
        _links(generator, publication.absolute(feed.rss_path), RSS_TYPE, home)
        yield feed.rss_path, _with_stylesheet(generator.rss_str(pretty=True), feed.rss_path)
        _links(generator, publication.absolute(feed.atom_path), ATOM_TYPE, home)
        yield feed.atom_path, _with_stylesheet(generator.atom_str(pretty=True), feed.atom_path)


def feed_page_uris(site: Site) -> frozenset[str]:
    """The pages whose rendered HTML some feed carries (the rest need not be kept for feeds)."""
    return frozenset(item.uri for _, feed_items in _feeds_with_items(site, site_items(site)) for item in feed_items)


def _feeds_with_items(site: Site, items: tuple[FeedItem, ...]) -> Iterator[tuple[FeedSpec, list[FeedItem]]]:
    for feed in site_feeds(site):
        yield feed, [item for item in items if feed.includes(item)][:MAX_ITEMS]


def _links(generator: FeedGenerator, self_url: str, self_type: str, page: str) -> None:
    """Each format names itself as `self` (validators check it); both link to the page they follow."""
    generator.link(href=self_url, rel="self", type=self_type, replace=True)
    generator.link(href=page, rel="alternate", type="text/html")


def _generator(
    feed: FeedSpec, items: list[FeedItem], all_items: tuple[FeedItem, ...], rendered: Mapping[str, str], publication: Publication,
    entries: dict[tuple[str, str], FeedEntry],
) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id(publication.ids.item_id("feed", feed.folder or "site"))
    generator.title(f"{publication.name}: {feed.title}")
    generator.subtitle(feed.description)  # also the RSS <description>
    generator.author(name=publication.name)
    generator.language(LANGUAGE)
    generator.generator(GENERATOR)
    generator.updated(_newest(items, all_items, publication))
    for item in items:
        key = (item.kind, item.id)
        if key not in entries:
            entries[key] = _entry(item, rendered, publication)
        generator.add_entry(entries[key], order="append")  # feedgen only reads an entry when it writes a feed
    return generator


def _page_of(feed: FeedSpec, rendered: Mapping[str, str]) -> str:
    """The page a feed links to; the newsletter feed links home until the archive exists."""
    if feed.page_uri == NEWSLETTER_ARCHIVE_URI and feed.page_uri not in rendered:
        return "index.md"
    return feed.page_uri


def _newest(items: list[FeedItem], all_items: tuple[FeedItem, ...], publication: Publication) -> dt.datetime:
    """When the feed last changed: its latest item change, else the site's, else 1 January of the id year."""
    for candidates in (items, all_items):
        if candidates:
            return max(item.updated for item in candidates)
    return london_midnight(dt.date(publication.ids.year, 1, 1))


def _entry(item: FeedItem, rendered: Mapping[str, str], publication: Publication) -> FeedEntry:
    url = publication.absolute(page_url(item.uri))
    entry = FeedEntry()
    entry.id(publication.ids.item_id(item.kind, item.id))  # also the RSS guid, isPermaLink="false"
    entry.title(item.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.summary(item.summary)
    content = feed_html(rendered.get(item.uri, ""), url)
    if content:
        entry.content(content, type="html")
    entry.published(item.added)  # also the RSS pubDate: when it reached the site
    entry.updated(item.updated)
    for category in item.categories:
        entry.category(term=category.term, scheme=publication.absolute(category.scheme))
    return entry


def _with_stylesheet(xml: bytes, feed_path: str) -> bytes:
    """Point the feed at the site's XSL stylesheet, so a browser shows a readable page."""
    declaration, rest = xml.split(b"\n", 1)
    href = posixpath.relpath(STYLESHEET, posixpath.dirname(feed_path) or ".")
    return declaration + f'\n<?xml-stylesheet type="text/xsl" href="{href}"?>\n'.encode() + rest
