"""The site's internal links, checked: editors' Markdown against the pages the site will have.

Published content is checked against the live site; each scheduled item against
the site as it will be on its publication date (time travel: a newsletter
scheduled for January must not link to a resource scheduled for March); drafts
against the preview, where the pages they may link to also exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Iterator, Mapping

from tip_site.core.link_check import LinkSource, SiteMap, check_links
from tip_site.core.markdown_links import links, spaced_links
from tip_site.core.model import Site
from tip_site.core.problems import Problem, Problems
from tip_site.views.site_pages import generated_pages
from tip_site.views.urls import attachment_uri, event_uri, newsletter_uri, resource_uri


def link_problems(
    root: Path, site: Site, today: dt.date, preview: Site | None = None, docs_dir: str = "docs",
    other_pages: frozenset[str] = frozenset(), live_pages: list | None = None,
) -> list[Problem]:
    """Broken internal links; `other_pages` are uris of pages other plugins add (the Subscribe page).

    `live_pages` are the site's generated pages, if the caller has made them already.
    """
    root = Path(root).resolve()
    docs = root / docs_dir
    doc_texts = {page.path: _body(root, page.source.path, page.source.body_line) for page in (preview or site).pages}
    sources = source_uris(preview or site)  # a link to a draft's file is a link to a withheld page
    live_map = _site_map(site, today, docs, doc_texts, other_pages, live_pages, docs_dir, sources)
    problems = Problems()
    live_sources = _sources(root, site, doc_texts)
    if preview is not None and _withholds_something(site, preview):
        preview_map = _site_map(preview, today, docs, doc_texts, other_pages, docs_dir=docs_dir, sources=sources)
        scheduled = scheduled_pages(preview, today)
        live_map.withheld = frozenset(preview_map.pages) - frozenset(live_map.pages)
        live_map.scheduled = scheduled
        live_paths = {s.path for s in live_sources}
        drafts = [s for s in _sources(root, preview, doc_texts) if s.path not in live_paths and s.page_uri not in scheduled]
        check_links(drafts, preview_map, problems)
        for day in publication_dates(preview, today):
            on_day = site_on(preview, day)
            published_that_day = [s for s in _sources(root, _dated(on_day, day), doc_texts) if scheduled.get(s.page_uri, (None,))[0] == day]
            if not any(links(s.body, external=True) or spaced_links(s.body) for s in published_that_day):
                continue  # nothing to check that day: spare making the whole site of that date
            day_map = _site_map(on_day, day, docs, doc_texts, other_pages, docs_dir=docs_dir, sources=sources)
            day_map.withheld = frozenset(preview_map.pages) - frozenset(day_map.pages)
            day_map.scheduled, day_map.on = scheduled, day
            check_links(published_that_day, day_map, problems)
    check_links(live_sources, live_map, problems)
    return problems.errors


def scheduled_pages(preview: Site, today: dt.date) -> dict[str, tuple[dt.date, str]]:
    """Every item that is not a draft and is published after `today`: page uri -> (date, source file)."""
    found = {}
    for items, uri in ((preview.newsletters, newsletter_uri), (preview.resources, resource_uri)):
        for item in items:
            if not item.draft and item.published > today:
                found[uri(item)] = (item.published, item.source.path)
    return found


def publication_dates(preview: Site, today: dt.date) -> list[dt.date]:
    """The dates after `today` on which the site changes by itself: scheduled items go live."""
    return sorted({day for day, _ in scheduled_pages(preview, today).values()})


def site_on(preview: Site, day: dt.date) -> Site:
    """The live site as it will be on `day`: no drafts, and everything published by then."""
    def live(items):
        return tuple(i for i in items if not i.draft and getattr(i, "published", day) <= day)

    return dataclasses.replace(
        preview, newsletters=live(preview.newsletters), resources=live(preview.resources),
        events=live(preview.events), pages=live(preview.pages),
    )


def _dated(site: Site, day: dt.date) -> Site:
    """Only the newsletters and resources published on `day`: the sources of one date's checks."""
    return dataclasses.replace(
        site, pages=(), events=(), newsletters=tuple(i for i in site.newsletters if i.published == day),
        resources=tuple(i for i in site.resources if i.published == day),
    )


