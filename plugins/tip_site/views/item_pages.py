"""A page for every newsletter issue (events: event_pages.py), at the URLs of `urls.py`.

The first, plain version of each page: its title, summary and body. Each
content area gives its pages a richer layout in its own module (resources:
resource_pages.py).
"""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.urls import newsletter_uri


def _page(uri: str, title: str, summary: str, body: str) -> GeneratedPage:
    markdown = front_matter(title=title, description=summary) + f"# {text(title)}\n\n{text(summary)}\n\n{body}\n"
    return GeneratedPage(uri, markdown)


def item_pages(site: Site) -> list[GeneratedPage]:
    pages = [_page(newsletter_uri(n), n.title, n.summary, n.body) for n in site.newsletters]
    return pages
