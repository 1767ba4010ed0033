"""Scheduled content, checked as the site will be on each date it goes live (time travel)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import VALID_NEWSLETTER, VALID_RESOURCE, TinySite
from tip_site.core.site import load_site
from tip_site.views.site_links import publication_dates, site_on
from tip_site.views.site_pages import generated_pages

TODAY = "2026-12-01"
NEWSLETTER = "content/newsletters/2027-q1.md"
SCHEDULED_NEWSLETTER = (
    VALID_NEWSLETTER.replace("year: 2025", "year: 2027").replace("2025-03-14", "2027-01-20")
    .replace("title: Spring 2025", "title: Winter 2027")
    + "\nRead [the new guide](../library/new-guide.md) from our partners.\n"
)


def resource_on(day: str) -> str:
    return VALID_RESOURCE.replace("id: toolkit", "id: new-guide").replace(
        "title: A trauma informed toolkit", "title: The new guide").replace("published: 2024-06-01", f"published: {day}")


def check(site: TinySite, *args: str, today: str = TODAY) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIP_BUILD_DATE": today}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "tip_site.check", ".", *args], cwd=site.root, env=env,
                          capture_output=True, text=True, timeout=300)


def link_line() -> int:
    return SCHEDULED_NEWSLETTER.splitlines().index("Read [the new guide](../library/new-guide.md) from our partners.") + 1


def test_a_scheduled_item_linking_to_a_later_scheduled_item_fails_with_both_dates(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(NEWSLETTER, SCHEDULED_NEWSLETTER)
    tiny_site.write("content/resources/new-guide.md", resource_on("2027-03-01"))
    result = check(tiny_site)
    assert result.returncode == 1, result.stdout
    report = result.stdout.split(NEWSLETTER + "\n", 1)[1].split("\n\n")[0]
    assert f"Error, line {link_line()}:" in report
    assert "2027-01-20" in report and "2027-03-01" in report
    assert "content/resources/new-guide.md" in report


@pytest.mark.parametrize("day", ["2027-01-20", "2027-01-05", "2026-11-30"])
def test_a_link_to_an_item_published_by_then_passes(tiny_site: TinySite, day: str):
    tiny_site.with_examples()
    tiny_site.write(NEWSLETTER, SCHEDULED_NEWSLETTER)
    tiny_site.write("content/resources/new-guide.md", resource_on(day))
    result = check(tiny_site)
    assert result.returncode == 0, result.stdout
    scheduled = "1 scheduled item" if day < TODAY else "2 scheduled items"
    assert scheduled in result.stdout and f"the next {min(day, '2027-01-20') if day > TODAY else '2027-01-20'}" in result.stdout


def test_a_live_page_linking_to_a_scheduled_item_names_its_date(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write("content/resources/new-guide.md", resource_on("2027-03-01"))
    tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER + "\nSee [the guide](../library/new-guide.md).\n")
    result = check(tiny_site)
    assert result.returncode == 1
    assert "scheduled for 2027-03-01, so it is not on the live site yet" in result.stdout


def test_check_on_a_date_shows_the_site_of_that_day(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(NEWSLETTER, SCHEDULED_NEWSLETTER)
    tiny_site.write("content/resources/new-guide.md", resource_on("2027-03-01"))
    before = check(tiny_site, "--on", "2027-01-19")
    assert before.returncode == 1 and "this is scheduled for 2027-01-20" in before.stdout  # the day still to come
    on_the_day = check(tiny_site, "--on", "2027-01-20")
    assert on_the_day.returncode == 1 and "The site as it will be on Wednesday 20 January 2027" in on_the_day.stdout
    assert "scheduled for 2027-03-01, so it is not on the live site yet" in on_the_day.stdout
    after = check(tiny_site, "--on", "2027-03-01")
    assert after.returncode == 0, after.stdout
    assert "2 newsletter issues, 2 resources" in after.stdout
    assert check(tiny_site, "--on", "20/01/2027").returncode == 2


@pytest.mark.parametrize("related_on", ["2027-01-10", "2027-03-01"])
def test_a_link_to_a_heading_a_page_has_only_later_is_checked_on_the_day(tiny_site: TinySite, related_on: str):
    # The toolkit's page lists related resources only once the new guide (same type and priority) is out.
    tiny_site.with_examples()
    tiny_site.write(NEWSLETTER, SCHEDULED_NEWSLETTER.replace(
        "(../library/new-guide.md)", "(../library/toolkit.md#related-resources)"))
    tiny_site.write("content/resources/new-guide.md", resource_on(related_on))
    result = check(tiny_site)
    if related_on < "2027-01-20":
        assert result.returncode == 0, result.stdout
    else:
        assert result.returncode == 1, result.stdout
        report = result.stdout.split(NEWSLETTER + "\n", 1)[1].split("\n\n")[0]
        assert f"Error, line {link_line()}:" in report and "related-resources" in report, report


def _same_pages(site, day: dt.date) -> None:
    made_if_read = generated_pages(site, day, made_if_read=True)
    made = generated_pages(site, day)
    assert [page.uri for page in made_if_read] == [page.uri for page in made]
    assert [page.markdown for page in made_if_read] == [page.markdown for page in made]


def test_pages_made_if_read_are_the_pages_made_on_every_scheduled_date(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(NEWSLETTER, SCHEDULED_NEWSLETTER)
    tiny_site.write("content/resources/new-guide.md", resource_on("2027-03-01"))
    tiny_site.write("content/resources/other.md", resource_on("2027-01-20").replace("id: new-guide", "id: other")
                    .replace("title: The new guide", "title: Another guide"))
    preview = load_site(tiny_site.root, include_drafts=True)
    today = dt.date.fromisoformat(TODAY)
    days = publication_dates(preview, today)
    assert days == [dt.date(2027, 1, 20), dt.date(2027, 3, 1)]
    for day in [today, *days]:
        _same_pages(site_on(preview, day), day)


def test_pages_made_if_read_are_the_pages_made_for_the_real_content():
    root = Path(__file__).resolve().parents[1]
    preview = load_site(root, include_drafts=True)
    _same_pages(preview, dt.date.fromisoformat(TODAY))
