"""What a first visit downloads, measured in real headless Chromium.

The built site is served on 127.0.0.1; the browser records every request the
page makes until the network is idle — the stylesheets, scripts, images and
fonts the HTML names, and whatever the scripts fetch at load (Material's
search index, for one). Icons the HTML names are added even if headless
Chromium skips them, since a real browser fetches them. Each file counts once,
at its gzip size (or its own size when it is already compressed), as a server
with compression would send it.
"""

from __future__ import annotations

import gzip
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from tip_site.benchmark.local_browser import CHROMIUM_ARGS, chromium_path, serve as _serve



@dataclass(frozen=True)
class Weight:
    urls: tuple[str, ...]  # site-relative paths, each once
    compressed_bytes: int
    other_hosts: tuple[str, ...] = ()  # requests that left the site: there must be none

    @property
    def files(self) -> int:
        return len(self.urls)

    @property
    def kb(self) -> float:
        return self.compressed_bytes / 1000


@dataclass(frozen=True)
class SearchWeight:
    before_interaction: Weight  # what search loaded before anyone touched it
    until_first_results: Weight  # from opening search to the first results on screen
    results_shown: int
    # From the click on the search button to the first result on screen, measured in the page
    # (the click's event to the result's insertion), with nothing cached: the median of the visits.
    seconds_to_first_results: float
    tool_seconds: float = 0.0  # the same as the test tool saw it, its own round trips included
    visits: int = 1


class Browser:
    """One headless Chromium serving one built site; use as a context manager."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir

    def __enter__(self) -> "Browser":
        from playwright.sync_api import sync_playwright  # only the benchmark needs a browser

        self._serving = _serve(self.site_dir)
        self.base_url = self._serving.__enter__()
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        return self

    def __exit__(self, *exc: object) -> None:
        self._browser.close()
        self._playwright.stop()
        self._serving.__exit__(None, None, None)

    def first_visit(self, path: str) -> Weight | None:
        """Everything a first visit to `path` (site-relative, e.g. "library/") downloads; None if it does not exist."""
        if not _file_for(self.site_dir, "/" + path).is_file():
            return None
        context = self._browser.new_context()
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(self.base_url + path, wait_until="networkidle")
        requested += _icons(page.content(), page.url)
        context.close()
        return self._weigh(requested)

    def search(self, query: str, visits: int = 5) -> SearchWeight:
        """Open the home page, click the search button and enter `query` as soon as the box is there.

        Each of the `visits` starts with nothing cached. Timed from the click until the results
        of the whole query are on screen. The weights are the first visit's.
        """
        seconds, tool_seconds, first = [], [], None
        for _ in range(visits):
            context = self._browser.new_context()
            page = context.new_page()
            page.set_default_timeout(60_000)
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(self.base_url, wait_until="networkidle")
            at_load = [url for url in requested if _is_search(url)]
            requested.clear()
            page.evaluate(_TIMER, query)
            results = page.get_by_role("dialog").get_by_role("list", name="Search results").get_by_role("listitem")
            start = time.perf_counter()
            page.get_by_role("button", name="Search").first.click()
            page.get_by_role("searchbox").wait_for()  # the dialog is there, its search box focused
            page.keyboard.insert_text(query)  # the whole query at once, as a paste or a phone's suggestion gives it
            page.locator("dialog [role=status]", has_text=f"for \u201c{query}\u201d").wait_for()
            results.first.wait_for()
            tool_seconds.append(time.perf_counter() - start)
            seconds.append(page.evaluate("window.tipTimer.first - window.tipTimer.click") / 1000)
            if first is None:
                first = (self._weigh(at_load), self._weigh(requested), results.count())
            context.close()
        return SearchWeight(*first, statistics.median(seconds), statistics.median(tool_seconds), visits)

    def _weigh(self, urls: list[str]) -> Weight:
        ours: dict[str, int] = {}
        others: list[str] = []
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue
            if url.startswith(self.base_url):
                path = "/" + unquote(parts.path).removeprefix(urlsplit(self.base_url).path)
                file = _file_for(self.site_dir, path)
                if path not in ours:  # a request for a missing file still costs a round trip
                    ours[path] = compressed_size(file.read_bytes()) if file.is_file() else 0
            else:
                others.append(url)
        return Weight(tuple(sorted(ours)), sum(ours.values()), tuple(sorted(set(others))))


# In the page: when the click came, and when the results of the whole query were on screen
# (results for part of it, as a typist sees on the way, do not count).
_TIMER = """query => {
  window.tipTimer = {};
  document.addEventListener("click", () => { window.tipTimer.click = window.tipTimer.click || performance.now(); }, true);
  new MutationObserver((changes, observer) => {
    const status = document.querySelector("dialog [role=status]");
    if (status && status.textContent.includes("for \u201c" + query + "\u201d")
        && document.querySelector('dialog ol[aria-label="Search results"] li a')) {
      window.tipTimer.first = performance.now();
      observer.disconnect();
    }
  }).observe(document.body, { subtree: true, childList: true });
}"""


def sidebar_item_links(site_dir: Path, path: str) -> tuple[int, int] | None:
    """Links in a page's sidebar, and how many of them go to single newsletters, resources or events.

    The second must be 0: items in the nav make every page carry all of them.
    """
    file = _file_for(site_dir, "/" + path)
    if not file.is_file():
        return None
    html = lxml.html.fromstring(file.read_bytes())
    hrefs = html.xpath('//nav[contains(concat(" ", @class, " "), " md-nav--primary ")]//a/@href')
    targets = [urlsplit(urljoin("/" + path, href)).path for href in hrefs]
    items = [t for t in targets if re.fullmatch(r"/(library|newsletters|events)/[^/]+/", t)]
    return len(hrefs), len(items)


def compressed_size(data: bytes) -> int:
    """What a server with gzip sends; files that are compressed already go as they are."""
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def _is_search(url: str) -> bool:
    return any(part in url for part in ("/pagefind/", "search_index", "/search/", "workers/search", "/search-index/", "/assets/tip/search"))


def _icons(html: str, page_url: str) -> list[str]:
    links = lxml.html.fromstring(html).iter("link")
    return [urljoin(page_url, link.get("href")) for link in links
            if link.get("href") and {"icon", "shortcut"} & set((link.get("rel") or "").split())]


def _file_for(site_dir: Path, path: str) -> Path:
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site_dir / relative
