"""Pages given as parts render as the same page written in Markdown would, at a fraction of the cost."""

from __future__ import annotations


import markdown as python_markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit import REPO, VALID_RESOURCE, TinySite
from tip_site.core import load_site
from tip_site.views.generated_page import AssembledPage, EditorMarkdown, Heading, Html
from tip_site.views.page_assembly import HeadingStyle, TocEntry, assemble
from tip_site.views.site_pages import generated_pages

CONFIG = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _site_markdown_settings() -> tuple[list[str], dict]:
    """The Markdown extensions and settings in the project's mkdocs.yml."""
    names, settings = [], {}
    for entry in CONFIG["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = {key: value == "true" if value in ("true", "false") else value for key, value in options.items()}
    return names, settings


def _render(markdown: str) -> tuple[str, list[TocEntry]]:
    names, settings = _site_markdown_settings()
    md = python_markdown.Markdown(extensions=names, extension_configs=settings)
    html = md.convert(markdown)
    entries: list[TocEntry] = []

    def visit(token):
        entries.append(TocEntry(token["level"], token["id"], token["name"]))
        for child in token["children"]:
            visit(child)

    for token in md.toc_tokens:
        visit(token)
    return html, entries


def _assembled(page: AssembledPage) -> tuple[str, list[TocEntry]]:
    names, settings = _site_markdown_settings()
    body = next((p.markdown for p in page.parts if isinstance(p, EditorMarkdown)), "")
    editor_html, editor_toc = _render(body)
    return assemble(page, editor_html, editor_toc, HeadingStyle.probe(names, settings))


def _without_front_matter(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


@pytest.fixture(scope="module")
def real_pages() -> list[AssembledPage]:
    site = load_site(REPO)
    pages = [page for page in generated_pages(site) if isinstance(page, AssembledPage)]
    assert len(pages) >= len(site.resources) > 3
    return pages


def test_every_assembled_page_of_the_real_site_renders_as_its_markdown_does(real_pages):
    for page in real_pages:
        assert _assembled(page) == _render(_without_front_matter(page.markdown)), page.uri


def test_a_heading_the_editor_also_wrote_gets_the_next_free_id():
    page = AssembledPage("library/x.md", "---\ntitle: X\n---\n\n", (
        Heading(1, "Fish & chips"),
        EditorMarkdown("## Related resources\n\nText.\n\n## Related resources\n"),
        Heading(2, "Related resources"),
        Html("<p>cards</p>"),
    ))
    html, toc = _assembled(page)
    ids = [entry.id for entry in toc]
    assert ids == ["fish-chips", "related-resources", "related-resources_1", "related-resources_2"]
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get("id") for h in soup.find_all(["h1", "h2"])] == ids
    assert soup.h1.get_text() == "Fish & chips¶" and toc[0].title == "Fish &amp; chips"


def test_a_page_has_at_most_one_part_of_editors_markdown():
    with pytest.raises(ValueError, match="at most one"):
        AssembledPage("x.md", "", (EditorMarkdown("a"), EditorMarkdown("b")))


def test_a_built_resource_page_lists_our_headings_and_the_editors_in_its_contents(tmp_path):
    site = TinySite(tmp_path).with_examples()
    site.write("content/resources/toolkit.md", VALID_RESOURCE + "\n## How to start\n\nFirst steps.\n")
    assert site.build().returncode == 0
    soup = BeautifulSoup((site.site_dir / "library/toolkit/index.html").read_text(encoding="utf-8"), "html.parser")
    contents = [a["href"] for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    assert contents == ["#get-this-resource", "#about-this-resource", "#how-to-start", "#groups-and-priorities"]
    assert soup.select_one("article h1").get_text() == "A trauma informed toolkit¶"
    assert soup.select_one("#how-to-start + p").get_text() == "First steps."
