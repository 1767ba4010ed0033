"""Feeds and calendars of a tiny real site, read back the way subscribers' apps read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from browser import serve
from feed_rules import atom_problems, feed_date, rss_problems
from sitekit import VALID_RESOURCE, TinySite

SITE_URL = "https://trauma-informed-llr.github.io/"
LONDON = ZoneInfo("Europe/London")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)

NEWSLETTER_WITH_LINKS = """\
---
title: Spring 2025
year: 2025
quarter: 1
published: 2025-03-14
summary: News from the three groups.
groups: [tip, cop]
priorities: [awareness]
---

## Training

Read [the toolkit](../library/toolkit.md) before the session.

![Bar chart of training places taken in each area](../images/training-chart.png)
"""

SUMMER_NEWSLETTER = """\
---
title: Summer 2025
year: 2025
quarter: 2
published: 2025-05-20
summary: Schools share what worked this term.
groups: [tis]
priorities: [prevention]
---

Schools across Rutland share their approaches.
"""

DRAFT_RESOURCE = """\
---
id: unfinished-guide
title: Unfinished draft guide
summary: Not ready.
type: guide
audiences: [practitioners]
groups: [cop]
priorities: [workforce]
organisation: Leicestershire County Council
published: 2025-01-10
url: https://example.org/unfinished
draft: true
---

Draft.
"""

FUTURE_RESOURCE = """\
---
id: scheduled-guide
title: Scheduled guide for December
summary: Published later this year.
type: guide
audiences: [practitioners]
groups: [cop]
priorities: [workforce]
organisation: Rutland County Council
published: 2025-12-01
url: https://example.org/scheduled
---

Later.
"""

SUMMER_EVENT = """\
---
id: tip-2025-q3
title: Trauma Informed Partnership Network meeting
kind: meeting
groups: [tip]
start: 2025-07-09 14:00
end: 2025-07-09 16:00
location: City Hall, Leicester
summary: The network's summer meeting.
---

Agenda to follow.
"""

DRAFT_EVENT = """\
---
id: unconfirmed-forum
title: Unconfirmed schools forum
kind: meeting
groups: [tis]
start: 2025-09-10 15:30
end: 2025-09-10 17:00
location: Online (Microsoft Teams)
summary: Not confirmed yet.
draft: true
---

Draft.
"""


def _build(site: TinySite, build_date: str, site_dir: str) -> Path:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TIP_BUILD_DATE", build_date)
        env.setenv("SITE_URL", SITE_URL)
        result = site.build("--site-dir", site_dir)
    assert result.returncode == 0, result.output
    return site.root / site_dir


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The same content built twice on different days, then once more after an editor's changes."""
    site = TinySite(tmp_path_factory.mktemp("feeds")).with_examples()
    site.write("content/newsletters/2025-q1.md", NEWSLETTER_WITH_LINKS)
    site.write("docs/images/training-chart.png", PNG)
    site.write("content/newsletters/2025-q2.md", SUMMER_NEWSLETTER)
    site.write("content/resources/unfinished-guide.md", DRAFT_RESOURCE)
    site.write("content/resources/scheduled-guide.md", FUTURE_RESOURCE)
    site.write("content/events/tip-2025-q3.md", SUMMER_EVENT)
    site.write("content/events/unconfirmed-forum.md", DRAFT_EVENT)
    first = _build(site, "2025-06-30", "site")
    again = _build(site, "2025-07-01", "site-again")
    # An editor retitles a resource and a newsletter and renames both files.
    toolkit = site.root / "content/resources/toolkit.md"
    site.write("content/resources/cop-practical-toolkit.md", toolkit.read_text().replace("title: A trauma informed toolkit", "title: The practical toolkit (2nd edition)"))
    toolkit.unlink()
    spring = site.root / "content/newsletters/2025-q2.md"
    site.write("content/newsletters/summer-issue.md", spring.read_text().replace("title: Summer 2025", "title: Summer 2025 for schools"))
    spring.unlink()
    edited = _build(site, "2025-06-30", "site-edited")
    return {"first": first, "again": again, "edited": edited}


def _feeds(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))


def _outputs(site_dir: Path) -> list[Path]:
    return sorted([*_feeds(site_dir), *site_dir.rglob("*.ics"), site_dir / "feed.xsl"])


def _url(site_dir: Path, file: Path) -> str:
    return SITE_URL + file.relative_to(site_dir).as_posix()


