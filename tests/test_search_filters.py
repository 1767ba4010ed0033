"""The search dialog's filters in real Chromium: type, group, priority and who it is for.

Each filter's pages are stated here from the content itself (tip_site.core's
loaded Site), not from the index, so a page filed under the wrong value fails.
Runs on the session's real site build.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from sitekit import REPO
from tip_site.core import load_site
from test_search import open_under_site_policy


@pytest.fixture(scope="module")
def site():
    return load_site(REPO)


def _pages_with(site, key: str, value: str) -> set[str]:
    """The site-relative addresses of the pages a filter value should keep."""
    if key == "type":
        items = {"resource": ("library", site.resources), "newsletter": ("newsletters", site.newsletters),
                 "event": ("events", site.events)}[value]
        return {f"{items[0]}/{item.id}/" for item in items[1]}
    if key == "audience":
        return {f"library/{r.id}/" for r in site.resources if value in r.audiences}
    field = "groups" if key == "group" else "priorities"
    own_page = {f"{'groups' if key == 'group' else 'priorities'}/{value}/"}
    return own_page | {
        f"{folder}/{item.id}/" for folder, items in (("library", site.resources), ("newsletters", site.newsletters), ("events", site.events))
        for item in items if value in getattr(item, field, ())
    }


def _open(page, url: str):
    page.goto(url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    expect(dialog.get_by_role("group", name="Filter results")).to_be_visible()
    return dialog


def _all_results(dialog, base_url: str) -> list[str]:
    """Every result's site-relative address, in order, showing more until all are shown."""
    status = dialog.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^(\d+ results?|No results) for"))
    total = int(m.group(1)) if (m := re.match(r"(\d+)", status.text_content())) else 0
    links = dialog.get_by_role("list", name="Search results").get_by_role("link")
    more = dialog.get_by_role("button", name="Show more results")
    while links.count() < total:
        shown = links.count()
        more.click()
        expect(links).not_to_have_count(shown)
    expect(links).to_have_count(total)
    return [href.removeprefix(base_url) for href in links.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize(("label", "key", "value"), [
    ("Type", "type", "resource"),
    ("Type", "type", "event"),
    ("Group", "group", "tis"),
    ("Strategic priority", "priority", "workforce"),
    ("Who it is for", "audience", "schools"),
])
def test_a_filter_keeps_exactly_the_results_that_have_its_value(page, real_site_url, site, label, key, value):
    dialog = _open(page, real_site_url)
    dialog.get_by_role("searchbox", name="Search for").fill("trauma")  # one word: every page with it is a result
    everything = _all_results(dialog, real_site_url)
    wanted = _pages_with(site, key, value)
    kept = [url for url in everything if url in wanted]
    assert kept and len(kept) < len(everything), "the query must show a filter at work"
    dialog.get_by_role("combobox", name=label).select_option(value)
    expect(dialog.get_by_role("status")).to_contain_text("with filters:")
    assert _all_results(dialog, real_site_url) == kept  # the same pages, in the same order


def test_each_choice_counts_the_results_it_gives(page, real_site_url):
    dialog = _open(page, real_site_url)
    dialog.get_by_role("searchbox", name="Search for").fill("meeting")
    status = dialog.get_by_role("status")
    expect(status).to_contain_text("for “meeting”")
    select = dialog.get_by_role("combobox", name="Type")
    select.focus()  # turning to the filters loads their pages: each choice then shows its count
    expect(select.locator("option").first).to_have_text(re.compile(r"^Any type \(\d+\)$"))
    options = select.locator("option").all()
    for option in [*options[1:], options[0]]:  # every type, then back to any
        name, count = re.fullmatch(r"(.+) \((\d+)\)", option.text_content()).groups()
        select.select_option(label=option.text_content())
        found = "No results" if count == "0" else f"{count} result{'' if count == '1' else 's'}"
        chosen = "" if name == "Any type" else f" with filters: {name}"
        expect(status).to_have_text(re.compile(f"^{found} for “meeting”{re.escape(chosen)}[.,]"))


def test_filters_by_keyboard_alone_and_the_count_is_announced(page, real_site_url):
    page.goto(real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    status = dialog.get_by_role("status")
    assert status.get_attribute("role") == "status"  # a polite live region: read out without moving focus
    page.keyboard.type("meeting")
    expect(status).to_contain_text("for “meeting”")
    page.keyboard.press("Tab")
    type_select = dialog.get_by_role("combobox", name="Type")
    expect(type_select).to_be_focused()
    for _ in range(10):  # arrow down through the types until "Meetings and events"
        if type_select.input_value() == "event":
            break
        page.keyboard.press("ArrowDown")
    assert type_select.input_value() == "event"
    expect(status).to_have_text(re.compile(r"^\d+ results? for “meeting” with filters: Meetings and events"))
    links = dialog.get_by_role("list", name="Search results").get_by_role("link")
    expect(links.first).to_be_visible()
    assert all("/events/" in href for href in links.evaluate_all("links => links.map(a => a.href)"))
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("combobox", name="Group")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("combobox", name="Strategic priority")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("combobox", name="Who it is for")).to_be_focused()
    page.keyboard.press("Tab")
    clear = dialog.get_by_role("button", name="Clear filters")
    expect(clear).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("searchbox", name="Search for")).to_be_focused()  # not lost with the button
    expect(clear).to_be_hidden()
    expect(status).to_have_text(re.compile(r"^\d+ results for “meeting”(, showing 10)?\.$"))
    assert type_select.input_value() == ""


