"""The public pages: built from the data, listing events against the build date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.core import load_site
from tip_site.views.content_note import with_content_note
from tip_site.views.event_pages import is_upcoming, past_events, upcoming_events

EVENT = """\
---
id: {id}
title: {title}
kind: {kind}
groups: [{group}]
start: {day} 10:00
end: {day} 12:00
location: Online (Microsoft Teams)
summary: The quarterly meeting.
---

Agenda to follow.
"""


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def section_list(html: BeautifulSoup, heading: str):
    """The first list after the h2 whose text starts with `heading`."""
    h2 = next(h for h in html.find_all("h2") if h.get_text().startswith(heading))
    return h2.find_next("ul")


def words(html: BeautifulSoup) -> str:
    return html.get_text(" ", strip=True)


@pytest.mark.parametrize(
    "end, today, upcoming",
    [
        ("2026-11-25 12:00", dt.date(2026, 11, 26), False),
        ("2026-11-26 12:00", dt.date(2026, 11, 26), True),  # today's event stays upcoming all day
        ("2026-11-27 09:00", dt.date(2026, 11, 26), True),
    ],
)
def test_an_event_is_upcoming_until_its_day_is_over(end, today, upcoming):
    site = load_site(REPO)
    event = site.events[0]
    moved = type(event)(**{**event.__dict__, "start": dt.datetime.fromisoformat(end) - dt.timedelta(hours=1), "end": dt.datetime.fromisoformat(end)})
    assert is_upcoming(moved, today) is upcoming


def test_upcoming_are_soonest_first_and_past_most_recent_first():
    site = load_site(REPO)
    today = dt.date(2026, 11, 26)
    upcoming, past = upcoming_events(site, today), past_events(site, today)
    assert upcoming and past and len(upcoming) + len(past) == len(site.events)
    assert [e.start for e in upcoming] == sorted(e.start for e in upcoming)
    assert [e.start for e in past] == sorted((e.start for e in past), reverse=True)
    assert upcoming[0].start.date() >= today > past[0].end.date()


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<h1 id="t">Title</h1><p>Body</p>', '<h1 id="t">Title</h1><div class="tip-content-note"'),
        ("<p>No title</p>", '<div class="tip-content-note"'),
    ],
)
def test_content_note_follows_the_title(html, expected):
    result = with_content_note(html, "This page talks about <abuse>.")
    assert result.startswith(expected)
    assert "&lt;abuse&gt;" in result and "<abuse>" not in result
    assert with_content_note(html, None) == html


def test_seeded_meetings_meet_every_quarter_and_include_the_joint_event_and_conference():
    site = load_site(REPO)
    assert not site.warnings
    for group in site.groups:
        for year in (2026, 2027):
            quarters = {(e.start.month - 1) // 3 + 1 for e in site.events if e.kind == "meeting" and group.id in e.groups and e.start.year == year}
            assert quarters == {1, 2, 3, 4}, (group.id, year)
    kinds = {e.kind for e in site.events}
    assert {"meeting", "joint-event", "event"} <= kinds
    assert any("conference" in e.title.lower() for e in site.events)


def test_tiny_site_renames_warns_and_notes(tiny_site, monkeypatch):
    """One build: a renamed group, a badly spread schedule, a content note, events split by the build date."""
    groups = tiny_site.root / "content/data/groups.yml"
    groups.write_text(groups.read_text().replace("name: Community of Practice Group", "name: Practice Exchange Network"))
    for day, q in (("2026-02-10", 1), ("2026-03-10", 2), ("2026-12-08", 4)):
        tiny_site.write(f"content/events/cop-{q}.md", EVENT.format(id=f"cop-{q}", title=f"CoP meeting {q}", kind="meeting", group="cop", day=day))
    tiny_site.write("docs/about.md", "---\ntitle: About\ncontent_note: This page mentions childhood abuse.\n---\n\n# About\n\nText.\n")
    monkeypatch.setenv("TIP_BUILD_DATE", "2026-03-01")
    result = tiny_site.build()
    assert result.returncode == 0, result.output  # a warning does not stop a strict build
    assert "the CoP meetings of 2026 are not spread across the quarters (Q1: 2, Q2: 0, Q3: 0, Q4: 1)" in result.output
    site = tiny_site.site_dir

    for path in ("groups/cop/index.html", "index.html", "priorities/matrix/index.html", "membership/index.html", "governance/index.html", "groups/index.html"):
        text = words(soup(site, path))
        assert "Practice Exchange Network" in text, path
        assert "Community of Practice Group" not in text, path

    about = soup(site, "about/index.html")
    note = about.select_one("article .tip-content-note")
    assert note is not None and "childhood abuse" in note.get_text()
    assert note.find_previous_sibling("h1") is not None  # after the title, so the skip link does not skip it

    events = soup(site, "events/index.html")
    upcoming = section_list(events, "Upcoming")
    past = section_list(events, "Past")
    assert [a.get_text() for a in upcoming.find_all("a")] == ["CoP meeting 2", "CoP meeting 4"]
    assert [a.get_text() for a in past.find_all("a")] == ["CoP meeting 1"]
    assert "This event has taken place" in words(soup(site, "events/cop-1/index.html"))
    assert "This event has taken place" not in words(soup(site, "events/cop-4/index.html"))
    home = soup(site, "index.html")
    assert home.find("a", href="events/cop-2/") is not None
    # Every build has the resource library now (issue 4): the home page links to it, and the link works.
    assert home.select_one("article a[href='library/']") is not None and (site / "library/index.html").is_file()