def _withholds_something(site: Site, preview: Site) -> bool:
    # The live site is the preview filtered: equal sizes mean nothing is withheld,
    # and the pages need not be generated twice.
    kinds = ("newsletters", "resources", "events", "pages")
    return any(len(getattr(site, kind)) != len(getattr(preview, kind)) for kind in kinds)


def _site_map(
    site: Site, today: dt.date, docs: Path, doc_texts: dict[str, str], other_pages: frozenset[str], made: list | None = None,
    docs_dir: str = "docs", sources: dict[str, str] | None = None,
) -> SiteMap:
    pages: dict[str, object] = dict.fromkeys(other_pages)
    pages.update((page.path, doc_texts[page.path]) for page in site.pages)
    # Only the pages linked with a '#' are read: the others are needed for their addresses alone.
    made = generated_pages(site, today, made_if_read=True) if made is None else made
    pages.update((page.uri, page) for page in made)
    files = frozenset(
        file.relative_to(docs).as_posix()
        for file in docs.rglob("*")
        if file.is_file() and file.suffix != ".md"
    ) if docs.is_dir() else frozenset()
    # Files made or copied from content/: attachments, and the images newsletter issues show.
    files |= {attachment_uri(a.file) for r in site.resources for a in r.attachments}
    files |= {image for issue in site.newsletters for image in issue.images}
    return SiteMap(_PageTexts(pages), files, sources=source_uris(site) if sources is None else sources, docs_prefix=f"{docs_dir.rstrip('/')}/")


class _PageTexts(Mapping[str, "str | None"]):
    """Page uri -> its Markdown; a generated page's is written out only when the check asks for it.

    The check reads the headings of the few pages linked with a '#'; writing out every page
    of a 5,000-resource site at once held 75 MB more at the build's peak.
    """

    def __init__(self, pages: dict[str, object]) -> None:
        self._pages = pages  # uri -> Markdown, None (headings unknown), or a generated page

    def __getitem__(self, uri: str) -> str | None:
        page = self._pages[uri]
        if page is None or isinstance(page, str):
            return page
        text = self._pages[uri] = page.markdown  # type: ignore[attr-defined]
        return text

    def __contains__(self, uri: object) -> bool:
        return uri in self._pages

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)


def source_uris(site: Site) -> dict[str, str]:
    """Each source file (from the project root) -> what it becomes on the site, for links written to files."""
    uris = {page.source.path: page.path for page in site.pages}
    for items, uri in ((site.newsletters, newsletter_uri), (site.resources, resource_uri), (site.events, event_uri)):
        uris.update((item.source.path, uri(item)) for item in items)
    for resource in site.resources:
        uris.update((attachment.source, attachment_uri(attachment.file)) for attachment in resource.attachments)
    return uris


def page_sources(site: Site) -> dict[str, str]:
    """Each page made from a source file (its uri) -> that file, from the project root."""
    return {uri: source for source, uri in source_uris(site).items() if uri.endswith(".md")}


def _sources(root: Path, site: Site, doc_texts: dict[str, str]) -> list[LinkSource]:
    sources = [
        LinkSource(page.source.path, doc_texts[page.path], page.source.body_line, page.path)
        for page in site.pages
    ]
    for items, uri in ((site.newsletters, newsletter_uri), (site.resources, resource_uri), (site.events, event_uri)):
        beside = items is site.newsletters  # an issue's images are published with it
        sources += [
            LinkSource(item.source.path, item.body, item.source.body_line, uri(item), (root / item.source.path).parent, beside)
            for item in items
        ]
    return sources


def _body(root: Path, path: str, body_line: int) -> str:
    lines = (root / path).read_text(encoding="utf-8").removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    return "\n".join(lines[body_line - 1:])
