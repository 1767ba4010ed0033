"""Site search in real Chromium: nothing loads until a visitor opens it, then it finds pages.

Runs on the session's real site build, so it costs no extra build.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

SEARCH_PARTS = ("search-index/", "assets/tip/search", "search_index")


def _record_requests(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


def test_nothing_for_search_loads_before_a_visitor_opens_it(page, real_site_url):
    requested = _record_requests(page)
    page.goto(real_site_url, wait_until="networkidle")
    expect(page.get_by_role("button", name="Search")).to_be_visible()
    assert requested, "the page made no request at all: the recorder is broken"
    assert [url for url in requested if any(part in url for part in SEARCH_PARTS)] == []

    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("dialog", name="Search this site")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert any("search-index/manifest.json" in url for url in requested)


def test_search_by_keyboard_finds_a_known_page_and_goes_to_it(page, real_site_url):
    requested = _record_requests(page)
    page.goto(real_site_url)
    page.get_by_role("button", name="Search").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog).to_be_visible()
    searchbox = dialog.get_by_role("searchbox", name="Search for")
    expect(searchbox).to_be_focused()
    page.keyboard.type("Community of Practice")
    result = dialog.get_by_role("link", name="Community of Practice Group (CoP)", exact=True)
    expect(result).to_be_visible()
    expect(dialog.get_by_role("status")).to_contain_text("for “Community of Practice”")
    result.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/groups/cop/")
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith("data:")}
    assert hosts == {urlsplit(real_site_url).netloc}


def test_escape_closes_search_and_focus_returns_to_the_button(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog).to_be_visible()
    page.keyboard.type("zzzqqxy")
    expect(dialog.get_by_role("status")).to_have_text(re.compile("No results for “zzzqqxy”"))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Search")).to_be_focused()


def test_the_open_search_dialog_passes_axe(page, real_site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(real_site_url)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox").fill("trauma informed")
    expect(page.get_by_role("dialog").get_by_role("listitem").first).to_be_visible()
    results = Axe().run(page, context="#tip-search-dialog")
    assert results.violations_count == 0, results.generate_report()