def test_filters_that_leave_nothing_say_so_and_how_many_they_hide(page, real_site_url):
    dialog = _open(page, real_site_url)
    # Chosen before typing: the filters apply to what is typed next. Only resources say who they are for.
    dialog.get_by_role("combobox", name="Type").select_option("event")
    dialog.get_by_role("combobox", name="Who it is for").select_option("families")
    dialog.get_by_role("searchbox", name="Search for").fill("trauma")
    status = dialog.get_by_role("status")
    expect(status).to_have_text(re.compile(
        r"^No results for “trauma” with filters: Meetings and events, Families and carers\. \d+ results without them: clear the filters to see them\.$"))
    expect(dialog.get_by_role("link", name="Need help now?")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("/")  # reopened: the filters are as they were left
    expect(status).to_contain_text("with filters: Meetings and events, Families and carers")
    dialog.get_by_role("button", name="Clear filters").click()
    expect(status).to_have_text(re.compile(r"^\d+ results for “trauma”, showing 10\.$"))


def test_filters_run_under_the_content_security_policy(page, real_site_url):
    open_under_site_policy(page, real_site_url)
    page.keyboard.press("/")
    dialog = page.get_by_role("dialog", name="Search this site")
    dialog.get_by_role("searchbox", name="Search for").fill("training")
    dialog.get_by_role("combobox", name="Type").select_option("resource")
    dialog.get_by_role("combobox", name="Group").select_option("cop")
    expect(dialog.get_by_role("status")).to_contain_text("with filters: Resources, Community of Practice Group (CoP)")
    expect(dialog.get_by_role("list", name="Search results").get_by_role("link").first).to_be_visible()
    dialog.get_by_role("button", name="Clear filters").click()
    expect(dialog.get_by_role("status")).not_to_contain_text("with filters")
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_dialog_with_filters_passes_axe_in_both_colour_schemes(chromium, real_site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        dialog = _open(page, real_site_url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        dialog.get_by_role("searchbox", name="Search for").fill("trauma informed")
        dialog.get_by_role("combobox", name="Type").select_option("resource")
        expect(dialog.get_by_role("button", name="Clear filters")).to_be_visible()
        expect(dialog.get_by_role("list", name="Search results").get_by_role("listitem").first).to_be_visible()
        results = Axe().run(page, context="#tip-search-dialog")
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
