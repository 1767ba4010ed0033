"""Indexing while the site renders: a helper process the build feeds page by page.

MkDocs renders pages one after another on one core, and indexing every page's
text (stemmed and counted) is a sixth of the build's work again. `IndexAlongside`
sends each page's finished HTML to a helper process (`python -m
tip_site.search.index_helper`), which indexes it and writes its files on the
machine's other core while the next pages render; the build waits for it only
at the end. `IndexHere` does the same work in the build's own process: for
builds with the speed-ups off, and when no helper can be started. Both take
the pages in the same order and run the same code, so they write the same bytes.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

from tip_site.search.page_text import first_paragraph_text, page_text
from tip_site.search.site_index import SearchFilter, SearchPage, SiteIndex, write_files

HELPER_MODULE = "tip_site.search.index_helper"


class IndexFailed(Exception):
    """The index could not be made: the build must not publish a site whose search misses pages."""


@dataclass(frozen=True)
class RenderedPage:
    """A page as the build has it; its text and summary are read from the HTML where it is indexed."""

    url: str
    title: str
    description: str  # the front matter's, or "" for the first paragraph of the HTML
    html: str
    headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()


def search_page(page: RenderedPage) -> SearchPage:
    summary = page.description or first_paragraph_text(page.html)
    return SearchPage(page.url, page.title, summary, page_text(page.html), page.headings, page.keywords, page.filters)


class Indexer(Protocol):
    def add(self, page: RenderedPage) -> None: ...
    def no_more_pages(self) -> None: ...  # the helper can write its last files while the build goes on
    def finish(self) -> int: ...  # the pages indexed, once every file is written
    def abandon(self) -> None: ...


class IndexHere:
    """Indexing in this process: each page's file written as it comes, the rest at the end."""

    def __init__(self, synonyms: dict[str, list[str]], filters: Iterable[SearchFilter], site_dir: Path) -> None:
        self.index = SiteIndex(synonyms, filters)
        self.site_dir = Path(site_dir)
        self._folders: set[Path] = set()

    def add(self, page: RenderedPage) -> None:
        # Written at once, so no page's text is held until the end of the build.
        write_files([self.index.add(search_page(page))], self.site_dir, self._folders)

    def no_more_pages(self) -> None:
        pass

    def finish(self) -> int:
        write_files(self.index.files(), self.site_dir, self._folders)
        return self.index.pages

    def abandon(self) -> None:
        pass


class IndexAlongside:
    """Indexing in a helper process, fed through a pipe; `finish` waits for it and reports its outcome."""

    def __init__(self, synonyms: dict[str, list[str]], filters: Iterable[SearchFilter], site_dir: Path) -> None:
        self._errors = tempfile.TemporaryFile()  # the helper's own errors, read only if it fails
        package_root = str(Path(__file__).resolve().parents[2])  # the helper imports this very copy of tip_site
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH")))))
        self._process = subprocess.Popen(
            [sys.executable, "-m", HELPER_MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._errors, env=environment,
        )
        self._broken = False
        self._send((dict(synonyms), tuple(filters), str(site_dir)))

    def _send(self, message: object) -> None:
        if self._broken:
            return
        try:
            pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # the helper has stopped: finish() says why
            self._broken = True

    def add(self, page: RenderedPage) -> None:
        self._send(page)

    def no_more_pages(self) -> None:
        if self._process.stdin.closed:
            return
        self._send(None)
        try:
            self._process.stdin.close()
        except OSError:
            pass

    def finish(self) -> int:
        self.no_more_pages()
        answer = self._process.stdout.read()
        self._process.wait()
        try:
            outcome, detail = pickle.loads(answer)
        except Exception:  # noqa: BLE001 - no answer at all: the helper stopped before it could give one
            outcome, detail = "failed", f"it stopped (exit status {self._process.returncode}) {self._stderr()}".strip()
        self._errors.close()
        if outcome != "done":
            raise IndexFailed(f"the search index could not be made: {detail}")
        return int(detail)

    def abandon(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        for stream in (self._process.stdin, self._process.stdout, self._errors):
            try:
                stream.close()
            except OSError:
                pass

    def _stderr(self) -> str:
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        return f"({lines[-1]})" if lines else ""


def start_indexer(
    synonyms: dict[str, list[str]], filters: Iterable[SearchFilter], site_dir: Path, alongside: bool,
) -> Indexer:
    """A helper process if `alongside` and one can be started, else indexing in this process."""
    filters = tuple(filters)
    if alongside and sys.executable:
        try:
            return IndexAlongside(synonyms, filters, site_dir)
        except OSError:
            pass
    return IndexHere(synonyms, filters, site_dir)
