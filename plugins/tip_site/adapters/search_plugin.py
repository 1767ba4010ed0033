"""The `tip-search` MkDocs plugin: a full-text index in small files, and a dialog that loads on first use.

It replaces Material's search plugin, whose whole index every first visit
downloads. The work is in `tip_site.search`; this only wires it in.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tip_site.alongside import Alongside, InThisProcess
from tip_site.bundles import join_parts
from tip_site.search.rendered_page import RenderedPage
from tip_site.views.search.filters import SearchFilters, search_filters
from tip_site.views.search.keywords import search_keywords

ASSETS = Path(__file__).resolve().parents[1] / "search" / "assets"
# The dialog's script (the stemmer first, then the code that uses it) and styles, loaded when a
# visitor first opens search (by overrides/assets/tip/search-button.js, in the site's script bundle).
SITE_INDEXER = "tip_site.search.indexer:SiteIndexer"  # run by the helper process: the build need not import it
DIALOG_SCRIPT = ("assets/tip/search.js", ("english_stemmer.js", "search.js"))
DIALOG_STYLE = ("assets/tip/search.css", ("search.css",))


class SearchConfig(Config):
    # Words people type that the pages put another way: {word: [the pages' word or words, …]}.
    synonyms = c.Type(dict, default={})


class SearchPlugin(BasePlugin[SearchConfig]):
    alongside: Alongside | None = None  # where the index is made: tip-content's helper process, or here

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for word, alternatives in self.config.synonyms.items():
            if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
                raise PluginError(f"mkdocs.yml: tip-search: synonyms: {word}: give a list of words, like [schools, education]")
            if len(str(word).split()) != 1:
                raise PluginError(f"mkdocs.yml: tip-search: synonyms: '{word}': give one word before the colon")
        self._synonyms = {str(word): list(alternatives) for word, alternatives in self.config.synonyms.items()}
        self.alongside = None  # fresh for every (re)build
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # tip-content (listed before us) has loaded the content: item pages' facts become keywords,
        # and their type, groups, priorities and audiences the filters.
        site = getattr(config.plugins.get("tip-content"), "site", None)
        self._keywords = search_keywords(site) if site is not None else {}
        self._filters = search_filters(site) if site is not None else SearchFilters((), {})
        # Pages are indexed on the other core while MkDocs renders (tip_site/alongside.py), where
        # tip-content has started its helper process; tip-content waits for it before publishing.
        self.alongside = getattr(config.plugins.get("tip-content"), "alongside", None) or InThisProcess()
        self.alongside.start("search", SITE_INDEXER, self._synonyms, self._filters.filters, Path(config.site_dir))
        for uri, sources in (DIALOG_SCRIPT, DIALOG_STYLE):
            parts = [(f"tip_site/search/assets/{name}", (ASSETS / name).read_text(encoding="utf-8")) for name in sources]
            files.append(File.generated(config, uri, content=join_parts(parts, uri.rsplit(".", 1)[1])))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The page's finished content (tip-content completes assembled pages first), before the theme
        # wraps it: its text is the reader's, whether the page is later filled into a shell or not.
        search = page.meta.get("search")
        search = search if isinstance(search, dict) else {}
        if search.get("exclude"):
            return html
        headings = tuple(item.title for top in page.toc for item in (top, *top.children))
        title = page.meta.get("title") or page.title or ""  # the page's own title, not its shorter nav label
        keywords = search.get("keywords") or ()
        keywords = (*map(str, keywords if isinstance(keywords, list) else [keywords]), *self._keywords.get(page.file.src_uri, ()))
        filters = self._filters.of(page.file.src_uri)
        description = str(page.meta.get("description") or "")  # else the indexer takes the first paragraph
        self.alongside.call("search", "add", RenderedPage(page.url, str(title), description, html, headings, keywords, filters))
        return html

    @event_priority(110)  # before tip-content hands the feeds over: the helper finishes the index first
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # MkDocs has read every page: the index's last files are written while the theme renders them.
        if self.alongside is not None:
            self.alongside.call("search", "finish")
        return env
