"""`mkdocs serve` with a content mistake: the browser shows the problems, then the site once fixed."""

from __future__ import annotations

from bs4 import BeautifulSoup

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_RESOURCE, TinySite
from tip_site.adapters.serve_errors import error_page
from tip_site.core import Problem

RESOURCE = "content/resources/toolkit.md"


def test_a_content_error_in_serve_shows_in_the_browser_until_it_is_fixed(tiny_site: TinySite):
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        page = url + "library/toolkit/"
        assert "A trauma informed toolkit" in fetch(page)[1]
        tiny_site.write(RESOURCE, VALID_RESOURCE.replace("type: toolkit", "type: tool-kit"))
        wait_for(lambda: "The preview cannot be built" in fetch(page)[1], 90, "the error page")
        status, text = fetch(page)
        assert status == 200
        html = BeautifulSoup(text, "html.parser")
        assert html.find("h1").get_text() == "The preview cannot be built: 1 problem in the content"
        assert html.find("h2").get_text() == RESOURCE
        item = html.find("li").get_text()
        assert item.startswith("Error, line 5: type: unknown resource type 'tool-kit'") and "did you mean 'toolkit'?" in item
        assert "The preview cannot be built" in fetch(url)[1]  # every page, the home page too
        assert "livereload" in text  # so the browser reloads by itself once the file is fixed
        tiny_site.write(RESOURCE, VALID_RESOURCE.replace("How to use the toolkit.", "How to use the toolkit, fixed."))
        wait_for(lambda: "How to use the toolkit, fixed." in fetch(page)[1], 90, "the site again")
        assert "The preview cannot be built" not in fetch(url)[1]


def test_the_error_page_escapes_what_it_shows_and_needs_no_script_or_style():
    page = error_page([Problem("content/resources/<b>.md", 3, "title", "bad <script>alert(1)</script>", "fix & retry")], [])
    html = BeautifulSoup(page, "html.parser")
    assert not html.find_all(["script", "style"]) and not html.select("[style]")
    assert "<script>alert" not in page and "bad <script>alert(1)</script>" in html.find("li").get_text()
    assert html.find("html")["lang"] == "en" and html.find("h2").get_text() == "content/resources/<b>.md"
    policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    # The preview's policy: MkDocs writes its live-reload script into the page as it serves it, and
    # that script must run for the page to reload onto the site once fixed (no hash can name it).
    assert "script-src 'self' 'unsafe-inline';" in policy and "object-src 'none'" in policy