def _entries(site_dir: Path, path: str) -> dict[str, feedparser.FeedParserDict]:
    parsed = feedparser.parse((site_dir / path).read_bytes())
    return {entry.id: entry for entry in parsed.entries}


def _tag(kind: str, item_id: str) -> str:
    return f"tag:trauma-informed-llr.github.io,2026:{kind}/{item_id}"


def test_every_feed_parses_back_with_feedparser(builds):
    feeds = _feeds(builds["first"])
    # site, newsletters, three groups, five priorities; each in RSS and Atom
    assert len(feeds) == 2 * (2 + 3 + 5)
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, f"{feed}: {parsed.get('bozo_exception')}"
        assert parsed.version == ("rss20" if feed.name == "feed.xml" else "atom10")
        assert parsed.feed.title.startswith("Trauma Informed Partnership LLR: ")
        for entry in parsed.entries:
            assert entry.title and entry.link.startswith(SITE_URL) and entry.summary and entry.id.startswith("tag:")


def test_feeds_meet_the_feed_validation_service_rules(builds):
    for feed in _feeds(builds["first"]):
        check = rss_problems if feed.name == "feed.xml" else atom_problems
        assert check(feed.read_bytes(), _url(builds["first"], feed)) == [], feed


def test_site_feed_holds_newsletters_and_resources_newest_first(builds):
    parsed = feedparser.parse((builds["first"] / "feed.xml").read_bytes())
    assert [e.id for e in parsed.entries] == [
        _tag("newsletter", "2025-q2"), _tag("newsletter", "2025-q1"), _tag("resource", "toolkit"),
    ]
    spring = parsed.entries[1]
    assert spring.link == SITE_URL + "newsletters/2025-q1/"
    assert {t.term for t in spring.tags} == {
        "Trauma Informed Partnership Network", "Community of Practice Group", "Increase Awareness and Understanding", "Newsletter",
    }
    assert {t.term for t in parsed.entries[2].tags} >= {"Toolkit", "Equip and Support Our Workforce"}


@pytest.mark.parametrize(
    "path, expected",
    [
        ("newsletters/feed.xml", {_tag("newsletter", "2025-q2"), _tag("newsletter", "2025-q1")}),
        ("groups/cop/atom.xml", {_tag("newsletter", "2025-q1"), _tag("resource", "toolkit")}),
        ("groups/tis/feed.xml", {_tag("newsletter", "2025-q2")}),
        ("priorities/workforce/feed.xml", {_tag("resource", "toolkit")}),
        ("priorities/communities/atom.xml", set()),
    ],
)
def test_each_feed_carries_only_its_items(builds, path, expected):
    assert set(_entries(builds["first"], path)) == expected


def test_dates_carry_the_uk_offset_of_their_day(builds):
    rss = (builds["first"] / "feed.xml").read_bytes()
    atom = (builds["first"] / "atom.xml").read_bytes()
    expected = {"2025-q2": dt.date(2025, 5, 20), "2025-q1": dt.date(2025, 3, 14), "toolkit": dt.date(2024, 6, 1)}
    for document, date_tag, id_tag in ((rss, "pubDate", "guid"), (atom, "published", "id")):
        soup = BeautifulSoup(document, "xml")
        for item in soup.find_all(["item", "entry"]):
            day = expected[item.find(id_tag).text.rsplit("/", 1)[1]]
            published = feed_date(item.find(date_tag).text)
            uk_midnight = dt.datetime(day.year, day.month, day.day, tzinfo=LONDON)
            assert published == uk_midnight and published.utcoffset() == uk_midnight.utcoffset()
    assert b"+0100" in rss and b"+0000" in rss  # both BST and GMT dates are present


def test_item_content_is_the_page_with_every_link_absolute(builds):
    spring = _entries(builds["first"], "atom.xml")[_tag("newsletter", "2025-q1")]
    content = BeautifulSoup(spring.content[0].value, "html.parser")
    assert content.find("a", string="the toolkit")["href"] == SITE_URL + "library/toolkit/"
    assert content.find("img")["src"] == SITE_URL + "images/training-chart.png"
    assert content.find("img")["alt"] == "Bar chart of training places taken in each area"
    assert content.find("h2").get_text() == "Training"  # headings kept, permalink anchors gone
    assert not content.select("a.headerlink") and content.find("h1") is None
    for element in content.find_all(href=True) + content.find_all(src=True):
        assert (element.get("href") or element.get("src")).startswith(SITE_URL)


