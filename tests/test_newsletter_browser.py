"""Newsletter issues in real Chromium: the print layout, image sizes, and no accessibility violations."""

from __future__ import annotations

import struct

import pytest
from axe_playwright_python.sync_playwright import Axe

from tip_site.core.image_size import image_size

ISSUE = "newsletters/2025-q3/"  # the seeded issue with a cover image


def test_printing_an_issue_keeps_the_issue_and_drops_the_screen_only_parts(page, real_site_url):
    page.goto(real_site_url + ISSUE)
    screen_only = [".tip-newsletter-pager", ".tip-newsletter-tools", ".md-header", ".tip-site-menu", ".tip-topbar"]
    for selector in screen_only:
        assert page.locator(selector).first.is_visible(), f"{selector} should show on screen"
    page.emulate_media(media="print")
    for selector in screen_only:
        assert not page.locator(selector).first.is_visible(), f"{selector} should not print"
    for selector in ["h1", ".tip-newsletter-meta", ".tip-newsletter-summary", ".tip-newsletter-body", "img.tip-newsletter-cover"]:
        assert page.locator(selector).first.is_visible(), f"{selector} should print"
    cover = page.locator("img.tip-newsletter-cover").bounding_box()
    assert 0 < cover["height"] <= 9 / 2.54 * 96 + 1  # at most 9 cm, leaving room for the text
    assert cover["width"] / cover["height"] == pytest.approx(1200 / 500, rel=0.02)  # not squashed
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


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_image_size_reads_pictures_chromium_makes(page, tmp_path, kind):
    page.set_viewport_size({"width": 321, "height": 123})
    page.set_content("<body style='background:#3f51b5'></body>")
    file = tmp_path / f"shot.{kind}"
    file.write_bytes(page.screenshot(type=kind))
    assert image_size(file) == (321, 123)


def test_image_size_reads_gif_and_leaves_other_formats_alone(tmp_path):
    gif = tmp_path / "a.gif"
    gif.write_bytes(b"GIF89a" + struct.pack("<HH", 40, 30) + b"\x00" * 20)
    svg = tmp_path / "a.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    assert image_size(gif) == (40, 30)
    assert image_size(svg) is None
