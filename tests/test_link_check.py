"""Internal links: a link to a page, heading, image or file that does not exist fails
the check, naming the file and line an editor wrote it on."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO, VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite
from tip_site.core import load_site
from tip_site.core.markdown_links import anchors, links
from tip_site.views.site_pages import generated_pages

NEWS = "content/newsletters/2025-q1.md"
RES = "content/resources/toolkit.md"
EVT = "content/events/cop-2025-q1.md"
ABOUT = "docs/about.md"
ABOUT_TEXT = (REPO / ABOUT).read_text(encoding="utf-8")
BASE = {NEWS: VALID_NEWSLETTER, RES: VALID_RESOURCE, EVT: VALID_EVENT, ABOUT: ABOUT_TEXT}

# (case, file, the line added to it, words of the message, words of the fix)
BROKEN = [
    ("page", NEWS, "Read [about us](../abuot.md).", "the link '../abuot.md' points to a page that does not exist", "did you mean '../about.md'?"),
    # A link to the source file works (issue 14); one with a misspelt name is matched against the files of its folder.
    ("page-by-source-path", NEWS, "See [the toolkit](../resources/tolkit.md).", "points to a page that does not exist", "did you mean '../library/toolkit.md'?"),
    ("anchor-on-other-page", ABOUT, "How to [join the TIP](groups/tip.md#how-to-joim).", "the page 'groups/tip.md' has no heading or anchor '#how-to-joim'", "did you mean '#how-to-join'?"),
    ("anchor-on-same-page", ABOUT, "Back to [the start](#about-the-partnershp).", "this page has no heading or anchor '#about-the-partnershp'", "did you mean '#about-the-partnership'?"),
    ("image", RES, "![A diagram of the three groups](images/groups.png)", "the image 'images/groups.png' does not exist", "check the spelling"),
    ("html-image", EVT, '<img src="../images/map.png" alt="Map of the venue">', "the image '../images/map.png' does not exist", "add the file"),
    ("attachment", ABOUT, "Read [the Terms of Reference](files/terms-of-reference.pdf).", "the file 'files/terms-of-reference.pdf' does not exist", "check the spelling"),
    ("reference-definition", ABOUT, "[tor]: governance.md#reviw", "has no heading or anchor '#reviw'", ""),
    ("absolute", NEWS, "See [about](/about/).", "starts with '/'", "write a relative link"),
    ("outside-the-site", NEWS, "See [the readme](../../README.md).", "points outside the site", ""),
    ("folder", ABOUT, "See [the groups](groups/).", "points to a folder", "'groups/index.md'"),
]


@pytest.mark.parametrize("path, added, message, fix", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_links_fail_the_check_with_file_and_line(tiny_site: TinySite, path, added, message, fix):
    tiny_site.with_examples()
    text = BASE[path].rstrip("\n") + f"\n\n{added}\n"
    tiny_site.write(path, text)
    line = text.split("\n").index(added) + 1
    result = tiny_site.check()
    assert result.returncode == 1, result.output
    report = result.output
    assert report.startswith(f"{path}\n  Error, line {line}: "), report
    assert message in report.split("\n")[1], report
    assert fix in report.split("How to fix: ")[1]
    assert "Traceback" not in report


def test_links_that_work_pass(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write("docs/images/partnership.png", b"\x89PNG\r\n\x1a\n")
    tiny_site.write(ABOUT, ABOUT_TEXT + (
        "\n![The partnership](images/partnership.png)\n\n"
        "[Join the TIP](groups/tip.md#how-to-join), [the toolkit](library/toolkit.md), "
        "[our newsletter](newsletters/2025-q1.md), [home](index.md), [top](#about-the-partnership), "
        "[a heading with a link](priorities/awareness.md#what-each-group-does), [outside](https://www.nhs.uk/).\n\n"
        "`[not a link](nowhere.md)`\n\n```\n[not a link either](nowhere.md)\n```\n"
    ))
    tiny_site.write(NEWS, VALID_NEWSLETTER + "\nRead [the toolkit](../library/toolkit.md) and [about us](../about.md#about-the-partnership).\n")
    result = tiny_site.check()
    assert result.returncode == 0, result.output
    build = tiny_site.build()  # MkDocs agrees: with --strict it fails on any link it cannot resolve
    assert build.returncode == 0, build.output


def test_a_link_to_a_draft_says_it_is_not_published_yet(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("---\n\nHow", "draft: true\n---\n\nHow"))
    tiny_site.write(NEWS, VALID_NEWSLETTER + "\nRead [the toolkit](../library/toolkit.md).\n")
    result = tiny_site.check()
    assert result.returncode == 1
    assert "points to a page that is a draft or scheduled for later" in result.output


def test_links_inside_a_draft_are_checked_against_the_preview(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("---\n\nHow", "draft: true\n---\n\nHow") + "\n[Broken](../nowhere.md)\n")
    result = tiny_site.check()
    assert result.returncode == 1 and f"{RES}\n  Error, line 17: the link '../nowhere.md'" in result.output, result.output


@pytest.mark.parametrize("markdown, expected", [
    ("# About the partnership", {"about-the-partnership"}),
    ("## [1. Increase Awareness](../priorities/awareness.md)", {"1-increase-awareness"}),
    ("## Dates\n\n## Dates", {"dates", "dates_1"}),
    ("## How to join {#joining}", {"joining"}),
    ("Who it is for\n-------------", {"who-it-is-for"}),
    ("## Trauma & resilience: *what* `works`", {"trauma-resilience-what-works"}),
    ('<span id="venue"></span> and a paragraph {#summary}', {"venue", "summary"}),
    ("```\n# not a heading\n```", set()),
])
def test_anchors_match_the_toc_extension(markdown, expected):
    assert anchors(markdown) == expected


def test_links_are_found_with_their_lines_and_external_ones_skipped():
    text = "Intro\n\n[a](a.md) and ![b](img/b.png \"Title\")\n[c]: c.md#x\n<a href=\"https://x.org\">x</a> [m](mailto:a@b.org)"
    assert [(l.target, l.line, l.is_image) for l in links(text)] == [("a.md", 3, False), ("img/b.png", 3, True), ("c.md#x", 4, False)]


def test_anchors_the_checker_knows_are_ids_in_the_built_pages(real_site: Path):
    """Cross-check against MkDocs itself: every anchor we compute exists in the real site's HTML."""
    for page in generated_pages(load_site(REPO)):
        html_file = real_site / (page.uri[: -len(".md")] + "/index.html" if not page.uri.endswith("index.md") else page.uri[: -len(".md")] + ".html")
        ids = {tag["id"] for tag in BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select("[id]")}
        assert anchors(page.markdown) <= ids, page.uri


def test_pages_other_plugins_add_are_known_from_the_nav(tiny_site: TinySite):
    """The Subscribe page is made by the feeds plugin; the nav in mkdocs.yml tells the check it exists."""
    tiny_site.with_examples()
    tiny_site.write(ABOUT, ABOUT_TEXT + "\n[Subscribe](subscribe.md) or [get the calendar](subscribe.md#calendars).\n")
    assert tiny_site.check().returncode == 0
    tiny_site.write(ABOUT, ABOUT_TEXT + "\n[Subscribe](subscribr.md).\n")
    result = tiny_site.check()
    assert result.returncode == 1 and "did you mean 'subscribe.md'?" in result.output
