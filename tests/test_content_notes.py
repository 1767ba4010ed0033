"""Content notes on resources, newsletter issues and events: before the text on their page, as a small
label wherever they are listed, and in feed items (issue 17)."""

from __future__ import annotations

import json

import feedparser
from bs4 import BeautifulSoup

from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE

NOTE = "Describes childhood abuse & neglect."


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_content_notes_show_on_pages_in_lists_and_in_feeds(tiny_site, monkeypatch):
    tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("published: 2024-06-01", f"published: 2024-06-01\ncontent_note: {NOTE}"))
    tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("groups: [tip, cop]", f"groups: [tip, cop]\ncontent_note: '{NOTE}'"))
    tiny_site.write("content/events/cop-2025-q1.md", VALID_EVENT.replace("2025-02-10", "2025-05-12")
                    .replace("summary: The quarterly meeting.", f"summary: The quarterly meeting.\ncontent_note: {NOTE}"))
    monkeypatch.setenv("TIP_BUILD_DATE", "2025-04-01")  # the event is still to come: on the home page
    result = tiny_site.build()
    assert result.returncode == 0, result.output
    site = tiny_site.site_dir

    for page in ("library/toolkit/index.html", "newsletters/2025-q1/index.html", "events/cop-2025-q1/index.html"):
        article = soup(site, page).select_one("article")
        note = article.select_one(".tip-content-note")
        assert note is not None and NOTE in note.get_text(), page
        assert note.find_previous_sibling("h1") is not None, "after the title, so the skip link does not pass it"
        assert note.find_next_sibling() is not None, "and before the content"

    for page, entry in (("library/index.html", "li.tip-card"), ("library/type/toolkit/index.html", "li.tip-card"),
                        ("newsletters/index.html", "article"), ("events/index.html", "article li"),
                        ("index.html", ".tip-card-box"), ("groups/cop/index.html", "article li")):
        labels = soup(site, page).select(f"{entry} .tip-label")
        assert [label.get_text() for label in labels][:1] == ["Content note"], page

    rows = json.loads((site / "library/cards/0.json").read_text(encoding="utf-8"))
    assert rows[0][4] == NOTE, "the browser's own cards show it too"

    feed = feedparser.parse((site / "feed.xml").read_bytes())
    items = {entry.title: entry for entry in feed.entries}
    for title in ("A trauma informed toolkit", "Spring 2025"):
        assert items[title].summary.startswith("Content note: Describes childhood abuse &amp; neglect.") or \
            items[title].summary.startswith("Content note: Describes childhood abuse & neglect."), items[title].summary
        content = items[title].content[0].value if "content" in items[title] else ""
        assert NOTE.replace("&", "&amp;") in content or NOTE in content


def test_a_content_note_must_be_text(tiny_site):
    tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("published: 2024-06-01", "published: 2024-06-01\ncontent_note: [a, b]"))
    result = tiny_site.check()
    assert result.returncode == 1 and "content_note" in result.output
