"""The XSL stylesheet that makes a feed opened in a browser a readable page, not raw XML."""

from __future__ import annotations

from importlib.resources import files

from tip_site.views.content_security import with_policy
from tip_site.views.feeds.catalogue import SUBSCRIBE_URI
from tip_site.views.publication import Publication
from tip_site.views.urls import page_url


def feed_stylesheet(publication: Publication) -> bytes:
    template = files("tip_site.views.feeds").joinpath("feed.xsl").read_text(encoding="utf-8")
    filled = template.replace("{{SUBSCRIBE_URL}}", publication.absolute(page_url(SUBSCRIBE_URI)))
    filled = filled.replace("{{HOME_URL}}", publication.url)
    # The page a browser makes of a feed carries the site's policy too: its one <style> allowed by hash.
    return with_policy(filled, xslt_page=True).encode("utf-8")
