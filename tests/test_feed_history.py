"""What's new comes from the repository's history: a tiny site committed twice, as editors' pull requests land.

The first commit brings the site with five resources published the same day;
the second adds a resource about an old report, moves a meeting earlier, and
renames a resource (`git mv`) with a new id. Subscribers must see the new
resource first, the meeting as a newer revision, and the renamed resource once.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from browser import serve
from feed_rules import atom_problems, feed_date, rss_problems
from sitekit import VALID_EVENT, VALID_RESOURCE, TinySite, commit_all, git

SITE_URL = "https://trauma-informed-llr.github.io/"
UTC = dt.timezone.utc
FIRST_COMMIT = dt.datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
SECOND_COMMIT = dt.datetime(2026, 2, 1, 10, 0, tzinfo=UTC)

OLD_REPORT = VALID_RESOURCE.replace("id: toolkit", "id: old-report").replace(
    "title: A trauma informed toolkit", "title: A 2023 report on school exclusions"
).replace("published: 2024-06-01", "published: 2023-01-15").replace("groups: [cop]", "groups: [tis]")


def _resource(number: int) -> str:
    return VALID_RESOURCE.replace("id: toolkit", f"id: guide-{number}").replace(
        "title: A trauma informed toolkit", f"title: Guide number {number}"
    )


def _build(site: TinySite, site_dir: Path, build_date: str = "2026-03-01") -> tuple[Path, str]:
    """Build into `site_dir` (outside the project, so it is never committed) and return the log too."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TIP_BUILD_DATE", build_date)
        env.setenv("SITE_URL", SITE_URL)
        result = site.build("--site-dir", str(site_dir))
    assert result.returncode == 0, result.output
    return site_dir, result.output


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("history")
    (base / "project").mkdir()
    site = TinySite(base / "project").with_examples()
    for number in range(1, 5):
        site.write(f"content/resources/guide-{number}.md", _resource(number))
    commit_all(site.root, "The site with five resources published on one day", "2026-01-10 09:00:00")
    before, before_log = _build(site, base / "before")

    site.write("content/resources/old-report.md", OLD_REPORT)
    event = site.root / "content/events/cop-2025-q1.md"
    event.write_text(VALID_EVENT.replace("start: 2025-02-10 10:00", "start: 2025-02-10 09:00"))
    git(site.root, "mv", "content/resources/toolkit.md", "content/resources/practical-toolkit.md")
    renamed = site.root / "content/resources/practical-toolkit.md"
    renamed.write_text(renamed.read_text().replace("id: toolkit", "id: practical-toolkit\nformer_ids: [toolkit]"))
    commit_all(site.root, "A resource about an old report; the meeting moves earlier; the toolkit gets its own id", "2026-02-01 10:00:00")
    after, after_log = _build(site, base / "after")
    again, _ = _build(site, base / "again", build_date="2026-03-02")
    return {"site": site, "before": before, "after": after, "again": again, "logs": (before_log, after_log)}


