"""`mkdocs serve` rebuilds: a page whose Markdown did not change is not converted again.

An editor's save rebuilds the whole site, and at 1,000 resources most of that
time went on Python-Markdown converting 1,500 pages of which one had changed.
Between rebuilds this keeps, for each page, what the conversion produced (HTML,
contents list, title, anchors), keyed by the exact Markdown converted. Everything
around it (the views' ready-made parts, content notes, the theme) is still done
afresh. The cache is emptied whenever the set of pages or mkdocs.yml changes,
since links resolve against them, and a page whose conversion logged a warning
is never kept, so a strict preview reports it again on the next rebuild.
Only `mkdocs serve` uses it: `mkdocs build` converts every page, as always.

It puts back attributes MkDocs' conversion sets (`toc`, `_title_from_render`,
`present_anchor_ids`), so each rebuild proves it first: the first page it could
reuse is converted anyway and compared with what was kept; if they differ (a
newer engine, a Markdown extension with state of its own), the cache switches
itself off for the session and every page is converted. TIP_SERVE_FULL_RENDER=1
switches it off from the start.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.tip_site")


@dataclass(frozen=True)
class _Converted:
    key: str
    html: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class RenderCache:
    def __init__(self) -> None:
        self._kept: dict[str, _Converted] = {}
        self._scope = ""
        self._pending: dict[str, tuple[str, int]] = {}  # uri -> (key, warnings before its conversion)
        self.reused: set[str] = set()
        self._proving: str | None = None  # the page converted anyway this build, to compare
        self._proven = False
        self.disabled = False
        self._warnings = _WarningCount()
        logging.getLogger("mkdocs").addHandler(self._warnings)

    def begin(self, scope: str) -> None:
        """A build starts; `scope` names what every page's conversion depends on besides its Markdown."""
        if scope != self._scope:
            self._kept.clear()
            self._scope = scope
        self._pending.clear()
        self.reused = set()
        self._proving, self._proven = None, False

    def unchanged(self, uri: str, markdown: str) -> bool:
        """True if `markdown` was converted last time: skip converting it (return "" to MkDocs)."""
        if self.disabled:
            return False
        key = hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).hexdigest()
        kept = self._kept.get(uri)
        if kept is not None and kept.key == key:
            if not self._proven and self._proving is None:
                self._proving = uri  # convert this one anyway: the proof
                self._pending[uri] = (key, self._warnings.count)
                return False
            if self._proven:
                self.reused.add(uri)
                return True
        self._pending[uri] = (key, self._warnings.count)
        return False

    def converted(self, page: Page, html: str) -> str:
        """The page's converted HTML: the kept one put back, or this one kept for next time."""
        uri = page.file.src_uri
        if uri in self.reused:
            kept = self._kept[uri]
            page.toc, page._title_from_render = kept.toc, kept.title
            page.present_anchor_ids = set(kept.anchors)
            page.links_to_anchors = None  # checked when it was converted
            return kept.html
        key, warnings_before = self._pending.pop(uri, ("", 0))
        fresh = _Converted(key, html, page.toc, getattr(page, "_title_from_render", None), frozenset(page.present_anchor_ids or ()))
        if uri == self._proving:
            self._proving = None
            self._proven = _same(self._kept[uri], fresh)
            if not self._proven:
                self.disabled = True
                self._kept.clear()
                log.info("tip-content: a page converted again differed from its kept conversion: "
                         "every page is converted on each rebuild from now on")
                return html
        if key and self._warnings.count == warnings_before:
            self._kept[uri] = fresh
        else:
            self._kept.pop(uri, None)
        return html


def _same(kept: _Converted, fresh: _Converted) -> bool:
    return (kept.key, kept.html, _toc(kept.toc), kept.title, kept.anchors) == (fresh.key, fresh.html, _toc(fresh.toc), fresh.title, fresh.anchors)


def _toc(toc) -> list:
    return [(item.level, item.id, item.title, _toc(item.children)) for item in toc]


def scope_of(page_uris: list[str], config_text: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (config_text, *sorted(page_uris)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
