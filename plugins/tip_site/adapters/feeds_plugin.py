"""The `tip-feeds` MkDocs plugin: feeds, calendars, their stylesheet, the Subscribe page
and the `<link rel="alternate">` list of every page.

It only wires `tip_site.views` into the build: the Site and each page's
rendered HTML come from the `tip-content` plugin, which must come first.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from tip_site.adapters.content_plugin import OUTPUTS
from tip_site.views.feeds.catalogue import FeedLink, feed_links_by_page
from tip_site.views.feeds.files import feed_page_uris
from tip_site.views.publication import IdScheme, Publication
from tip_site.views.subscribe_page import subscribe_page

log = logging.getLogger("mkdocs.plugins.tip_site")


class FeedsConfig(Config):
    # Feed item ids are built from these two: set them once and never change them,
    # even if the site moves to another address.
    id_authority = c.Optional(c.Type(str))
    id_year = c.Type(int, default=2026)


class FeedsPlugin(BasePlugin[FeedsConfig]):
    publication: Publication | None = None
    feed_links: dict[str, tuple[FeedLink, ...]]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Fresh per build, so `mkdocs serve` never keeps an old site address or name.
        url = config.site_url
        if not url:
            raise PluginError("site_url: feeds and calendars need the site's full address — set site_url in mkdocs.yml")
        url = url if url.endswith("/") else url + "/"
        authority = self.config.id_authority or urlsplit(url).hostname or ""
        self.publication = Publication(config.site_name, url, IdScheme(authority, self.config.id_year))
        self.feed_links = {}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        page = subscribe_page(self._content(config).site, self.publication)
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"{config.docs_dir}/{page.uri}: the site generates this page — rename or remove the file in docs/")
        files.append(File.generated(config, page.uri, content=page.markdown))
        self.feed_links = feed_links_by_page(self._content(config).site, config.site_name)
        fallback = self._content(config).site.history.fallback
        if fallback:  # INFO: a build without history is still a good build, only less precise
            log.info(f"Feeds and calendars: {fallback}")
        self._content(config).keep_rendered(feed_page_uris(self._content(config).site))
        return files

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        # The partial overrides/partials/tip/feed-links.html only displays this list.
        context["tip_feed_links"] = self.feed_links.get(page.file.src_uri, self.feed_links[""])
        return context

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # MkDocs has converted every page: feeds carry exactly the HTML the site shows. They are
        # written on the other core while the theme renders the pages (tip_site/alongside.py).
        self._content(config).outputs.call(OUTPUTS, "write_feeds_and_calendars", self.publication, str(config.site_dir))
        return env

    @staticmethod
    def _content(config: MkDocsConfig):
        content = config.plugins.get("tip-content")
        if content is None or content.site is None:
            raise PluginError("tip-feeds: list the tip-content plugin before tip-feeds in mkdocs.yml")
        return content
