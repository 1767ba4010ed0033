"""Redirect pages: an item's former ids keep their addresses, leading to where it lives now.

Why not the mkdocs-redirects plugin: its pages carry an inline script, which a
Content-Security-Policy without 'unsafe-inline' blocks (a violation on every
redirect), and its map is static YAML in mkdocs.yml, while former ids live in
each item's front matter. A meta refresh needs no script, works in every
browser, and these pages are plain files of the build like any other,
carrying the site's Content-Security-Policy like every page.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from tip_site.core.model import Event, Newsletter, Resource, Site
from tip_site.views.content_security import with_policy
from tip_site.views.generated_file import GeneratedFile
from tip_site.views.urls import event_uri, href, newsletter_uri, page_url, resource_uri

PAGE = """\
<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<title>{title} has moved</title>
</head>
<body>
<main>
<h1>{title} has moved</h1>
<p>Its new address is <a href="{target}">{target}</a>. Update your bookmark or link.</p>
</main>
</body>
</html>
"""


def redirect_files(site: Site) -> list[GeneratedFile]:
    """One page at each former address of a newsletter issue, resource or event."""
    kinds: list[tuple[tuple[Newsletter | Resource | Event, ...], Callable[[str], str]]] = [
        (site.newsletters, newsletter_uri), (site.resources, resource_uri), (site.events, event_uri),
    ]
    files = []
    for items, uri_of in kinds:
        for item in items:
            for former in item.former_ids:
                old = uri_of(former)
                target = href(old, uri_of(item.id))
                page = with_policy(PAGE.format(target=escape(target), title=escape(item.title, quote=False)))
                files.append(GeneratedFile(page_url(old) + "index.html", content=page))
    return files
