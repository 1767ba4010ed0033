"""The colour schemes in real Chromium: dark without a flash and without JavaScript, a choice
stored only when the visitor uses the toggle, and the privacy notice's button that forgets it."""

from __future__ import annotations

import pytest

DARK_BG = "rgb(21, 24, 28)"
LIGHT_BG = "rgb(255, 255, 255)"
KEY = "tip-colour-scheme"


def body_background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("scheme, colour", [("dark", DARK_BG), ("light", LIGHT_BG)])
def test_without_javascript_the_colours_follow_the_device(chromium, real_site_url, scheme, colour):
    context = chromium.new_context(java_script_enabled=False, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(real_site_url + "groups/tip/")
        assert body_background(page) == colour
        assert not page.locator("[data-tip-scheme-toggle]").is_visible(), "the toggle needs script: not shown"
    finally:
        context.close()


def test_dark_is_drawn_before_any_script_file_runs(chromium, real_site_url):
    """No flash: with every script file blocked, the page is already dark (device, then stored choice)."""
    device = chromium.new_context(color_scheme="dark")
    chosen = chromium.new_context(color_scheme="light")
    try:
        device.route("**/*.js", lambda route: route.abort())
        page = device.new_page()
        page.goto(real_site_url + "about/")
        assert page.evaluate("typeof window.document$") == "undefined", "Material's script did not run"
        assert body_background(page) == DARK_BG
        # A visitor on a light device who chose dark: the head's own line applies the choice.
        page = chosen.new_page()
        page.goto(real_site_url + "about/")
        page.get_by_role("button", name="Dark colours").click()
        chosen.route("**/*.js", lambda route: route.abort())
        page.goto(real_site_url + "membership/")
        assert page.evaluate("typeof window.document$") == "undefined"
        assert body_background(page) == DARK_BG
    finally:
        device.close()
        chosen.close()


def test_nothing_is_stored_until_the_toggle_is_used(chromium, real_site_url):
    context = chromium.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        for path in ("", "library/", "help/"):
            page.goto(real_site_url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("localStorage.length") == 0, path
            assert page.evaluate("sessionStorage.length") == 0, path
            assert page.evaluate("document.cookie") == ""
        toggle = page.get_by_role("button", name="Dark colours")
        assert toggle.get_attribute("aria-pressed") == "true"
        toggle.click()  # to light, on a dark device
        assert toggle.get_attribute("aria-pressed") == "false"
        assert body_background(page) == LIGHT_BG
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        assert page.evaluate(f"Object.keys(localStorage)") == [KEY]
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == "light"
        page.goto(real_site_url + "events/")
        assert body_background(page) == LIGHT_BG, "the choice is kept from page to page"
    finally:
        context.close()


def test_the_privacy_notice_forgets_the_choice(chromium, real_site_url):
    context = chromium.new_context(color_scheme="light")
    try:
        page = context.new_page()
        page.goto(real_site_url + "privacy/")
        status = page.get_by_role("status").filter(has_text="colours")
        assert "Nothing is stored" in status.inner_text()
        page.get_by_role("button", name="Dark colours").click()
        assert body_background(page) == DARK_BG
        assert "chose dark colours" in status.inner_text()
        page.get_by_role("button", name="Forget my colour choice").click()
        assert page.evaluate("localStorage.length") == 0
        assert body_background(page) == LIGHT_BG, "back to the device's setting"
        assert "Nothing is stored" in status.inner_text()
    finally:
        context.close()