def test_two_builds_give_byte_identical_feeds_and_calendars(builds):
    first, again = builds["first"], builds["again"]
    names = [p.relative_to(first) for p in _outputs(first)]
    assert names == [p.relative_to(again) for p in _outputs(again)]
    for name in names:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name


def test_ids_survive_a_new_title_and_a_renamed_file(builds):
    before = _entries(builds["first"], "feed.xml")
    after = _entries(builds["edited"], "feed.xml")
    assert set(after) == set(before)
    assert after[_tag("resource", "toolkit")].title == "The practical toolkit (2nd edition)"
    assert after[_tag("newsletter", "2025-q2")].title == "Summer 2025 for schools"
    assert before[_tag("resource", "toolkit")].title == "A trauma informed toolkit"


def test_drafts_and_future_items_appear_nowhere(builds):
    site = builds["first"]
    hidden = ("unfinished-guide", "Unfinished draft guide", "scheduled-guide", "Scheduled guide", "unconfirmed-forum", "Unconfirmed schools forum")
    for output in [*_outputs(site), site / "subscribe/index.html", site / "groups/cop/index.html"]:
        text = output.read_text(encoding="utf-8")
        assert not [h for h in hidden if h in text], output
    assert not (site / "library/unfinished-guide").exists() and not (site / "library/scheduled-guide").exists()
    # The same build shows the items that are due: the filter is not simply empty.
    assert "A trauma informed toolkit" in (site / "feed.xml").read_text()


def _calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_every_calendar_parses_and_follows_rfc_5545(builds):
    site = builds["first"]
    calendars = sorted(site.rglob("*.ics"))
    assert [c.relative_to(site).as_posix() for c in calendars] == [
        "events.ics", "groups/cop/events.ics", "groups/tip/events.ics", "groups/tis/events.ics",
    ]
    for path in calendars:
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and all(b"\n" not in line for line in lines), "lines end in CRLF"
        assert all(len(line) <= 75 for line in lines), "long lines are folded at 75 octets"
        calendar = _calendar(path)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
        uids = [event["UID"] for event in calendar.walk("VEVENT")]
        assert len(uids) == len(set(uids))
        for event in calendar.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                assert name in event, (path, name)
            assert event["DTSTART"].params["TZID"] == "Europe/London"
            assert event.decoded("DTEND") > event.decoded("DTSTART")


def test_calendars_hold_the_right_events_at_uk_times(builds):
    site = builds["first"]
    events = {e["UID"]: e for e in _calendar(site / "events.ics").walk("VEVENT")}
    assert set(events) == {"event-cop-2025-q1@trauma-informed-llr.github.io", "event-tip-2025-q3@trauma-informed-llr.github.io"}
    summer = events["event-tip-2025-q3@trauma-informed-llr.github.io"]
    start = summer.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime(2025, 7, 9, 14, 0)
    assert start.astimezone(dt.timezone.utc) == dt.datetime(2025, 7, 9, 13, 0, tzinfo=dt.timezone.utc)
    assert str(summer["URL"]) == SITE_URL + "events/tip-2025-q3/"
    assert [e["UID"] for e in _calendar(site / "groups/cop/events.ics").walk("VEVENT")] == ["event-cop-2025-q1@trauma-informed-llr.github.io"]
    assert list(_calendar(site / "groups/tis/events.ics").walk("VEVENT")) == []


def test_the_calendar_time_zone_agrees_with_the_uk_clock(builds):
    """Its VTIMEZONE rules, read by the parser, give the offset zoneinfo gives, around every change."""
    timezone = next(iter(_calendar(builds["first"] / "events.ics").walk("VTIMEZONE"))).to_tz()
    moment = dt.datetime(2024, 1, 1, 0, 30)
    while moment < dt.datetime(2031, 1, 1):
        if not (moment.month in (3, 10) and moment.day > 24 and 0 <= moment.hour <= 2):  # skip the hour that repeats or never happens
            assert timezone.utcoffset(moment) == moment.replace(tzinfo=LONDON).utcoffset(), moment
        moment += dt.timedelta(hours=23)


