"""Front-matter values are text, wherever Material's templates and ours print them, shells on and off.

Material prints `page.meta.title` and `description` as they are (in <title>, the header, the meta
description, the navigation); the site gives templates escaped text. A title that passes the check
but holds every character escaping changes must show exactly as written on every page that names
it, and pages filled in from shells must be the pages main.html renders.
"""

from __future__ import annotations

import re
import shutil

import lxml.html
import pytest

from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite

TITLE = "Fish &amp; chips: \"safe\" spaces for 5 < 11 year-olds > all, Q&A's"
SUMMARY = "Parents' \"first\" guide & <3 for > 1 family"
# What shells fill in (titles with '<', '>' or an entity are rendered by main.html, see page_shells._plain).
RESOURCE_TITLE = "Q&A's \"safe\" spaces"
RESOURCE_SUMMARY = "Parents' \"first\" guide & more"
PAGE_TITLE = "About us & \"them\" < 3"
PAGE_DESCRIPTION = "What we do, \"why\" & how: 1 < 2 > 0"


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _site(root) -> TinySite:
    site = TinySite(root).with_examples()
    for number in range(4):  # several alike: resource pages come from a shell
        site.write(
            f"content/resources/guide-{number}.md",
            VALID_RESOURCE.replace("id: toolkit", f"id: guide-{number}")
            .replace("title: A trauma informed toolkit", f"title: {_yaml(RESOURCE_TITLE + ' ' + str(number))}")
            .replace("summary: Practical steps for teams.", f"summary: {_yaml(RESOURCE_SUMMARY + ' ' + str(number))}"),
        )
    site.write("content/events/meeting.md", VALID_EVENT.replace("id: cop-2025-q1", "id: meeting")
               .replace("title: Community of Practice meeting", f"title: {_yaml(TITLE)}")
               .replace("location: Online (Microsoft Teams)", f"location: {_yaml(SUMMARY)}"))
    site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("title: Spring 2025", f"title: {_yaml(TITLE)}"))
    about = (site.root / "docs/about.md").read_text(encoding="utf-8")
    body = about.split("\n---\n", 1)[1] if about.startswith("---\n") else about
    site.write("docs/about.md", f"---\ntitle: {_yaml(PAGE_TITLE)}\ndescription: {_yaml(PAGE_DESCRIPTION)}\n---\n{body}")
    return site


def _page(site_dir, path):
    return lxml.html.fromstring((site_dir / path).read_bytes())


@pytest.fixture(scope="module")
def built_both_ways(tmp_path_factory):
    """The site built with its shells, and with every page rendered by main.html."""
    tmp_path = tmp_path_factory.mktemp("escaping")
    (tmp_path / "shells").mkdir()
    shells = _site(tmp_path / "shells")
    main_only = TinySite.__new__(TinySite)
    main_only.root = tmp_path / "main-only"
    shutil.copytree(shells.root, main_only.root)
    (main_only.root / "overrides/tip-shell.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    logs = {}
    for site in (shells, main_only):
        result = site.build("--verbose")
        assert result.returncode == 0, result.output
        logs[site] = result.output
    filled = re.search(r"(\d+) pages filled in from (\d+) shells", logs[shells])
    assert filled and int(filled.group(1)) >= 3, "the shells were not used"
    return shells.site_dir, main_only.site_dir


def test_front_matter_shows_as_written_in_material_s_templates_and_ours(built_both_ways):
    shells, main_only = built_both_ways
    for site_dir in (shells, main_only):
        for number in range(4):
            page = _page(site_dir, f"library/guide-{number}/index.html")
            title = f"{RESOURCE_TITLE} {number}"
            assert page.findtext(".//title") == f"{title} - Trauma Informed Partnership LLR"
            assert page.xpath("string(//meta[@name='description']/@content)") == f"{RESOURCE_SUMMARY} {number}"
            assert page.xpath("string(//meta[@property='og:title']/@content)") == title
            assert page.xpath("string(//meta[@property='og:description']/@content)") == f"{RESOURCE_SUMMARY} {number}"
            # The header names the site, not the page (overrides/partials/header.html): no title there to check.
            assert not page.xpath("//*[@data-md-component='header-topic']")
            assert page.xpath("normalize-space(//article//h1)").startswith(" ".join(title.split()))
        event = _page(site_dir, "events/meeting/index.html")
        assert event.findtext(".//title").startswith(TITLE)
        issue = _page(site_dir, "newsletters/2025-q1/index.html")
        assert issue.findtext(".//title").startswith(TITLE)
        about = _page(site_dir, "about/index.html")
        assert about.findtext(".//title") == f"{PAGE_TITLE} - Trauma Informed Partnership LLR"
        assert about.xpath("string(//meta[@name='description']/@content)") == PAGE_DESCRIPTION


def test_pages_from_shells_are_the_pages_main_html_renders_with_such_text(built_both_ways):
    shells, main_only = built_both_ways
    ours = {p.relative_to(shells).as_posix(): p.read_bytes() for p in shells.rglob("*.html")}
    theirs = {p.relative_to(main_only).as_posix(): p.read_bytes() for p in main_only.rglob("*.html")}
    assert ours.keys() == theirs.keys()
    assert [path for path in ours if ours[path] != theirs[path]] == []
