"""Indexing the site's pages as they render: each page's file at once, the rest at the end.

Indexing every page's text (stemmed and counted) is a sixth of the build's
work again: the build hands `SiteIndexer` to its helper process
(`tip_site.alongside`), which does it on the machine's other core while the next
pages render. The page's text and summary are read from its HTML there too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from tip_site.search.page_text import first_paragraph_text, page_text
from tip_site.search.rendered_page import RenderedPage
from tip_site.search.site_index import SearchFilter, SearchPage, SiteIndex, write_files


def search_page(page: RenderedPage) -> SearchPage:
    summary = page.description or first_paragraph_text(page.html)
    return SearchPage(page.url, page.title, summary, page_text(page.html), page.headings, page.keywords, page.filters)


class SiteIndexer:
    """The index of one build, written under `site_dir` as pages come."""

    def __init__(self, synonyms: dict[str, list[str]], filters: Iterable[SearchFilter], site_dir: Path) -> None:
        self.index: SiteIndex | None = SiteIndex(synonyms, filters)
        self.site_dir = Path(site_dir)
        self._folders: set[Path] = set()

    def add(self, page: RenderedPage) -> None:
        # Written at once, so no page's text is held until the end of the build.
        write_files([self.index.add(search_page(page))], self.site_dir, self._folders)

    def finish(self) -> None:
        write_files(self.index.files(), self.site_dir, self._folders)
        self.index = None  # written: its memory is free for the feeds and emails, made next