def _entries(site_dir: Path, path: str) -> list:
    parsed = feedparser.parse((site_dir / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed.entries


def _tag(kind: str, item_id: str) -> str:
    return f"tag:trauma-informed-llr.github.io,2026:{kind}/{item_id}"


@pytest.mark.parametrize("path", ["feed.xml", "atom.xml", "groups/tis/feed.xml", "groups/tis/atom.xml"])
def test_a_resource_added_in_a_new_commit_comes_first_whatever_its_published_date(history, path):
    first = _entries(history["after"], path)[0]
    assert first.id == _tag("resource", "old-report")
    assert dt.datetime(*first.published_parsed[:6], tzinfo=UTC) == SECOND_COMMIT  # when it reached the site
    # The page still shows the publisher's date.
    page = (history["after"] / "library/old-report/index.html").read_text()
    assert "15 January 2023" in BeautifulSoup(page, "html.parser").get_text(" ")


def test_items_are_dated_by_the_commit_that_added_them_not_the_build(history):
    entries = {e.id: e for e in _entries(history["before"], "atom.xml")}
    assert {dt.datetime(*e.published_parsed[:6], tzinfo=UTC) for e in entries.values()} == {FIRST_COMMIT}
    # Items added together are listed newest publication first, then in a fixed order.
    assert [e.id for e in _entries(history["before"], "atom.xml")][:2] == [_tag("newsletter", "2025-q1"), _tag("resource", "guide-1")]


def test_every_atom_updated_is_unique_and_no_validator_rule_is_broken(history):
    for site_dir in (history["before"], history["after"]):
        for feed in sorted(site_dir.rglob("atom.xml")):
            url = SITE_URL + feed.relative_to(site_dir).as_posix()
            assert atom_problems(feed.read_bytes(), url) == [], feed
            updated = re.findall(rb"<updated>([^<]+)</updated>", feed.read_bytes())[1:]  # the feed's own comes first
            assert len(updated) == len(set(updated)), feed
        for feed in sorted(site_dir.rglob("feed.xml")):
            assert rss_problems(feed.read_bytes(), SITE_URL + feed.relative_to(site_dir).as_posix()) == [], feed


def test_a_renamed_resource_with_a_new_id_stays_one_item_with_its_first_date(history):
    before = {e.id: e for e in _entries(history["before"], "feed.xml")}
    after = _entries(history["after"], "feed.xml")
    toolkit = [e for e in after if "toolkit" in e.id]
    assert [e.id for e in toolkit] == [_tag("resource", "toolkit")]
    assert toolkit[0].link == SITE_URL + "library/practical-toolkit/"
    assert toolkit[0].published == before[_tag("resource", "toolkit")].published  # renames keep the first-added date
    atom = {e.id: e for e in _entries(history["after"], "atom.xml")}[_tag("resource", "toolkit")]
    assert dt.datetime(*atom.updated_parsed[:6], tzinfo=UTC) == SECOND_COMMIT


def test_the_old_address_redirects_without_any_script(history, page):
    old = history["after"] / "library/toolkit/index.html"
    html = BeautifulSoup(old.read_text(), "html.parser")
    assert html.find("script") is None
    policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == "0; url=../practical-toolkit/"
    assert html.find("a", href="../practical-toolkit/")
    with serve(history["after"]) as url:
        page.goto(url + "library/toolkit/")
        page.wait_for_url(url + "library/practical-toolkit/")
        assert page.locator("h1").first.inner_text().rstrip("¶") == "A trauma informed toolkit"


def _event(site_dir: Path) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical((site_dir / "events.ics").read_bytes())
    return next(iter(calendar.walk("VEVENT")))


def test_moving_a_meeting_earlier_raises_its_sequence_and_stamp(history):
    before, after = _event(history["before"]), _event(history["after"])
    assert before["UID"] == after["UID"] == "event-cop-2025-q1@trauma-informed-llr.github.io"
    assert after.decoded("DTSTART") < before.decoded("DTSTART")
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert before.decoded("DTSTAMP") == FIRST_COMMIT and after.decoded("DTSTAMP") == SECOND_COMMIT
    assert after.decoded("LAST-MODIFIED") == SECOND_COMMIT
    assert before.decoded("CREATED") == after.decoded("CREATED") == FIRST_COMMIT


def test_the_same_commit_gives_the_same_feeds_and_calendars_on_another_day(history):
    after, again = history["after"], history["again"]
    outputs = sorted(p.relative_to(after) for p in after.rglob("*") if p.suffix in (".xml", ".ics") or p.parent.name == "toolkit")
    assert outputs
    for name in outputs:
        assert (after / name).read_bytes() == (again / name).read_bytes(), name


def test_a_build_with_history_says_nothing_about_a_fallback(history):
    for log in history["logs"]:
        assert "Feeds and calendars:" not in log


def _dates(site_dir: Path) -> dict[str, dt.date]:
    """Each item's date as the feed writes it (UK time)."""
    return {e.id: feed_date(e.published).date() for e in _entries(site_dir, "feed.xml")}


def test_a_shallow_clone_falls_back_to_published_dates_with_one_message(history, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history['site'].root}", str(clone)], check=True, capture_output=True)
    site_dir, log = _build(_existing(clone), tmp_path / "site")
    assert log.count("Feeds and calendars:") == 1 and "shallow clone" in log and "fetch-depth: 0" in log
    dates = _dates(site_dir)
    assert dates[_tag("resource", "old-report")] == dt.date(2023, 1, 15)
    assert dates[_tag("resource", "toolkit")] == dt.date(2024, 6, 1)  # not the date of the clone's only commit
    assert "SEQUENCE" not in (site_dir / "events.ics").read_text()


def test_a_copy_without_git_builds_the_same_feeds_twice(history, tmp_path):
    copy = tmp_path / "tarball"
    shutil.copytree(history["site"].root, copy, ignore=shutil.ignore_patterns(".git"))
    site = _existing(copy)
    first, log = _build(site, tmp_path / "one")
    second, _ = _build(site, tmp_path / "two", build_date="2027-01-01")
    assert log.count("Feeds and calendars:") == 1 and "not in a git repository" in log
    for feed in sorted(first.rglob("*.xml")) + sorted(first.rglob("*.ics")):
        assert feed.read_bytes() == (second / feed.relative_to(first)).read_bytes(), feed
        if feed.name == "atom.xml":
            assert atom_problems(feed.read_bytes(), SITE_URL + feed.relative_to(first).as_posix()) == []
    assert _dates(first)[_tag("resource", "old-report")] == dt.date(2023, 1, 15)


def test_an_uncommitted_resource_is_previewed_first_and_dated_by_head(history, tmp_path):
    copy = tmp_path / "preview"
    shutil.copytree(history["site"].root, copy)
    site = _existing(copy)
    site.write("content/resources/draft-in-editor.md", VALID_RESOURCE.replace("id: toolkit", "id: in-editor").replace("title: A trauma informed toolkit", "title: Written just now"))
    first, _ = _build(site, tmp_path / "one")
    second, _ = _build(site, tmp_path / "two", build_date="2026-03-05")
    entry = _entries(first, "feed.xml")[0]
    assert entry.id == _tag("resource", "in-editor")
    assert dt.datetime(*entry.published_parsed[:6], tzinfo=UTC) == SECOND_COMMIT  # HEAD's time: the same on every build
    assert (first / "feed.xml").read_bytes() == (second / "feed.xml").read_bytes()


def _existing(root: Path) -> TinySite:
    """A TinySite over a folder that already holds a project (a clone or a copy)."""
    site = TinySite.__new__(TinySite)
    site.root = root
    return site


@pytest.mark.skipif(shutil.which("newsboat") is None, reason="newsboat (Debian package) is installed by scripts/setup test")
@pytest.mark.parametrize("path, count", [("feed.xml", 6), ("atom.xml", 6), ("groups/tis/atom.xml", 0)])
def test_newsboat_over_loopback_shows_the_new_resource_unread_and_nothing_twice(history, tmp_path, path, count):
    """A real feed reader follows one of the site's feeds across the second commit."""
    served = tmp_path / "served"
    shutil.copytree(history["before"], served)
    home = tmp_path / "home"
    home.mkdir()
    (home / "config").write_text("reload-threads 1\n")
    with serve(served) as url:
        (home / "urls").write_text(url + path + "\n")

        def reload() -> None:
            result = subprocess.run(
                ["newsboat", "-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C", str(home / "config"), "-x", "reload"],
                capture_output=True, text=True, timeout=120, env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
            )
            assert result.returncode == 0, result.stdout + result.stderr

        reload()
        with sqlite3.connect(home / "cache.db") as db:
            assert db.execute("SELECT count(*) FROM rss_item").fetchone()[0] == count
            db.execute("UPDATE rss_item SET unread = 0")  # the subscriber reads everything
        shutil.rmtree(served)
        shutil.copytree(history["after"], served)
        reload()
    with sqlite3.connect(home / "cache.db") as db:
        items = db.execute("SELECT guid, title, unread FROM rss_item").fetchall()
    assert [title for _, title, unread in items if unread] == ["A 2023 report on school exclusions"]
    assert len(items) == count + 1  # the renamed toolkit is still one item, and still read
