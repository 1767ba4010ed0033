"""The Content-Security-Policy: on every built page, with hashes of exactly its inline scripts, and
nothing on the site breaks under it (Chromium reports no violation on any kind of page, in either
colour scheme, with search, the library's filters, the palette toggle and Exit this page used)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import expect

from browser import serve
from tip_site.views.content_security import policy, sha256_source, with_policy

META = 'meta[http-equiv="Content-Security-Policy"]'


def directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


def test_each_inline_script_is_allowed_by_its_own_hash_and_nothing_else_inline():
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>x</title>'
        '<script>var a = 1;</script><script src="assets/x.js"></script>'
        '<script id="__config" type="application/json">{"base": "."}</script></head>'
        '<body><table><tr><td style="text-align: left;">1</td></tr></table><script>\nvar b = 2;\n</script></body></html>'
    )
    found = directives(policy(page))
    assert found["script-src"] == ["'self'", *sorted([sha256_source("var a = 1;"), sha256_source("\nvar b = 2;\n")])]
    assert found["style-src"] == ["'self'", "'unsafe-hashes'", sha256_source("text-align: left;")]
    assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'self'"] and found["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in policy(page)
    tagged = with_policy(page)
    assert tagged.index("Content-Security-Policy") < tagged.index("<title>") < tagged.index("<script>")


def _csp_of(html: str) -> tuple[str, int]:
    document = lxml.html.fromstring(html)
    metas = document.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1
    head = document.find("head")
    first_active = next((i for i, e in enumerate(head) if e.tag in ("script", "style", "link")), len(head))
    return metas[0].get("content"), list(head).index(metas[0]) < first_active


def test_every_built_html_page_carries_the_policy_with_its_own_scripts(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 50 and (real_site / "404.html") in pages
    assert any(p.name == "email.html" for p in pages)
    for file in pages:
        html = file.read_text(encoding="utf-8")
        csp, first = _csp_of(html)
        assert first, f"{file}: the policy comes after something it governs"
        found = directives(csp)
        assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"], file
        assert found["base-uri"] == ["'self'"] and found["form-action"] == ["'self'"], file
        assert "'unsafe-inline'" not in found["script-src"] and "'unsafe-eval'" not in found["script-src"], file
        for script in lxml.html.fromstring(html).iter("script"):
            if script.get("src") is None and script.get("type") in (None, "text/javascript"):
                assert sha256_source(script.text or "") in found["script-src"], (file, (script.text or "")[:80])


def test_the_feed_page_carries_the_policy_too(real_site):
    stylesheet = (real_site / "feed.xsl").read_text(encoding="utf-8")
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"/>', stylesheet)
    assert match, "feed.xsl makes a page without a policy"
    style = re.search(r"<style>(.*?)</style>", stylesheet, re.S).group(1)
    assert sha256_source(style) in directives(match.group(1))["style-src"]


LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""

PAGES = {
    "home": "",
    "hand-written": "about/",
    "group": "groups/cop/",
    "priority": "priorities/workforce/",
    "governance (diagram)": "governance/",
    "help": "help/",
    "events": "events/",
    "event": "events/conference-2027/",
    "library": "library/",
    "library list": "library/type/guide/",
    "resource": "library/working-definition-of-trauma-informed-practice/",
    "newsletter archive": "newsletters/",
    "newsletter issue": "newsletters/2025-q3/",
    "email edition": "newsletters/2025-q3/email.html",
    "subscribe": "subscribe/",
    "editors' guide": "editors/front-matter/",
    "404": "404.html",
    "feed (XSL page)": "feed.xml",
    "group feed (XSL page)": "groups/tip/atom.xml",
}


def _use_the_page(page, path: str) -> None:
    """What visitors do on it: search, filters, the palette toggle."""
    if path.endswith((".xml", "email.html")):
        expect(page.locator("h1").first).to_be_visible()
        return
    if path == "library/":
        page.locator(".tip-filter").wait_for(state="visible")
        page.locator("summary", has_text="Type").click()
        page.locator(".tip-filter input[type=checkbox]").first.check()
        page.get_by_label("Search the library").fill("trauma")
        page.wait_for_function("document.querySelector('[data-tip-library]').dataset.results === 'ready'")
    page.get_by_role("button", name="Search").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("searchbox").fill("trauma")
    expect(dialog.get_by_role("listitem").first).to_be_visible()
    page.keyboard.press("Escape")
    toggle = page.locator("[data-tip-scheme-toggle]:visible").first
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    toggle.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme !== '{scheme}'")
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_violation_on_any_kind_of_page_in_use(chromium, real_site_url, path, scheme):
    context = chromium.new_context(color_scheme=scheme)
    context.add_init_script(LISTEN)
    try:
        page = context.new_page()
        page.goto(real_site_url + path)
        assert page.locator(META).count() == 1, "the page has no policy"
        _use_the_page(page, path)
        page.wait_for_timeout(100)
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()


def test_a_script_slipped_into_a_page_is_blocked_and_reported(chromium, real_site, tmp_path):
    """The listener above can fail: an inline script the policy does not name is reported, and does not run."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    about = site / "about/index.html"
    about.write_text(about.read_text(encoding="utf-8").replace("</article>", "<script>alert(1)</script></article>"), encoding="utf-8")
    context = chromium.new_context()
    context.add_init_script(LISTEN)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        with serve(Path(site)) as url:
            page.goto(url + "about/")
            page.wait_for_timeout(200)
            violations = page.evaluate("window.__violations")
    finally:
        context.close()
    assert dialogs == [] and any(v.startswith("script-src") for v in violations), violations


def test_a_preview_reloads_itself_after_a_save_under_its_policy(chromium, tiny_site):
    """`mkdocs serve` writes an inline live-reload script into each page it serves: the preview's
    policy lets it run (the published site's never allows inline scripts it has no hash for)."""
    from mkdocs_server import mkdocs_serve
    from sitekit import VALID_NEWSLETTER

    tiny_site.with_examples()
    context = chromium.new_context()
    context.add_init_script(LISTEN)
    try:
        with mkdocs_serve(tiny_site.root) as url:
            page = context.new_page()
            page.goto(url + "newsletters/2025-q1/")
            expect(page.locator("article")).to_contain_text("The conference is coming.")
            page.wait_for_timeout(500)  # the live-reload script starts polling once the page has loaded
            tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("The conference is coming.", "Booking is open."))
            expect(page.locator("article")).to_contain_text("Booking is open.", timeout=90_000)
            assert page.evaluate("window.__violations") == []
            # A mistake: the preview's error page, which reloads onto the site once it is fixed.
            tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("year: 2025", "year: twenty"))
            expect(page.locator("h1")).to_contain_text("The preview cannot be built", timeout=90_000)
            page.wait_for_timeout(500)
            tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("The conference is coming.", "Fixed."))
            expect(page.locator("article")).to_contain_text("Fixed.", timeout=90_000)
            assert page.evaluate("window.__violations") == []
    finally:
        context.close()
