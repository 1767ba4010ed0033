"""Internal link checking: every link to a page, heading, image or file must exist.

Pure and fast: it checks the Markdown editors wrote (content bodies and docs
pages) against a map of the site — the pages it will have (hand-written and
generated, each with its Markdown for anchors) and its other files. It runs
before any build, so editors see `path:line` of the link they wrote rather
than a warning about a generated page.

A link may be written to the page (`../library/toolkit.md`) or, as GitHub's
preview of the file expects, to the source file (`../resources/toolkit.md`):
both work, and the build rewrites the second kind to the first.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

from tip_site.core.link_schemes import refused_scheme
from tip_site.core.markdown_links import EXTERNAL, Link, anchors, links, spaced_links
from tip_site.core.problems import Problems
from tip_site.core.suggest import closest

_DOMAIN = re.compile(
    r"^(?:www\.[^/\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|org|com|net|gov|nhs|ac|co|info|io|edu|scot|wales|eu))(?:[/?#].*)?$",
    re.I,
)
_EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$", re.I)
_MISSING_COLON = re.compile(r"^(https?)(//|:/(?!/))", re.I)


@dataclass(frozen=True)
class LinkSource:
    """Markdown an editor wrote, and where it ends up on the site."""

    path: str  # the file, relative to the project root, for messages
    body: str
    body_line: int  # the file line the body starts on
    page_uri: str  # the page it becomes, e.g. "newsletters/2025-q1.md"
    folder: Path | None = None  # its folder on disk
    publishes_beside: bool = False  # files beside it are published with it (newsletter images)


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
    # Source files (from the project root, "content/resources/x.md") -> what they become on the site.
    sources: Mapping[str, str] = field(default_factory=dict)
    docs_prefix: str = "docs/"
    _anchors: dict[str, frozenset[str]] = field(default_factory=dict)
    _folders: set[str] | None = None
    _names: dict[str, list[str]] | None = None

    @property
    def folders(self) -> set[str]:
        if self._folders is None:
            self._folders = {posixpath.dirname(uri) for uri in self.pages}
        return self._folders

    def pages_named(self, name: str) -> list[str]:
        """Pages with this file name, in any folder (indexed once: hints stay fast at thousands of pages)."""
        if self._names is None:
            self._names = {}
            for uri in self.pages:
                self._names.setdefault(posixpath.basename(uri), []).append(uri)
        return self._names.get(name, [])

    def anchors(self, uri: str) -> frozenset[str]:
        if uri not in self._anchors:  # computed only for pages linked with a '#'
            self._anchors[uri] = anchors(self.pages[uri])
        return self._anchors[uri]

    def exists(self, uri: str) -> bool:
        return uri in self.pages or uri in self.files or uri in self.withheld


def source_target(path: str, source_path: str, sources: Mapping[str, str], exists: Callable[[str], bool], docs_prefix: str = "docs/") -> str | None:
    """The site uri a link written to a source file means (`../resources/x.md` from content/newsletters/)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), path))
    if target in sources:
        return sources[target]
    if target.startswith(docs_prefix) and exists(target[len(docs_prefix):]):
        return target[len(docs_prefix):]
    return None


def check_links(sources: list[LinkSource], site: SiteMap, problems: Problems) -> None:
    for source in sources:
        for link in links(source.body, external=True):
            problem = _unreadable(link) if EXTERNAL.match(link.target) else _problem(link, source, site)
            if problem:
                message, fix = problem
                problems.add(source.path, source.body_line + link.line - 1, None, message, fix)
        for link in spaced_links(source.body):
            problems.add(
                source.path, source.body_line + link.line - 1, None,
                f"the address of the link '{link.target}' has a space in it, so the page shows it as text, not as a link",
                "write the address without spaces (for a file, rename it with hyphens instead of spaces), "
                "or put it in angle brackets: (<" + link.target + ">)",
            )


def _unreadable(link: Link) -> tuple[str, str] | None:
    """An address no program can read (MkDocs itself stops on one): a stray bracket, a port out of range."""
    try:
        parts = urlsplit(link.target)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return (f"the web address '{link.target}' is not valid", "copy the address again from the browser's address bar")
    return None


def _problem(link: Link, source: LinkSource, site: SiteMap) -> tuple[str, str] | None:
    written = link.target
    if refused_scheme(written):
        return None  # not a file of the site: the markup check refuses its scheme (core/markup_check.py)
    unreadable = _unreadable(link)
    if unreadable:
        return unreadable
    path, _, fragment = written.partition("#")
    path = unquote(path.partition("?")[0])
    web = _web_address_problem(written, path)
    if web:
        return web
    if path.startswith("/"):
        return (f"the link '{written}' starts with '/', which breaks when the site is not at the top of its address",
                "write a relative link, like '../about.md'")
    if not path:
        return _anchor_problem(written, source.page_uri, fragment, site, same_page=True)
    here = posixpath.dirname(source.page_uri)
    target = posixpath.normpath(posixpath.join(here, path))
    if not site.exists(target) or target.endswith("/"):
        meant = source_target(path, source.path, site.sources, site.exists, site.docs_prefix)
        if meant is not None:
            target = meant
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
            as_source = posixpath.normpath(posixpath.join(posixpath.dirname(source.path), path))
            return (f"the link '{written}' points to a page that does not exist", _page_hint(target, here, site, as_source))
        return _anchor_problem(written, target, fragment, site) if fragment else None
    if target in site.files or (source.publishes_beside and source.folder is not None and (source.folder / path).is_file()):
        return None
    return _missing_file(link, path, target, here, source, site)


