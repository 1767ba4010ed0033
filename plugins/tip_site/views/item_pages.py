"""A page for every newsletter issue and resource (events: event_pages.py), at the URLs of `urls.py`.

The first, plain version of each page: its title, summary and body. Each
content area gives its pages a richer layout in its own module.
"""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.urls import resource_uri


def _page(uri: str, title: str, summary: str, body: str) -> GeneratedPage:
    markdown = front_matter(title=title, description=summary) + f"# {text(title)}\n\n{text(summary)}\n\n{body}\n"
    return GeneratedPage(uri, markdown)


def item_pages(site: Site) -> list[GeneratedPage]:
    # Newsletter issues and events have their own pages: newsletter_pages.py, event_pages.py.
    pages = [_page(resource_uri(r), r.title, r.summary, r.body) for r in site.resources]
    return pages
