"""The `tip-bundle` MkDocs plugin: one stylesheet and one script from our own small files.

Configured in mkdocs.yml as {bundle path: [source paths]}; the sources stay
where their owners keep them (overrides/ or docs/), the pages link the bundle.
"""

from __future__ import annotations

import posixpath

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from tip_site.bundles import join_parts


class BundleConfig(Config):
    bundles = c.Type(dict, default={})


class BundlePlugin(BasePlugin[BundleConfig]):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Theme and docs files are all known here, before any page links a bundle.
        for bundle, sources in self.config.bundles.items():
            parts = []
            for source in sources:
                file = files.get_file_from_path(source)
                if file is None:
                    raise PluginError(f"mkdocs.yml: tip-bundle: '{source}' (for {bundle}) is not a file of the site — check the path")
                parts.append((source, file.content_string))
            kind = posixpath.splitext(bundle)[1].lstrip(".")
            files.append(File.generated(config, bundle, content=join_parts(parts, kind)))
        return files
