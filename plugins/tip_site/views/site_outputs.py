"""The files made from the converted pages once MkDocs has them all: feeds, calendars, email editions.

No page needs them, so the build hands `SiteOutputs` to its helper process
(`tip_site.alongside`), which writes the files while the theme renders the pages.
They are made from the pages' HTML, never from the editors' Markdown: the site
travels to the helper without the items' bodies (`Site.without_bodies`).
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Iterable, Mapping

from tip_site.core.model import Site
from tip_site.views.feeds.calendar import calendar_files
from tip_site.views.feeds.catalogue import STYLESHEET
from tip_site.views.feeds.files import feed_files
from tip_site.views.feeds.stylesheet import feed_stylesheet
from tip_site.views.newsletter_email import email_editions
from tip_site.views.publication import Publication


class SiteOutputs:
    """The site and its pages' converted HTML (by source uri; "" for pages no output needs).

    The HTML may come as UTF-8 bytes, as the build sends it: pickled as str, each page's content string
    would keep a UTF-8 copy of itself in the build for as long as MkDocs holds the page.
    """

    def __init__(self, site: Site, rendered: Mapping[str, str | bytes]) -> None:
        self.site = site
        self.rendered = {uri: html.decode("utf-8") if isinstance(html, bytes) else html for uri, html in rendered.items()}

    def write_feeds_and_calendars(self, publication: Publication, site_dir: str) -> None:
        """Every feed (with the HTML the site shows), calendar and the feeds' stylesheet, under `site_dir`."""
        _write(chain(
            feed_files(self.site, self.rendered, publication),  # one at a time: each is let go once written
            calendar_files(self.site, publication).items(),
            [(STYLESHEET, feed_stylesheet(publication))],
        ), site_dir)

    def write_email_editions(self, site_url: str, site_name: str, exit_url: str, site_dir: str) -> None:
        """The email edition of every published issue, beside its page under `site_dir`."""
        editions = email_editions(self.site, self.rendered, site_url, site_name, exit_url)
        _write(((edition.path, edition.html.encode("utf-8")) for edition in editions), site_dir)


def _write(files: Iterable[tuple[str, bytes]], site_dir: str) -> None:
    for path, data in files:
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
