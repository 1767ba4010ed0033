"""The public layout in real Chromium: 400% zoom, phones, the reading column, no jump in the library."""

from __future__ import annotations

import pytest

# A 1,280 x 800 window zoomed to 400% lays pages out at 320 x 200 CSS pixels;
# WCAG 1.4.10 asks for 320 px wide without sideways scrolling.
ZOOMED = {"width": 320, "height": 200}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# What stays on screen over the text while reading, as a share of the screen.
COVERED = """() => {
  const pinned = el => ['fixed', 'sticky'].includes(getComputedStyle(el).position);
  let area = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (!pinned(el)) continue;
    let outer = true;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (pinned(up)) outer = false;
    const style = getComputedStyle(el);
    if (!outer || style.visibility !== 'visible' || style.display === 'none' || +style.opacity === 0) continue;
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    area += w * h;
  }
  return area / (innerWidth * innerHeight);
}"""


def open_page(chromium, viewport, path, base, **options):
    context = chromium.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(base + path)
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("path", ["", "groups/cop/", "library/", "help/", "priorities/matrix/", "governance/", "newsletters/2026-q3/"])
def test_at_400_percent_zoom_nothing_scrolls_sideways_and_only_exit_stays_over_the_text(chromium, real_site_url, path):
    context, page = open_page(chromium, ZOOMED, path, real_site_url)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= ZOOMED["width"], "no sideways scrolling"
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(200)
        covered = page.evaluate(COVERED)
        assert covered < 0.12, f"{covered:.0%} of the screen stays over the text"
        button = page.get_by_role("button", name="Emergency Exit this page")
        box = button.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= ZOOMED["height"], "Exit this page stays on screen"
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('[data-tip-exit]')", centre)
    finally:
        context.close()


def test_on_a_phone_one_bar_stays_and_it_holds_exit_menu_and_search(chromium, real_site_url):
    context, page = open_page(chromium, PHONE, "groups/cop/", real_site_url, is_mobile=True, has_touch=True)
    try:
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(200)
        covered = page.evaluate(COVERED)
        bar = page.locator(".tip-top").bounding_box()
        assert bar["y"] == 0 and bar["height"] <= 64 and covered < 0.09, (bar, covered)
        assert not page.locator(".tip-topbar").is_visible() or page.locator(".tip-topbar").bounding_box()["y"] < 0, \
            "the help bar scrolled away"
        for name in ("Emergency Exit this page", "Menu", "Search"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box and box["y"] < bar["height"] and box["x"] + box["width"] <= PHONE["width"], name
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_library_does_not_jump_while_it_loads(chromium, real_site_url, viewport):
    context = chromium.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.add_init_script("""
          window.__shift = 0;
          new PerformanceObserver(list => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
          }).observe({type: 'layout-shift', buffered: true});
        """)
        page.goto(real_site_url + "library/")
        page.wait_for_selector(".tip-library[data-results=ready]")
        page.wait_for_timeout(500)
        shift = page.evaluate("window.__shift")
        assert shift < 0.05, shift
        assert page.locator(".tip-filter").is_visible() and page.locator(".tip-browse").is_hidden()
    finally:
        context.close()


def test_reading_column_and_contents_only_where_useful(chromium, real_site_url):
    context, page = open_page(chromium, DESKTOP, "", real_site_url)
    try:
        assert not page.locator(".md-sidebar--primary").is_visible(), "the sections are in the menu above"
        assert not page.locator(".md-sidebar--secondary").is_visible(), "no contents on the home page"
        assert page.locator("nav.tip-site-menu").get_by_role("link", name="Resource library").is_visible()
        for route in ("Find resources", "Join or contact a group", "Need help now?"):
            assert page.locator(".tip-routes").get_by_role("link", name=route).is_visible()
        page.goto(real_site_url + "groups/cop/")
        assert page.get_by_role("navigation", name="Table of contents").is_visible()
        assert page.locator("nav.tip-site-menu a[aria-current]").inner_text() == "The groups"
        width = page.evaluate("document.querySelector('article p').getBoundingClientRect().width")
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
        assert size >= 18 and width / size < 45, (size, width)  # about 75 characters a line at most
        page.goto(real_site_url + "contact/")  # three headings below the title
        assert page.get_by_role("navigation", name="Table of contents").is_visible()
        page.goto(real_site_url + "events/cop-2026-q1/")  # one
        assert page.get_by_role("navigation", name="Table of contents").count() == 0, "fewer than three headings"
    finally:
        context.close()


def test_phone_layouts_of_governance_matrix_and_help(chromium, real_site_url):
    context, page = open_page(chromium, PHONE, "governance/", real_site_url, is_mobile=True, has_touch=True)
    try:
        assert page.locator("svg.tip-diagram-column").is_visible() and not page.locator("svg.tip-diagram").is_visible()
        label = page.evaluate("document.querySelector('svg.tip-diagram-column text:not(.tip-diagram__short)').getBoundingClientRect().height")
        assert label >= 12, "the diagram's words are readable on a phone"
        page.goto(real_site_url + "priorities/matrix/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate("document.querySelector('.tip-table-scroll').scrollWidth <= document.querySelector('.tip-table-scroll').clientWidth")
        page.goto(real_site_url + "help/")
        headings = [h.rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
        assert headings[:3] == ["In an emergency", "Urgent help, day or night", "Support and advice"]
        calls = page.locator("a.tip-call[href^='tel:']")
        assert calls.count() >= 8
        first = calls.first.bounding_box()
        assert first["height"] >= 44 and first["width"] >= PHONE["width"] * 0.8, first
        assert calls.first.inner_text() == "Call 999"
    finally:
        context.close()