def test_pages_advertise_their_feeds(builds):
    site = builds["first"]
    expected = {
        "index.html": {"feed.xml", "atom.xml", "events.ics"},
        "groups/cop/index.html": {"feed.xml", "atom.xml", "groups/cop/feed.xml", "groups/cop/atom.xml", "groups/cop/events.ics"},
        "priorities/workforce/index.html": {"feed.xml", "atom.xml", "priorities/workforce/feed.xml", "priorities/workforce/atom.xml"},
        "newsletters/2025-q1/index.html": {"feed.xml", "atom.xml", "newsletters/feed.xml", "newsletters/atom.xml"},
        "library/toolkit/index.html": {"feed.xml", "atom.xml", "groups/cop/feed.xml", "groups/cop/atom.xml"},
    }
    types = {"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml", "events.ics": "text/calendar"}
    for page, feeds in expected.items():
        head = BeautifulSoup((site / page).read_text(), "html.parser").head
        links = head.find_all("link", rel="alternate", type=True)
        targets = {}
        for link in links:
            target = ((site / page).parent / link["href"]).resolve().relative_to(site.resolve()).as_posix()
            assert (site / target).is_file(), (page, link["href"])
            assert link["type"] == types[Path(target).name] and link["title"]
            targets[target] = link
        assert set(targets) == feeds, page


def test_subscribe_page_explains_and_lists_every_feed_and_calendar(builds):
    site = builds["first"]
    page = BeautifulSoup((site / "subscribe/index.html").read_text(), "html.parser")
    article = page.find("article")
    assert article.find("h1").get_text(strip=True).startswith("Subscribe")
    assert "What is a feed?" in [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")]
    listed = {a["href"] for a in article.find_all("a", href=True) if a["href"].startswith(SITE_URL)}
    offered = {_url(site, p) for p in [*_feeds(site), *site.rglob("*.ics")]}
    assert listed == offered
    menu = page.select("nav.md-nav--primary a[href]")
    assert [a for a in menu if a.get_text(strip=True) == "Subscribe"]  # reachable from the menu


def test_a_feed_opened_in_a_browser_is_a_readable_page(builds, page):
    with serve(builds["first"]) as url:
        for path in ("groups/cop/feed.xml", "groups/cop/atom.xml"):
            page.goto(url + path)
            assert page.locator("h1").inner_text() == "Trauma Informed Partnership LLR: Community of Practice Group"
            items = page.locator("main li h3 a")
            assert items.all_inner_texts() == ["Spring 2025", "A trauma informed toolkit"]
            assert items.first.get_attribute("href") == SITE_URL + "newsletters/2025-q1/"
            assert page.get_by_role("link", name="New to feeds? How to subscribe, step by step").get_attribute("href") == SITE_URL + "subscribe/"
            # Chromium adds its own banner about XSLT going away; the page itself must pass axe.
            violations = Axe().run(page, context={"exclude": [["xslt-warning-banner"]]}).response["violations"]
            assert [v["id"] for v in violations] == []


def test_the_real_site_offers_valid_feeds_and_calendars(real_site):
    feeds = _feeds(real_site)
    assert len(feeds) == 2 * (2 + 3 + 5)
    for feed in feeds:
        check = rss_problems if feed.name == "feed.xml" else atom_problems
        assert check(feed.read_bytes(), _url(real_site, feed)) == [], feed
        assert not feedparser.parse(feed.read_bytes()).bozo
    for calendar in real_site.rglob("*.ics"):
        assert _calendar(calendar)["VERSION"] == "2.0"
    assert (real_site / "feed.xsl").is_file() and (real_site / "subscribe/index.html").is_file()


def test_a_resource_item_leaves_out_its_related_resources(tmp_path):
    """They change as other resources come: the item must not change with them."""
    site = TinySite(tmp_path).with_examples()
    site.write("content/resources/second-toolkit.md", VALID_RESOURCE.replace("id: toolkit", "id: second-toolkit")
               .replace("title: A trauma informed toolkit", "title: A second toolkit"))
    site_dir = _build(site, "2025-06-30", "site")
    page = BeautifulSoup((site_dir / "library/toolkit/index.html").read_text(), "html.parser")
    assert page.find("h2", id="related-resources") and page.select_one("ol.tip-results a[href='../second-toolkit/']")
    toolkit = _entries(site_dir, "atom.xml")[_tag("resource", "toolkit")]
    content = BeautifulSoup(toolkit.content[0].value, "html.parser")
    assert content.find("h2", string="Get this resource") is not None  # the rest of the page is there
    assert "Related resources" not in content.get_text() and "second-toolkit" not in toolkit.content[0].value
