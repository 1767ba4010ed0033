"""What the build sends to be indexed for each page (search/indexer.py does the indexing)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderedPage:
    """A page as the build has it; its text and summary are read from the HTML where it is indexed."""

    url: str
    title: str
    description: str  # the front matter's, or "" for the first paragraph of the HTML
    html: str
    headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()

    def __reduce__(self):
        # The HTML travels as UTF-8 bytes. Pickling a str would cache its UTF-8 form inside the
        # string itself, which is also the page's content: MkDocs keeps that until it writes the
        # page, so every page's HTML would be held twice (38 MB at 5,000 resources).
        return (_received, (self.url, self.title, self.description, self.html.encode("utf-8"), self.headings, self.keywords, self.filters))


def _received(url: str, title: str, description: str, html: bytes, *rest: tuple) -> RenderedPage:
    return RenderedPage(url, title, description, html.decode("utf-8"), *rest)
