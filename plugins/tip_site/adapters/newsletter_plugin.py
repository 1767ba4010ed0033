"""The `tip-newsletters` MkDocs plugin: publishes issue images and writes the email editions.

The pages themselves come from `tip-content` (views/newsletter_pages.py);
this plugin only does what needs MkDocs' files and finished HTML. It keeps no
state between builds: everything comes from `tip-content` each time.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from tip_site.adapters.content_plugin import OUTPUTS, ContentPlugin
from tip_site.core.newsletter_checks import ImageFolders, image_file
from tip_site.views.newsletter_email import DEFAULT_EXIT_URL
from tip_site.views.urls import newsletter_uri


class NewsletterPlugin(BasePlugin):
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Images live in content/newsletters/, outside docs/: publish those of published issues
        # beside their pages (a draft's images stay off the live site).
        content = _content_plugin(config)
        assert content.site is not None
        root = Path(config.config_file_path).parent
        folders = ImageFolders(root / content.config.content_dir / "newsletters", Path(config.docs_dir), root)
        for site_path in sorted({image for issue in content.site.newsletters for image in issue.images}):
            files.append(File.generated(config, site_path, abs_src_path=str(image_file(site_path, folders))))
        content.keep_rendered(newsletter_uri(issue) for issue in content.site.newsletters)  # for the emails
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        # The email editions are made from the HTML MkDocs converted, so only once it has; they
        # are written on the other core while the theme renders the pages (tip_site/alongside.py).
        content = _content_plugin(config)
        assert content.site is not None
        if not config.site_url:
            raise PluginError("site_url: the email editions need the site's address — set site_url in mkdocs.yml")
        exit_url = (config.extra.get("exit_this_page") or {}).get("url") or DEFAULT_EXIT_URL
        content.outputs.call(OUTPUTS, "write_email_editions", config.site_url, config.site_name, exit_url, str(config.site_dir))
        return env


def _content_plugin(config: MkDocsConfig) -> ContentPlugin:
    plugin = config.plugins.get("tip-content")
    if not isinstance(plugin, ContentPlugin):
        raise PluginError("tip-newsletters: list the 'tip-content' plugin before it in mkdocs.yml")
    return plugin
