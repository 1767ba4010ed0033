"""The library's pure parts: wording of sizes and types, paging, related resources."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.core import load_site
from tip_site.views.library_pages import library_pages
from tip_site.views.library_text import file_size, file_type, long_date
from tip_site.views.related_resources import related_resources


@pytest.mark.parametrize(
    "size, shown",
    [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1024, "1 KB"), (47_616, "46.5 KB"), (558_000, "545 KB"),
     (1_047_552, "1023 KB"), (1_100_000, "1.05 MB"), (25 * 1024**2, "25 MB"), (3 * 1024**3, "3 GB")],
)
def test_file_size_reads_as_gov_uk_shows_it(size, shown):
    assert file_size(size) == shown


@pytest.mark.parametrize(
    "name, kind, expansion",
    [("a.pdf", "PDF", "Portable Document Format"), ("b.DOCX", "MS Word Document", None), ("c.csv", "CSV", "Comma-separated Values"),
     ("d.txt", "Plain text", None), ("e.xlsx", "MS Excel Spreadsheet", None), ("f.abc", "ABC file", None), ("noext", "File", None)],
)
def test_file_type_names(name, kind, expansion):
    assert file_type(name) == (kind, expansion)


def test_long_date():
    assert long_date(dt.date(2024, 6, 1)) == "1 June 2024"


@pytest.fixture(scope="module")
def real_model():
    return load_site(REPO)


def test_pages_cut_the_library_in_order(real_model):
    pages = {p.uri: BeautifulSoup(p.markdown, "html.parser") for p in library_pages(real_model, page_size=5)}
    all_uris = ["library/index.md"] + [f"library/page/{n}.md" for n in range(2, -(-len(real_model.resources) // 5) + 1)]
    listed = [li["data-id"] for uri in all_uris for li in pages[uri].select("li.tip-card")]
    assert listed == [r.id for r in real_model.resources]
    assert f"library/page/{len(all_uris) + 1}.md" not in pages
    assert "search:\n  exclude: true" in str(pages["library/page/2.md"])


def test_a_facet_value_with_no_resources_still_has_a_page(real_model):
    empty = dataclasses.replace(real_model, resources=())
    pages = {p.uri: p.markdown for p in library_pages(empty)}
    assert "There are no resources here yet." in pages["library/type/video/index.md"]


def test_related_resources_share_most_priorities_first_and_never_the_resource_itself(real_model):
    related = related_resources(real_model)
    by_id = {r.id: r for r in real_model.resources}
    for resource in real_model.resources:
        chosen = related[resource.id]
        assert resource not in chosen and len(chosen) <= 4
        shared = [len(set(r.priorities) & set(resource.priorities)) for r in chosen]
        assert shared == sorted(shared, reverse=True), resource.id
    plan = related["self-assessment-action-plan-template"]
    # Same priority and type first, then same priority only.
    assert plan[:2] == (by_id["policy-review-checklist"], by_id["organisational-self-assessment-framework"])


def test_a_card_is_written_once_per_build_yet_follows_edits_and_the_page_showing_it(real_model):
    from html import escape

    from tip_site.views.library_cards import card_html

    resource = real_model.resources[0]
    on_index = card_html(real_model, resource, "library/index.md")
    on_facet = card_html(real_model, resource, "library/type/guide/index.md")
    assert f'href="{resource.id}/"' in on_index and f'href="../../{resource.id}/"' in on_facet
    assert card_html(real_model, resource, "library/index.md") == on_index
    edited = dataclasses.replace(resource, title="A new title")
    assert "A new title" in card_html(real_model, edited, "library/index.md")
    rebuilt = dataclasses.replace(real_model, resources=(edited, *real_model.resources[1:]))
    assert "A new title" in card_html(rebuilt, edited, "library/index.md")
    assert escape(resource.title) in card_html(real_model, resource, "library/index.md")
