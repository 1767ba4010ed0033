"""Internal link checking: every link to a page, heading, image or file must exist.

Pure and fast: it checks the Markdown editors wrote (content bodies and docs
pages) against a map of the site — the pages it will have (hand-written and
generated, each with its Markdown for anchors) and its other files. It runs
before any build, so editors see `path:line` of the link they wrote rather
than a warning about a generated page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote

from tip_site.core.markdown_links import Link, anchors, links
from tip_site.core.problems import Problems
from tip_site.core.suggest import closest


@dataclass(frozen=True)
class LinkSource:
    """Markdown an editor wrote, and where it ends up on the site."""

    path: str  # the file, relative to the project root, for messages
    body: str
    body_line: int  # the file line the body starts on
    page_uri: str  # the page it becomes, e.g. "newsletters/2025-q1.md"
    folder: Path | None = None  # its folder on disk, for images kept next to content files


@dataclass
class SiteMap:
    """What the site will contain: pages (uri -> Markdown) and other files (uris)."""

    pages: Mapping[str, str | None]  # None: a page another plugin makes, headings unknown
    files: frozenset[str]
    # Pages that exist only in previews (drafts, or scheduled for later).
    withheld: frozenset[str] = frozenset()
    # Of those, the ones scheduled: uri -> (publication date, source file), so messages can say when.
    scheduled: Mapping[str, tuple[dt.date, str]] = field(default_factory=dict)
    # The date this map shows the site on, when it is a later one than today (time travel).
    on: dt.date | None = None
    _anchors: dict[str, frozenset[str]] = field(default_factory=dict)
    _folders: set[str] | None = None
    # "Did you mean" hints cost a comparison with many pages: enough for a pull request's few mistakes.
    hints_left: int = 25

    @property
    def folders(self) -> set[str]:
        if self._folders is None:
            self._folders = {posixpath.dirname(uri) for uri in self.pages}
        return self._folders

    def anchors(self, uri: str) -> frozenset[str]:
        if uri not in self._anchors:  # computed only for pages linked with a '#'
            self._anchors[uri] = anchors(self.pages[uri])
        return self._anchors[uri]


def check_links(sources: list[LinkSource], site: SiteMap, problems: Problems) -> None:
    for source in sources:
        for link in links(source.body):
            problem = _problem(link, source, site)
            if problem:
                message, fix = problem
                problems.add(source.path, source.body_line + link.line - 1, None, message, fix)


def _problem(link: Link, source: LinkSource, site: SiteMap) -> tuple[str, str] | None:
    written = link.target
    path, _, fragment = written.partition("#")
    path = unquote(path.partition("?")[0])
    if path.startswith("/"):
        return (f"the link '{written}' starts with '/', which breaks when the site is not at the top of its address",
                "write a relative link, like '../about.md'")
    if not path:
        return _anchor_problem(written, source.page_uri, fragment, site, same_page=True)
    here = posixpath.dirname(source.page_uri)
    target = posixpath.normpath(posixpath.join(here, path))
    if target == ".." or target.startswith("../"):
        return (f"the link '{written}' points outside the site", "link to a page of the site, or write the full https:// address")
    if path.endswith("/") or target in site.folders:
        index = posixpath.join(target, "index.md")
        if index in site.pages:
            return (f"the link '{written}' points to a folder", f"link to the page itself: '{posixpath.relpath(index, here or '.')}'")
    if target.endswith(".md"):
        if target in site.withheld:
            return _withheld_problem(written, target, site)
        if target not in site.pages:
            return (f"the link '{written}' points to a page that does not exist", _page_hint(target, here, site))
        return _anchor_problem(written, target, fragment, site) if fragment else None
    if target in site.files or (source.folder is not None and (source.folder / path).is_file()):
        return None
    what = "image" if link.is_image else "file"
    return (f"the {what} '{written}' does not exist",
            "check the spelling and the folder of the file name (capital letters matter), or add the file")


def _withheld_problem(written: str, target: str, site: SiteMap) -> tuple[str, str]:
    if target not in site.scheduled:
        return (f"the link '{written}' points to a page that is a draft or scheduled for later, so it is not on the live site yet",
                "remove the link until that page is published, or publish it first")
    later, path = site.scheduled[target]
    if site.on is None:
        return (f"the link '{written}' points to {path}, which is scheduled for {later.isoformat()}, so it is not on the live site yet",
                f"remove the link until {later.isoformat()}, or publish {path} first")
    return (f"this is scheduled for {site.on.isoformat()}, but the link '{written}' points to {path}, which is scheduled for "
            f"{later.isoformat()}: from {site.on.isoformat()} to {later.isoformat()} the link would be broken",
            f"publish {path} on or before {site.on.isoformat()}, or this on or after {later.isoformat()}")


def _anchor_problem(written: str, uri: str, fragment: str, site: SiteMap, same_page: bool = False) -> tuple[str, str] | None:
    if not fragment or site.pages.get(uri) is None:
        return None
    available = site.anchors(uri)
    if fragment in available:
        return None
    where = "this page" if same_page else f"the page '{written.partition('#')[0]}'"
    match = closest(fragment, available)
    fix = f"did you mean '#{match}'?" if match else "link to a heading that exists: '#' and the heading in lower case, with hyphens for spaces"
    return (f"{where} has no heading or anchor '#{fragment}'", fix)


def _page_hint(target: str, here: str, site: SiteMap) -> str:
    # Compare with pages in the same folder, or of the same file name elsewhere
    # ('resources/x.md' -> 'library/x.md'): fast even with thousands of pages.
    generic = "check the spelling; links to pages end in .md and are relative, like '../about.md'"
    if site.hints_left <= 0:
        return generic
    site.hints_left -= 1
    folder, name = posixpath.split(target)
    same_name = [uri for uri in site.pages if posixpath.basename(uri) == name]
    neighbours = {posixpath.basename(uri): uri for uri in site.pages if posixpath.dirname(uri) == folder}
    close = closest(name, neighbours)
    match = neighbours[close] if close else (same_name[0] if len(same_name) == 1 else None)
    if match:
        return f"did you mean '{posixpath.relpath(match, here or '.')}'?"
    return generic
