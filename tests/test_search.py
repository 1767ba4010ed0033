"""Site search in real Chromium: nothing loads until a visitor opens it, then it finds pages.

Runs on the session's real site build, so it costs no extra build.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

SEARCH_PARTS = ("search-index/", "assets/tip/search.", "search_index")
# The policy of the security issue, with styles from the site only: search needs no inline script or style.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'"


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
    # Nothing found: the way to help is right there, and it is the help page.
    help_link = dialog.get_by_role("link", name="Need help now?")
    expect(help_link).to_be_visible()
    assert urlsplit(help_link.evaluate("a => a.href")).path == urlsplit(real_site_url).path + "help/"
    expect(dialog.get_by_role("list", name="Search results").get_by_role("listitem")).to_have_count(0)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Search")).to_be_focused()


def test_escape_then_slash_at_once_searches_again(page, real_site_url):
    # The "close" event comes a task after closing: the "/" pressed right after Escape must not be lost
    # in the search field of the dialog just closed.
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    search_for = dialog.get_by_role("searchbox", name="Search for")
    search_for.fill("trauma")
    expect(dialog.get_by_role("status")).to_contain_text("for “trauma”")
    for _ in range(5):
        page.evaluate("""() => {
            const field = document.getElementById("tip-search-input");
            field.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true, cancelable: true}));
            field.dispatchEvent(new KeyboardEvent("keydown", {key: "/", bubbles: true, cancelable: true}));
        }""")  # both keys in one task, as a fast typist's can arrive
        expect(dialog).to_be_visible()
        expect(search_for).to_be_focused()
        expect(search_for).to_have_value("trauma")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Search")).to_be_focused()  # the late "close" events took nothing


def test_a_new_search_replaces_the_results_without_emptying_the_list_between(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    dialog.get_by_role("searchbox", name="Search for").fill("trauma")
    expect(dialog.get_by_role("status")).to_have_text(re.compile(r"^\d+ results for “trauma”"))
    # Replays every change to the list, in order: did it ever hold no result between two searches?
    page.evaluate("""() => {
        const list = document.querySelector(".tip-search__results");
        let count = list.children.length;
        window.tipEmptied = 0;
        new MutationObserver(records => records.forEach(record => {
            count += record.addedNodes.length - record.removedNodes.length;
            if (count === 0) window.tipEmptied++;
        })).observe(list, {childList: true});
    }""")
    page.keyboard.type(" informed practice")
    expect(dialog.get_by_role("status")).to_have_text(re.compile(r"^\d+ results? for “trauma informed practice”"))
    assert page.evaluate("window.tipEmptied") == 0, "the list went empty while a search that finds pages was typed"


def test_the_open_search_dialog_passes_axe(page, real_site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(real_site_url)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox").fill("trauma informed")
    expect(page.get_by_role("dialog").get_by_role("listitem").first).to_be_visible()
    results = Axe().run(page, context="#tip-search-dialog")
    assert results.violations_count == 0, results.generate_report()


def test_results_show_an_excerpt_with_the_words_found_and_the_way_to_help(page, real_site_url):
    page.goto(real_site_url)
    page.get_by_role("button", name="Search").click()
    dialog = page.get_by_role("dialog", name="Search this site")
    dialog.get_by_role("searchbox", name="Search for").fill("incognito")  # only in the text of "Staying safe online"
    results = dialog.get_by_role("list", name="Search results")
    first = results.get_by_role("listitem").first
    expect(first.get_by_role("link")).to_have_text("Staying safe online")
    expect(first.locator("mark").first).to_have_text(re.compile("^incognito$", re.I))
    expect(first).to_contain_text("Incognito mode")
    expect(dialog.get_by_role("link", name="Need help now?")).to_be_visible()


def test_show_more_results_moves_focus_to_the_first_new_result(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    page.keyboard.type("trauma")
    results = dialog.get_by_role("list", name="Search results").get_by_role("listitem")
    expect(results).to_have_count(10)
    dialog.get_by_role("button", name="Show more results").click()
    expect(results.nth(10).get_by_role("link")).to_be_focused()
    expect(dialog.get_by_role("status")).to_contain_text("for “trauma”")


def open_under_site_policy(page, url: str) -> None:
    """Load `url` with the site's policy as a header on every response, violations collected in
    `window.cspViolations` from then on."""
    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})

    page.route("**/*", with_policy)
    page.goto(url)
    page.evaluate("""() => { window.cspViolations = [];
        document.addEventListener("securitypolicyviolation", e => window.cspViolations.push(e.violatedDirective + " " + e.sourceFile)); }""")


def test_search_works_under_the_sites_content_security_policy(page, real_site_url):
    """With a policy allowing only the site's own scripts and styles, search runs and breaks no rule."""
    open_under_site_policy(page, real_site_url)
    # From here on, everything that runs is search's: the button, the dialog, the index.
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    dialog.get_by_role("searchbox", name="Search for").fill("samartians")  # a typo: stemmer and typo matching both run
    expect(dialog.get_by_role("list", name="Search results").get_by_role("link").first).to_have_text("Need help now?")
    expect(dialog.locator("mark").first).to_be_visible()
    assert page.evaluate("window.cspViolations") == []


def test_keys_typed_while_search_is_still_arriving_go_to_the_search_not_to_the_theme(page, real_site_url):
    """A quick typist's "n" and "p" (the theme's next and previous page) are part of the query, not a page turn."""
    page.goto(real_site_url)
    start = page.url
    page.evaluate("""() => {
        document.querySelector("#tip-search button").click();  // the dialog's script is still to come
        for (const key of ["s", "u", "p", "x", "Backspace", "n"]) {
            document.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        }
    }""")
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog.get_by_role("searchbox", name="Search for")).to_have_value("supn")
    assert page.url == start


def test_enter_and_the_arrow_keys_move_between_the_search_box_and_the_results(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    searchbox = dialog.get_by_role("searchbox", name="Search for")
    expect(searchbox).to_be_focused()  # typed before the dialog opens, 'n' would be Material's "next page"
    page.keyboard.type("governance")
    links = dialog.get_by_role("list", name="Search results").get_by_role("link")
    expect(links.first).to_have_text("Governance")
    page.keyboard.press("Enter")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(searchbox).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/governance/")


def test_words_that_name_javascript_internals_are_searched_like_any_other(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    for word in ("constructor", "hasOwnProperty"):
        dialog.get_by_role("searchbox", name="Search for").fill(word)
        expect(dialog.get_by_role("status")).to_have_text(re.compile(f"No results for “{re.escape(word)}”"))
    dialog.get_by_role("searchbox", name="Search for").fill("privacy")
    expect(dialog.get_by_role("list", name="Search results").get_by_role("link").first).to_have_text("Privacy notice")
