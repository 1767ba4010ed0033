"""Online and hybrid events, on their pages, in listings and in calendars read by real calendar clients."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup

from sitekit import VALID_EVENT, TinySite, edited, problem_reported
from tip_site.core import load_site

SITE_URL = "https://trauma-informed-llr.github.io/"
EVENT = "content/events/cop-2025-q1.md"

ONLINE = VALID_EVENT.replace("location: Online (Microsoft Teams)\n", "attendance: online\n")
HYBRID = (
    VALID_EVENT.replace("id: cop-2025-q1", "id: cop-2025-q2").replace("2025-02-10", "2025-05-12")
    .replace("location: Online (Microsoft Teams)", "attendance: hybrid\nlocation: City Hall, Leicester\njoining: Join on Microsoft Teams, the link comes with the agenda.")
)
IN_PERSON = (
    VALID_EVENT.replace("id: cop-2025-q1", "id: cop-2025-q3").replace("2025-02-10", "2025-09-15")
    .replace("location: Online (Microsoft Teams)", "location: County Hall, Glenfield")
)
OPEN_EVENT = (
    VALID_EVENT.replace("id: cop-2025-q1", "id: open-webinar").replace("kind: meeting", "kind: event").replace("2025-02-10", "2025-10-01")
    .replace("title: Community of Practice meeting", "title: Open webinar on trauma-informed schools")
    .replace("location: Online (Microsoft Teams)", "attendance: online\njoining_link: https://example.org/webinar")
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = TinySite(tmp_path_factory.mktemp("online"))
    site.write(EVENT, ONLINE)
    site.write("content/events/cop-2025-q2.md", HYBRID)
    site.write("content/events/cop-2025-q3.md", IN_PERSON)
    site.write("content/events/open-webinar.md", OPEN_EVENT)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TIP_BUILD_DATE", "2025-01-15")
        env.setenv("SITE_URL", SITE_URL)
        result = site.build()
    assert result.returncode == 0, result.output
    return site.site_dir


def _details(built: Path, event_id: str) -> dict[str, str]:
    article = BeautifulSoup((built / f"events/{event_id}/index.html").read_text(), "html.parser").find("article")
    return {
        li.strong.get_text(strip=True).rstrip(":"): li.get_text(" ", strip=True).split(":", 1)[1].strip()
        for li in article.find("ul").find_all("li") if li.strong
    }


@pytest.mark.parametrize(
    "event_id, where, joining",
    [
        ("cop-2025-q1", "Online", "Joining details are sent to members before the meeting."),
        ("cop-2025-q2", "City Hall, Leicester, and online", "Join on Microsoft Teams, the link comes with the agenda."),
        ("cop-2025-q3", "County Hall, Glenfield", None),
        ("open-webinar", "Online", "Open to everyone: use the link to join. Join online"),
    ],
)
def test_the_event_page_says_where_and_how_to_join(built, event_id, where, joining):
    details = _details(built, event_id)
    assert details["Where"] == where
    assert details.get("Joining online") == joining


def test_no_meeting_link_is_published_unless_given_for_an_open_event(built):
    links = {
        event_id: [a["href"] for a in BeautifulSoup((built / f"events/{event_id}/index.html").read_text(), "html.parser").find("article").find_all("a", href=True)]
        for event_id in ("cop-2025-q1", "cop-2025-q2", "open-webinar")
    }
    assert "https://example.org/webinar" in links["open-webinar"]
    assert not [h for h in links["cop-2025-q1"] + links["cop-2025-q2"] if "example.org" in h or "teams" in h]


def test_the_events_list_says_where(built):
    text = BeautifulSoup((built / "events/index.html").read_text(), "html.parser").get_text(" ")
    assert "Group meeting · Online · CoP" in text
    assert "Group meeting · City Hall, Leicester, and online · CoP" in text


def _calendar_links(built: Path, page: str) -> list[str]:
    html = BeautifulSoup((built / page).read_text(), "html.parser")
    return [a["href"] for a in html.select(".tip-calendar-links a[href]")]


@pytest.mark.parametrize(
    "page, calendars",
    [
        ("events/index.html", ["events.ics", "groups/tip/events.ics", "groups/cop/events.ics", "groups/tis/events.ics"]),
        ("events/cop-2025-q2/index.html", ["groups/cop/events.ics", "events.ics"]),
        ("groups/cop/index.html", ["groups/cop/events.ics", "events.ics"]),
    ],
)
def test_pages_offer_to_add_the_calendars(built, page, calendars):
    links = _calendar_links(built, page)
    assert [h for h in links if h.startswith("webcal:")] == [f"webcal://trauma-informed-llr.github.io/{c}" for c in calendars]
    downloads = [h for h in links if h.endswith(".ics") and not h.startswith("webcal:")]
    assert [((built / page).parent / h).resolve() for h in downloads] == [(built / c).resolve() for c in calendars]
    assert all((built / c).is_file() for c in calendars)
    assert any("subscribe/#meetings-and-events-in-your-calendar" in h for h in links)


def _events(built: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((built / "events.ics").read_bytes())
    return {str(e["UID"]).split("@")[0].removeprefix("event-"): e for e in calendar.walk("VEVENT")}


def test_calendars_carry_the_place_and_how_to_join(built):
    events = _events(built)
    assert {k: str(e["LOCATION"]) for k, e in events.items()} == {
        "cop-2025-q1": "Online", "cop-2025-q2": "City Hall, Leicester, and online",
        "cop-2025-q3": "County Hall, Glenfield", "open-webinar": "Online",
    }
    assert "Joining details are sent to members" in str(events["cop-2025-q1"]["DESCRIPTION"])
    assert "the link comes with the agenda" in str(events["cop-2025-q2"]["DESCRIPTION"])
    assert "Joining" not in str(events["cop-2025-q3"]["DESCRIPTION"])
    assert str(events["open-webinar"]["CONFERENCE"]) == "https://example.org/webinar"
    assert "CONFERENCE" not in events["cop-2025-q2"]


def test_vobject_reads_every_calendar(built):
    for path in sorted(built.rglob("*.ics")):
        parsed = vobject.readOne(path.read_text(encoding="utf-8"))
        for event in getattr(parsed, "vevent_list", []):
            assert event.uid.value and event.dtstamp.value.tzinfo is not None
            assert event.dtstart.value.tzinfo is not None and event.dtend.value > event.dtstart.value
            assert event.location.value


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal (Debian package) is installed by scripts/setup test")
def test_khal_reads_the_calendar_at_uk_times(built, tmp_path):
    config = tmp_path / "khal.conf"
    (tmp_path / "calendar").mkdir()
    config.write_text(
        f"[calendars]\n[[site]]\npath = {tmp_path / 'calendar'}\ntype = calendar\n"
        "[locale]\nlocal_timezone = Europe/London\ndefault_timezone = Europe/London\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
    )
    result = subprocess.run(
        ["khal", "-c", str(config), "printics", "--format", "{title}|{start}|{end}|{location}", str(built / "events.ics")],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "|" in line]
    assert "Community of Practice meeting|2025-05-12 10:00|2025-05-12 12:00|City Hall, Leicester, and online" in lines
    assert "Community of Practice meeting|2025-02-10 10:00|2025-02-10 12:00|Online" in lines
    assert len(lines) == 4


@pytest.mark.parametrize(
    "files, words, field",
    [
        (edited(EVENT, VALID_EVENT, "location: Online (Microsoft Teams)\n", ""), "this required field is missing: where people meet", "location"),
        (edited(EVENT, VALID_EVENT, "location: Online (Microsoft Teams)\n", "attendance: hybrid\n"), "the room people join in person", "location"),
        (edited(EVENT, VALID_EVENT, "location: Online (Microsoft Teams)", "attendance: remote"), "'remote' is not allowed here", "attendance"),
        (edited(EVENT, VALID_EVENT, "location: Online (Microsoft Teams)", "location: https://teams.microsoft.com/l/meetup-join/123"), "meeting link on the public site", "location"),
        (edited(EVENT, VALID_EVENT, "location: Online (Microsoft Teams)", "attendance: online\njoining: Join at zoom.us/j/123456"), "meeting link on the public site", "joining"),
    ],
)
def test_attendance_mistakes_are_reported(tmp_path, files, words, field):
    site = TinySite(tmp_path)
    for path, text in files.items():
        site.write(path, text)
    problem = problem_reported(site.root, EVENT, words)
    assert problem.field == field and problem.fix


def test_a_location_that_says_online_makes_an_online_event(tmp_path):
    site = TinySite(tmp_path).with_examples()
    event = load_site(site.root).events[0]
    assert (event.attendance, event.location) == ("online", "Online (Microsoft Teams)")
    assert event.start == dt.datetime(2025, 2, 10, 10, 0)
