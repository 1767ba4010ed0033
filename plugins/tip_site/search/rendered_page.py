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
