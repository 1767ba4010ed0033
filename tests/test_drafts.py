"""Drafts and scheduled content: absent from every output of a production build,
shown with a "Draft" banner by `mkdocs serve`; and serve rebuilds when content/ changes."""

from __future__ import annotations


import pytest
from bs4 import BeautifulSoup

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite

# Each withheld item: (file, Markdown, a phrase only it contains, its page path in the site)
DRAFT_NEWSLETTER = VALID_NEWSLETTER.replace("quarter: 1", "quarter: 2").replace("2025-03-14", "2025-05-14").replace(
    "title: Spring 2025", "title: Draft issue on the autumn conference").replace("---\n\nThe", "draft: true\n---\n\nThe")
DRAFT_RESOURCE = VALID_RESOURCE.replace("id: toolkit", "id: draft-guide").replace(
    "title: A trauma informed toolkit", "title: Unfinished guide to reflective supervision").replace("---\n\nHow", "draft: true\n---\n\nHow")
SCHEDULED_RESOURCE = VALID_RESOURCE.replace("id: toolkit", "id: later-guide").replace(
    "title: A trauma informed toolkit", "title: Guide scheduled for the next century").replace("published: 2024-06-01", "published: 2099-01-01")
DRAFT_EVENT = VALID_EVENT.replace("id: cop-2025-q1", "id: draft-meeting").replace(
    "title: Community of Practice meeting", "title: Provisional schools forum workshop").replace("---\n\nAgenda", "draft: true\n---\n\nAgenda")
DRAFT_PAGE = "---\ntitle: Notes for the website working group\ndraft: true\n---\n\n# Notes for the website working group\n\nNot ready.\n"

DRAFTS = [
    ("content/newsletters/2025-q2.md", DRAFT_NEWSLETTER, "Draft issue on the autumn conference", "newsletters/2025-q2/"),
    ("content/resources/draft-guide.md", DRAFT_RESOURCE, "Unfinished guide to reflective supervision", "library/draft-guide/"),
    ("content/events/draft-meeting.md", DRAFT_EVENT, "Provisional schools forum workshop", "events/draft-meeting/"),
    ("docs/working-notes.md", DRAFT_PAGE, "Notes for the website working group", "working-notes/"),
]
SCHEDULED = ("content/resources/later-guide.md", SCHEDULED_RESOURCE, "Guide scheduled for the next century", "library/later-guide/")
BANNER = "Draft: not on the live site"


def with_drafts(site: TinySite) -> TinySite:
    site.with_examples()
    for path, text, _, _ in [*DRAFTS, SCHEDULED]:
        site.write(path, text)
    return site


def test_production_build_leaves_drafts_and_scheduled_items_out_of_every_output(tiny_site: TinySite):
    result = with_drafts(tiny_site).build()
    assert result.returncode == 0, result.output
    out = tiny_site.site_dir
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.suffix in {".html", ".xml", ".json", ".txt", ".ics", ".xsl"}}
    search_text = " ".join(p.read_text(encoding="utf-8") for p in (out / "search-index").rglob("*.json"))
    sitemap = (out / "sitemap.xml").read_text()
    for _, _, phrase, path in [*DRAFTS, SCHEDULED]:
        assert not (out / path / "index.html").exists(), path
        assert path not in sitemap
        assert phrase not in search_text
        assert not [p for p, t in texts.items() if phrase in t], phrase  # listings, feeds, every page
    # The published items beside them are there, so the checks above can tell.
    assert (out / "library/toolkit/index.html").exists() and "library/toolkit/" in sitemap
    assert "A trauma informed toolkit" in search_text


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    site = with_drafts(TinySite(tmp_path_factory.mktemp("serve")))
    with mkdocs_serve(site.root) as url:
        yield site, url


@pytest.mark.parametrize("path, phrase", [(d[3], d[2]) for d in DRAFTS])
def test_serve_shows_each_draft_with_a_banner(preview, path, phrase):
    _, url = preview
    status, page = fetch(url + path)
    assert status == 200
    html = BeautifulSoup(page, "html.parser")
    assert phrase in html.find("h1").get_text()
    banner = html.select_one(".admonition.warning")
    assert banner is not None and BANNER in banner.get_text()


def test_serve_shows_scheduled_items_with_their_date(preview):
    _, url = preview
    _, path_phrase, phrase, path = SCHEDULED
    status, page = fetch(url + path)
    assert status == 200
    html = BeautifulSoup(page, "html.parser")
    assert phrase in html.find("h1").get_text()
    banner = html.select_one(".admonition.info")
    assert banner is not None and "Scheduled for 1 January 2099" in banner.get_text()
    assert "Thursday 1 January 2099" in banner.get_text() and BANNER not in page
    # Listed in the preview's library too, so an editor can find it.
    assert phrase in fetch(url + "library/")[1]


def test_serve_shows_published_pages_without_the_banner(preview):
    _, url = preview
    status, page = fetch(url + "library/toolkit/")
    assert status == 200 and "A trauma informed toolkit" in page
    assert BANNER not in page and "Scheduled for" not in page


def test_serve_rebuilds_when_a_file_under_content_changes(preview):
    site, url = preview
    assert "The conference is coming." in fetch(url + "newsletters/2025-q1/")[1]
    site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("The conference is coming.", "Booking for the conference is open."))
    wait_for(lambda: "Booking for the conference is open." in fetch(url + "newsletters/2025-q1/")[1], what="the rebuilt page")
    assert "The conference is coming." not in fetch(url + "newsletters/2025-q1/")[1]


def test_scheduled_items_wait_for_their_date_and_past_events_stay(tiny_site: TinySite):
    import datetime as dt

    from tip_site.core import load_site

    tiny_site.with_examples()
    tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("published: 2024-06-01", "published: 2025-06-02"))
    before = load_site(tiny_site.root, today=dt.date(2025, 6, 1))
    on_the_day = load_site(tiny_site.root, today=dt.date(2025, 6, 2))
    assert [r.id for r in before.resources] == [] and [r.id for r in on_the_day.resources] == ["toolkit"]
    assert [e.id for e in before.events] == ["cop-2025-q1"]  # past events stay, as past events
