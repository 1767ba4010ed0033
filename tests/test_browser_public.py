"""The public site in real headless Chromium: Exit this page, keyboard use, axe-core, phones."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

EXIT_URL = "https://www.bbc.co.uk/weather"

from page_kinds import PAGE_KINDS

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture
def exit_destination(page):
    """Answers for the exit destination, so the test sees the browser go there without the network."""
    page.context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>BBC Weather</title>"))
    return EXIT_URL


def test_exit_button_leaves_at_once(page, real_site_url, exit_destination):
    page.goto(real_site_url + "help/")
    button = page.get_by_role("button", name="Emergency Exit this page")
    assert button.is_visible()
    page.mouse.wheel(0, 3000)  # still on screen after scrolling
    assert button.is_visible() and button.bounding_box()["y"] < 80
    button.click()
    page.wait_for_url(f"{exit_destination}**")
    page.go_back()
    assert not page.url.startswith(real_site_url + "help/"), "the left page is replaced in history"


def test_shift_three_times_exits_and_other_keys_reset_the_count(page, real_site_url, exit_destination):
    page.goto(real_site_url + "groups/tip/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.locator("[data-tip-exit-status]").inner_text() == "Shift, press 1 more time to exit."
    page.keyboard.press("a")  # another key between: start again
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page.url == real_site_url + "groups/tip/"
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(f"{exit_destination}**")


def test_exit_button_works_as_a_plain_link_without_javascript(chromium, real_site_url):
    context = chromium.new_context(java_script_enabled=False)
    context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>BBC Weather</title>"))
    try:
        page = context.new_page()
        page.goto(real_site_url + "membership/")
        page.get_by_role("button", name="Emergency Exit this page").click()
        page.wait_for_url(f"{EXIT_URL}**")
    finally:
        context.close()


def test_keyboard_reaches_main_content_through_the_skip_link(page, real_site_url):
    page.goto(real_site_url + "groups/cop/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')")
    heading = page.locator("article h1")
    assert heading.bounding_box()["y"] > page.locator(".tip-top").bounding_box()["height"], "the title is not hidden under the sticky bar"


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_axe_violations_in_either_colour_scheme_at_either_width_and_nothing_from_other_hosts(chromium, real_site_url, path):
    axe = Axe()
    for scheme, material_scheme in (("light", "default"), ("dark", "slate")):
        for width, viewport in WIDTHS.items():
            # A fresh context each time: nothing remembered from another run.
            context = chromium.new_context(color_scheme=scheme, viewport=viewport, is_mobile=width == "phone")
            try:
                page = context.new_page()
                requested: list[str] = []
                page.on("request", lambda request: requested.append(request.url))
                page.goto(real_site_url + path)
                page.wait_for_load_state("load")
                assert page.evaluate("document.body.dataset.mdColorScheme") == material_scheme
                violations = axe.run(page).response["violations"]
                assert violations == [], (scheme, width, [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in violations])
                assert [url for url in requested if not url.startswith(real_site_url)] == []
            finally:
                context.close()


def test_search_dialog_has_a_name_and_finds_a_group(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")  # the shortcut opens search on any screen size
    dialog = page.get_by_role("dialog", name="Search this site")
    page.keyboard.type("Schools Forum")
    expect(dialog.get_by_role("list", name="Search results")).to_contain_text("Trauma Informed Schools Forum")
    assert Axe().run(page, context="#tip-search-dialog").response["violations"] == []


def test_phone_navigation_reaches_every_section(chromium, real_site_url):
    context = chromium.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(real_site_url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling"
        box = page.get_by_role("button", name="Emergency Exit this page").bounding_box()
        assert box["x"] + box["width"] <= 375
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(300)  # the drawer slides in
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('[data-tip-exit]') !== null", centre)
        assert on_top, "Exit this page stays usable while the menu is open"
        page.locator(".md-nav--primary").get_by_role("link", name="Meetings and events", exact=True).click()
        page.wait_for_url("**/events/")
        assert page.locator("article h1").inner_text().startswith("Meetings and events")
    finally:
        context.close()


def test_print_shows_the_content_without_the_site_furniture(page, real_site_url):
    page.goto(real_site_url + "governance/")
    page.emulate_media(media="print")
    assert page.locator("article h1").is_visible()
    assert page.locator("svg.tip-diagram").is_visible()
    for furniture in (".tip-top", ".md-sidebar--primary", ".md-footer", ".tip-footer-links"):
        assert not page.locator(furniture).first.is_visible(), furniture
