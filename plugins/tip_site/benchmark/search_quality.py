"""How well the site's search answers real queries, typed into its dialog in Chromium.

`ranks` opens the dialog once with the "/" key, as a keyboard user would, then
for each query clears the search box, types the query and waits until the
results panel names it; it reads the addresses of the results, in order, from
the links of the list labelled as the results. `summarise` turns the ranks
into the figures the issue asks for: right page first, in the top 5, and
queries with no result at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol
from urllib.parse import urlsplit

RESULTS = '[aria-label="Search results"] li a'


class QueryLike(Protocol):
    text: str
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    query: str
    results: tuple[str, ...]  # site-relative addresses of the results shown, best first
    expected: tuple[str, ...]

    @property
    def rank(self) -> int | None:
        """Position (1-based) of the first right page, or None if none was shown."""
        return next((n for n, url in enumerate(self.results, 1) if url in self.expected), None)


@dataclass(frozen=True)
class Summary:
    queries: int
    first: int
    top3: int
    top5: int
    nothing: int

    def __str__(self) -> str:
        return (f"{self.queries} queries: right page first {self.first}, in the top 3 {self.top3}, "
                f"in the top 5 {self.top5}, no result {self.nothing}")


def ranks(page, base_url: str, queries: Iterable[QueryLike], timeout_ms: int = 10_000) -> list[Answer]:
    """Type each query into the open search dialog of `base_url` and read its results."""
    page.goto(base_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog")
    searchbox = dialog.get_by_role("searchbox")
    searchbox.wait_for(timeout=timeout_ms)
    answers = []
    for query in queries:
        searchbox.fill("")
        searchbox.press_sequentially(query.text)
        page.get_by_role("status").filter(has_text=re.compile(re.escape(f"“{query.text}”"))).wait_for(timeout=timeout_ms)
        hrefs = dialog.locator(RESULTS).evaluate_all("links => links.map(link => link.href)")
        answers.append(Answer(query.text, tuple(_site_relative(href, base_url) for href in hrefs), tuple(query.expected)))
    return answers


def summarise(answers: list[Answer]) -> Summary:
    ranked = [a.rank for a in answers]
    return Summary(
        queries=len(answers),
        first=sum(1 for r in ranked if r == 1),
        top3=sum(1 for r in ranked if r is not None and r <= 3),
        top5=sum(1 for r in ranked if r is not None and r <= 5),
        nothing=sum(1 for a in answers if not a.results),
    )


def _site_relative(href: str, base_url: str) -> str:
    path = urlsplit(href).path
    base = urlsplit(base_url).path
    relative = path[len(base):] if path.startswith(base) else path.lstrip("/")
    return relative.removesuffix("index.html")