def _web_address_problem(written: str, path: str) -> tuple[str, str] | None:
    """A web address written without https:// (a link to www.nhs.uk would look for a file called that)."""
    missing_colon = _MISSING_COLON.match(written)
    if missing_colon:
        fixed = written.replace(missing_colon[0], f"{missing_colon[1]}://", 1)
        return (f"the web address '{written}' is missing part of its start", f"write it as {fixed}")
    if _EMAIL.match(path):
        return (f"'{written}' is an email address, written where a link goes", f"write mailto: before it: (mailto:{written})")
    if _DOMAIN.match(written) and not written.lower().endswith((".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf")):
        return (f"the link '{written}' looks like a web address without https:// at its start, so it would look for a file on this site",
                f"start it with https://, like https://{written}")
    return None


def _missing_file(link: Link, path: str, target: str, here: str, source: LinkSource, site: SiteMap) -> tuple[str, str]:
    what = "image" if link.is_image else "file"
    written = link.target
    page = target.rstrip("/") + ".md" if not target.endswith((".html", ".htm")) else target.rsplit(".", 1)[0] + ".md"
    index = posixpath.join(target.rstrip("/"), "index.md")
    for meant in (page, index):
        if meant in site.pages:
            return (f"the link '{written}' is written as a web address of this site, which the check cannot follow",
                    f"link to the page's file instead: '{posixpath.relpath(meant, here or '.')}'")
    if not source.publishes_beside and source.folder is not None and (source.folder / path).is_file():
        if (source.folder / path).resolve().parent.name == "files" and source.path.startswith("content/resources/"):
            return (f"the {what} '{written}' is not published: no resource lists it as an attachment",
                    f"list it under 'attachments:' in this file's front matter ('- file: {posixpath.basename(path)}' and a 'title:')")
        return (f"the {what} '{written}' is kept beside the content file, where the site does not publish it",
                f"move it into docs/images/ and write ../images/{posixpath.basename(path)}" if link.is_image else
                f"move it into content/resources/files/ and list it under a resource's 'attachments:'")
    name = posixpath.basename(target)
    folder = posixpath.dirname(target)
    same_folder = [f for f in site.files if posixpath.dirname(f) == folder]
    by_case = next((f for f in same_folder if posixpath.basename(f).lower() == name.lower()), None)
    if by_case is not None:
        return (f"the {what} '{written}' does not exist", f"capital letters matter: the file is called '{posixpath.basename(by_case)}'")
    close = closest(name, [posixpath.basename(f) for f in same_folder])
    if close:
        return (f"the {what} '{written}' does not exist", f"did you mean '{posixpath.relpath(posixpath.join(folder, close), here or '.')}'?")
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


def _page_hint(target: str, here: str, site: SiteMap, written_from: str | None = None) -> str:
    # Compare with pages in the same folder, or of the same file name elsewhere
    # ('resources/x.md' -> 'library/x.md'), or with the source files of the folder the link
    # points into ('../resources/tolkit.md' -> 'library/toolkit.md'): fast even with thousands of pages.
    generic = "check the spelling; links to pages end in .md and are relative, like '../about.md'"
    if written_from is not None:
        folder = posixpath.dirname(written_from)
        files = {posixpath.basename(path): uri for path, uri in site.sources.items() if posixpath.dirname(path) == folder and uri.endswith(".md")}
        close = closest(posixpath.basename(written_from), files)
        if close:
            return f"did you mean '{posixpath.relpath(files[close], here or '.')}'?"
    folder, name = posixpath.split(target)
    same_name = site.pages_named(name)
    neighbours = {posixpath.basename(uri): uri for uri in site.pages if posixpath.dirname(uri) == folder}
    close = closest(name, neighbours)
    match = neighbours[close] if close else (same_name[0] if len(same_name) == 1 else None)
    if match:
        return f"did you mean '{posixpath.relpath(match, here or '.')}'?"
    return generic


def rewrite_source_links(
    markdown: str, source_path: str, page_uri: str, sources: Mapping[str, str], exists: Callable[[str], bool],
    docs_prefix: str = "docs/",
) -> str:
    """Markdown with links written to source files turned into links to their pages (for MkDocs)."""
    from tip_site.core.markdown_links import rewrite_links

    here = posixpath.dirname(page_uri)

    def rewrite(target: str) -> str | None:
        path, hash_, fragment = target.partition("#")
        plain = unquote(path.partition("?")[0])
        if not plain or plain.startswith("/") or EXTERNAL.match(target):
            return None
        if exists(posixpath.normpath(posixpath.join(here, plain))):
            return None
        meant = source_target(plain, source_path, sources, exists, docs_prefix)
        if meant is None:
            return None
        return posixpath.relpath(meant, here or ".") + hash_ + fragment

    return rewrite_links(markdown, rewrite)
