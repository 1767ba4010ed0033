"""Newsletter issues in real Chromium: the print layout, and no accessibility violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

ISSUE = "newsletters/2025-q3/"  # the seeded issue with a cover image


def test_printing_an_issue_keeps_the_issue_and_drops_the_screen_only_parts(page, real_site_url):
    page.goto(real_site_url + ISSUE)
    screen_only = [".tip-newsletter-pager", ".tip-newsletter-tools", ".md-header", ".md-sidebar--primary"]
    for selector in screen_only:
        assert page.locator(selector).first.is_visible(), f"{selector} should show on screen"
    page.emulate_media(media="print")
    for selector in screen_only:
        assert not page.locator(selector).first.is_visible(), f"{selector} should not print"
    for selector in ["h1", ".tip-newsletter-meta", ".tip-newsletter-summary", ".tip-newsletter-body", "img.tip-newsletter-cover"]:
        assert page.locator(selector).first.is_visible(), f"{selector} should print"
    cover_height = page.locator("img.tip-newsletter-cover").bounding_box()["height"]
    assert 0 < cover_height <= 9 / 2.54 * 96 + 1  # at most 9 cm, leaving room for the text
    colour = page.locator(".tip-newsletter-body p").first.evaluate("p => getComputedStyle(p).color")
    assert colour == "rgb(0, 0, 0)"
    assert page.pdf(format="A4").startswith(b"%PDF")


WCAG = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


# On site pages the newsletter's part is the article; the theme around it is checked by the website's tests.
@pytest.mark.parametrize("path, context", [("newsletters/", "article"), (ISSUE, "article"), (ISSUE + "email.html", None)])
def test_newsletter_pages_meet_wcag_aa(page, real_site_url, path, context):
    page.goto(real_site_url + path)
    results = Axe().run(page, context=context, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
