"""The `tip-search` MkDocs plugin: a Pagefind index and a search dialog that load on first use.

It replaces Material's search plugin, whose whole index every first visit
downloads. The work is in `tip_site.search`; this only wires it in.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tip_site.search.index import SearchIndexFailed, build_search_index, leave_out_of_search

ASSETS = Path(__file__).resolve().parents[1] / "search" / "assets"
ASSET_URIS = {"assets/tip/search.js": "search.js", "assets/tip/search.css": "search.css"}


class SearchPlugin(BasePlugin):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # The dialog's script and styles, fetched only when a visitor opens search.
        for uri, name in ASSET_URIS.items():
            files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # `search: exclude: true` in a page's front matter keeps it out of results.
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            return leave_out_of_search(output)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Pagefind reads the finished HTML, so it runs once every page is written.
        try:
            build_search_index(Path(config.site_dir))
        except SearchIndexFailed as failed:
            raise PluginError(str(failed)) from None
