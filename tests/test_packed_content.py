"""Pages' HTML held packed until rendered (adapters/packed_content.py): whoever reads it gets the very same."""

from __future__ import annotations

import pickle
import sys
import zlib
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import tip_site.adapters.packed_content as packed_content
from tip_site.adapters.packed_content import OPEN, PACKED, PackedContent
from tip_site.search.rendered_page import RenderedPage

# Two bytes a character in Python (the ’), and repetitive as a site's HTML is.
HTML = "<h1 id='a'>A page</h1>\n" + "<p>It’s a paragraph of a page, with a <a href='x/'>link</a>.</p>\n" * 400


def _page(uri: str = "library/a.md") -> Page:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": "."})
    config.validate()
    return Page(None, File(uri, "docs", "site", use_directory_urls=True), config)


def _adopted(html: str = HTML) -> tuple[PackedContent, Page]:
    packed, page = PackedContent(on=True), _page()
    packed.adopt(page, html)
    page.content = html  # as MkDocs does with what on_page_content returns
    return packed, page


def test_a_packed_page_gives_back_the_very_html_and_holds_a_fraction_of_it():
    packed, page = _adopted()
    assert page.content == HTML and isinstance(page, Page) and type(page).__name__ == "Page"
    assert "content" not in vars(page)
    assert len(vars(page)[PACKED]) * 5 < len(HTML.encode("utf-8"))
    assert packed.pages == 1 and packed.on and packed.failure is None


def test_open_unpacks_once_for_rendering_and_close_lets_it_go():
    packed, page = _adopted()
    packed.open(page)
    assert vars(page)[OPEN] == HTML and page.content is vars(page)[OPEN]  # the same string: no unpacking per read
    page.content = HTML + "<p>late</p>"  # MkDocs adds a draft marker like this while rendering
    assert page.content == HTML + "<p>late</p>"
    packed.close(page)
    assert OPEN not in vars(page) and page.content == HTML + "<p>late</p>"


def test_values_that_are_not_plain_strings_come_back_as_themselves():
    packed, page = _adopted()
    page.content = Markup("<p>safe</p>")
    assert type(page.content) is Markup and page.content == "<p>safe</p>"
    page.content = None
    assert page.content is None


def test_a_page_is_adopted_once_and_other_pages_keep_their_class():
    packed, page = _adopted()
    packed.adopt(page, HTML)
    assert packed.pages == 1
    other = _page("library/b.md")
    assert type(other) is Page and type(page) is not Page and type(page).__mro__[1] is Page


def test_speedups_off_packs_nothing():
    packed, page = PackedContent(on=False), _page()
    packed.adopt(page, HTML)
    page.content = HTML
    assert type(page) is Page and vars(page)["content"] is HTML and packed.pages == 0


def test_a_class_that_cannot_be_changed_turns_packing_off_and_the_page_keeps_its_html(monkeypatch):
    def refuse(cls):
        raise TypeError("__class__ assignment: layouts differ")

    monkeypatch.setattr(packed_content, "packed_class", refuse)
    packed, page = PackedContent(on=True), _page()
    page.content = HTML
    packed.adopt(page, HTML)
    assert not packed.on and "could not be given packed content" in packed.failure
    assert type(page) is Page and page.content == HTML


def test_a_first_page_that_does_not_come_back_unchanged_turns_packing_off(monkeypatch):
    broken = SimpleNamespace(compress=zlib.compress, decompress=lambda data: b"something else")
    monkeypatch.setattr(packed_content, "zlib", broken)
    packed, page = PackedContent(on=True), _page()
    page.content = "<p>converted</p>"
    packed.adopt(page, HTML)
    assert not packed.on and "did not come back unchanged" in packed.failure
    assert type(page) is Page and page.content == "<p>converted</p>" and PACKED not in vars(page)


def test_sending_a_page_to_the_helper_leaves_its_html_as_it_was():
    """Pickling a str caches a UTF-8 copy inside it: the page's HTML, which MkDocs holds, would double."""
    html = "It’s " * 2000
    before = sys.getsizeof(html)
    rendered = RenderedPage("library/a/", "A", "", html)
    assert pickle.loads(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL)) == rendered
    assert sys.getsizeof(html) == before
    pickle.dumps(html, protocol=pickle.HIGHEST_PROTOCOL)  # what the test guards against
    assert sys.getsizeof(html) > before


@pytest.mark.parametrize("value", ["", "plain ascii", "“quoted” — dashed", "\U0001F600 emoji"])
def test_any_text_packs_and_unpacks_exactly(value):
    packed, page = _adopted(value)
    assert page.content == value and type(page.content) is str
