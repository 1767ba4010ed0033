"""`mkdocs serve` with a content mistake: the browser shows the problems, then the site once fixed."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import mkdocs.commands.build as build_command
import mkdocs.commands.serve as serve_command
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_RESOURCE, TinySite
from tip_site.adapters.serve_errors import error_page, show_first_build_errors_in_browser
from tip_site.adapters.serve_livereload import SCRIPT_PATH
from tip_site.core import Problem

RESOURCE = "content/resources/toolkit.md"


def test_a_content_error_in_serve_shows_in_the_browser_until_it_is_fixed(tiny_site: TinySite):
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        page = url + "library/toolkit/"
        assert "A trauma informed toolkit" in fetch(page)[1]
        tiny_site.write(RESOURCE, VALID_RESOURCE.replace("type: toolkit", "type: tool-kit"))
        wait_for(lambda: "The preview cannot be built" in fetch(page)[1], what="the error page")
        status, text = fetch(page)
        assert status == 200
        html = BeautifulSoup(text, "html.parser")
        assert html.find("h1").get_text() == "The preview cannot be built: 1 problem in the content"
        assert html.find("h2").get_text() == RESOURCE
        item = html.find("li").get_text()
        assert item.startswith("Error, line 5: type: unknown resource type 'tool-kit'") and "did you mean 'toolkit'?" in item
        assert "The preview cannot be built" in fetch(url)[1]  # every page, the home page too
        assert html.find("script", src=SCRIPT_PATH) is not None  # so the browser reloads by itself once the file is fixed
        tiny_site.write(RESOURCE, VALID_RESOURCE.replace("How to use the toolkit.", "How to use the toolkit, fixed."))
        wait_for(lambda: "How to use the toolkit, fixed." in fetch(page)[1], what="the site again")
        assert "The preview cannot be built" not in fetch(url)[1]


def test_the_error_page_escapes_what_it_shows_and_needs_no_script_or_style():
    page = error_page([Problem("content/resources/<b>.md", 3, "title", "bad <script>alert(1)</script>", "fix & retry")], [])
    html = BeautifulSoup(page, "html.parser")
    assert not html.find_all(["script", "style"]) and not html.select("[style]")
    assert "<script>alert" not in page and "bad <script>alert(1)</script>" in html.find("li").get_text()
    assert html.find("html")["lang"] == "en" and html.find("h2").get_text() == "content/resources/<b>.md"
    policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy  # the site's own policy


def test_a_content_error_in_serves_first_build_shows_in_the_browser_until_it_is_fixed(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RESOURCE, VALID_RESOURCE.replace("type: toolkit", "type: tool-kit"))
    with mkdocs_serve(tiny_site.root) as url:  # it starts: MkDocs alone would stop on the first build
        status, text = fetch(url)
        html = BeautifulSoup(text, "html.parser")
        assert status == 200 and html.find("h1").get_text() == "The preview cannot be built: 1 problem in the content"
        assert html.find("h2").get_text() == RESOURCE and "unknown resource type 'tool-kit'" in html.find("li").get_text()
        assert html.find("script", src=SCRIPT_PATH) is not None  # the home page reloads by itself once fixed
        status, text = fetch(url + "library/toolkit/")  # an address the failed build never made
        assert "The preview cannot be built: 1 problem in the content" in text
        assert BeautifulSoup(text, "html.parser").find("script", src=SCRIPT_PATH) is not None  # reloads there too
        tiny_site.write(RESOURCE, VALID_RESOURCE.replace("How to use the toolkit.", "How to use the toolkit, fixed."))
        wait_for(lambda: "How to use the toolkit, fixed." in fetch(url + "library/toolkit/")[1], what="the site")
        assert fetch(url + "library/toolkit/")[0] == 200
        assert "The preview cannot be built" not in fetch(url)[1]
        assert "A trauma informed toolkit" in fetch(url + "library/")[1]


def fake_build(config, *, serve_url=None, dirty=False):
    raise Abort("Aborted with a BuildError!")


def test_only_the_first_build_is_wrapped_and_only_mkdocs_own(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(build_command, "build", fake_build)
    monkeypatch.setattr(serve_command, "build", fake_build)
    problems = [Problem("content/resources/toolkit.md", 5, "type", "unknown resource type 'tool-kit'", "")]
    assert show_first_build_errors_in_browser(lambda: problems)
    serve_command.build(SimpleNamespace(site_dir=str(tmp_path)), serve_url="http://127.0.0.1:8000/", dirty=False)
    assert "unknown resource type" in (tmp_path / "index.html").read_text() and (tmp_path / "404.html").exists()
    assert serve_command.build is fake_build  # later builds fail as MkDocs' do: on_serve wraps those
    # Another build function than MkDocs' own (a newer MkDocs, another plugin's wrapper): left alone.
    monkeypatch.setattr(serve_command, "build", lambda config, **options: None)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.tip_site"):
        assert not show_first_build_errors_in_browser(lambda: problems)
    assert "stops `mkdocs serve`" in caplog.text
