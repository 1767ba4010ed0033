"""The `tip-search` MkDocs plugin: a chunked search index and a dialog that load on first use.

It replaces Material's search plugin, whose whole index every first visit
downloads. The work is in `tip_site.search`; this only wires it in.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tip_site.search.site_index import SearchRecord, build_index, first_paragraph_text, write_index

ASSETS = Path(__file__).resolve().parents[1] / "search" / "assets"
ASSET_URIS = {"assets/tip/search.js": "search.js", "assets/tip/search.css": "search.css"}


class SearchPlugin(BasePlugin):
    records: list[SearchRecord]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.records = []  # fresh for every (re)build
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The dialog's script and styles, fetched only when a visitor opens search.
        for uri, name in ASSET_URIS.items():
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Title, summary and headings are known here, before the theme wraps the page.
        search = page.meta.get("search")
        if not (isinstance(search, dict) and search.get("exclude")):
            headings = tuple(item.title for top in page.toc for item in (top, *top.children))
            summary = page.meta.get("description") or first_paragraph_text(html)
            title = page.meta.get("title") or page.title or ""  # the page's own title, not its shorter nav label
            self.records.append(SearchRecord(page.url, str(title), str(summary), headings))
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        write_index(build_index(self.records), Path(config.site_dir))
