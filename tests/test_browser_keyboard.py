"""Keyboard use at every width, in real Chromium: what Tab reaches, the menu button, Exit this page.

Widths: a phone (390), a tablet (768), a small laptop or a zoomed window (1,024)
and a desktop (1,280). Below 1,220 px Material hides its navigation in a drawer.
"""

from __future__ import annotations

import pytest

EXIT_URL = "https://www.bbc.co.uk/weather"

WIDTHS = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1024, 768), "desktop": (1280, 800)}
MENU_WIDTHS = {name: size for name, size in WIDTHS.items() if size[0] < 1220}

# Whether the focused element can be seen: on screen, drawn, not hidden under something else.
FOCUS_SEEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {done: true};
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const what = el.tagName + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "")
    + " " + (el.getAttribute("href") || "") + " " + (el.textContent || "").trim().slice(0, 40);
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) opacity *= +getComputedStyle(node).opacity;
  // Not under anything else (a sticky bar): the middle of one of its boxes (a link may wrap) shows it.
  const uncovered = [...el.getClientRects()].some(box => {
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return !!top && (el === top || el.contains(top) || top.contains(el) || [...(el.labels || [])].some(l => l.contains(top)));
  });
  return {
    what,
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    drawn: style.visibility === "visible" && opacity > 0.1,
    uncovered,
  };
}"""


@pytest.fixture
def exit_destination(chromium):
    return EXIT_URL


def new_page(chromium, size, **options):
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]}, **options)
    context.route(f"{EXIT_URL}**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>BBC Weather</title>"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def tab_walk(page, limit: int = 120) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page; what each press focused."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_SEEN)
        if state.get("done"):
            break
        seen.append(state)
        if len(seen) > 3 and state["what"] == seen[0]["what"]:
            break
    return seen


WALKED = {
    "home": "", "group": "groups/cop/", "library": "library/", "resource": "library/organisational-self-assessment-framework/",
    "help": "help/", "newsletter issue": "newsletters/2026-q3/", "privacy": "privacy/", "matrix": "priorities/matrix/",
}


@pytest.mark.parametrize("path", WALKED.values(), ids=WALKED.keys())
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_tab_from_the_top_focuses_only_what_can_be_seen(chromium, real_site_url, width, path):
    context, page = new_page(chromium, width)
    try:
        page.goto(real_site_url + path)
        page.wait_for_load_state("load")
        walked = tab_walk(page)
        assert len(walked) > 10, walked
        unseen = [step["what"] for step in walked if not (step["onScreen"] and step["drawn"] and step["uncovered"])]
        assert unseen == [], unseen
        names = [step["what"] for step in walked]
        assert any("Skip to content" in name for name in names[:2]), names[:3]
        assert any("Exit this page" in name for name in names[:8]), names[:8]
    finally:
        context.close()


@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
@pytest.mark.parametrize("width", MENU_WIDTHS.values(), ids=MENU_WIDTHS.keys())
def test_the_menu_opens_and_closes_from_the_keyboard(chromium, real_site_url, width, key):
    context, page = new_page(chromium, width)
    try:
        page.goto(real_site_url + "groups/cop/")
        menu = page.get_by_role("button", name="Menu")
        assert menu.get_attribute("aria-expanded") == "false"
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('label[for=__drawer] [role=button]')"):
                break
        else:
            pytest.fail("Tab never reached the menu button")
        page.keyboard.press(key)
        assert menu.get_attribute("aria-expanded") == "true"
        events = page.locator(".md-nav--primary").get_by_role("link", name="Meetings and events", exact=True)
        events.wait_for(state="visible")
        assert page.evaluate("!!document.activeElement.closest('.md-nav--primary')"), "focus moves into the menu"
        assert page.evaluate("document.querySelector('.md-content').inert"), "the page behind the menu is out of the Tab order"
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("!!document.activeElement.closest('label[for=__drawer]')"), "focus goes back to the button"
        events.wait_for(state="hidden")  # the drawer slides away, and is hidden once it has
        # Open again, follow a link from the keyboard.
        page.keyboard.press(key)
        events.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/events/")
    finally:
        context.close()


def test_the_closed_menu_takes_no_focus_without_javascript_either(chromium, real_site_url):
    context, page = new_page(chromium, WIDTHS["phone"], java_script_enabled=False)
    try:
        page.goto(real_site_url + "groups/cop/")
        walked = tab_walk(page)
        unseen = [step["what"] for step in walked if not (step["onScreen"] and step["drawn"])]
        assert unseen == [], unseen
    finally:
        context.close()


@pytest.mark.parametrize("how", ["Enter", "Space", "Shift x3"])
@pytest.mark.parametrize("width", [WIDTHS["phone"], WIDTHS["desktop"]], ids=["phone", "desktop"])
def test_exit_works_from_the_keyboard_with_search_open(chromium, real_site_url, width, how):
    context, page = new_page(chromium, width)
    try:
        page.goto(real_site_url + "help/")
        page.keyboard.press("/")
        dialog = page.get_by_role("dialog", name="Search this site")
        dialog.wait_for()
        button = page.get_by_role("button", name="Emergency Exit this page")
        box = button.bounding_box()
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('[data-tip-exit]')", centre), \
            "Exit this page is on top of the search dialog"
        if how == "Shift x3":
            for _ in range(3):
                page.keyboard.press("Shift")
        else:
            for _ in range(20):  # Tab stays inside the dialog, and reaches the button there
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.matches('[data-tip-exit]')"):
                    break
            else:
                pytest.fail("Tab never reached Exit this page inside the search dialog")
            page.keyboard.press("Enter" if how == "Enter" else " ")
        page.wait_for_url(f"{EXIT_URL}**")
    finally:
        context.close()


def test_exit_answers_space_and_enter_without_search(chromium, real_site_url):
    for key in ("Enter", " "):
        context, page = new_page(chromium, WIDTHS["laptop"])
        try:
            page.goto(real_site_url + "safety/")
            page.get_by_role("button", name="Emergency Exit this page").focus()
            page.keyboard.press(key)
            page.wait_for_url(f"{EXIT_URL}**")
        finally:
            context.close()


def test_search_closes_and_exit_goes_home_again(chromium, real_site_url):
    context, page = new_page(chromium, WIDTHS["tablet"])
    try:
        page.goto(real_site_url)
        page.keyboard.press("/")
        page.get_by_role("dialog", name="Search this site").wait_for()
        page.keyboard.press("Escape")
        page.get_by_role("dialog", name="Search this site").wait_for(state="hidden")
        assert page.evaluate("!!document.querySelector('.tip-top [data-tip-exit]')"), "back in the header"
    finally:
        context.close()
