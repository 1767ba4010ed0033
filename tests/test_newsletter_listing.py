"""The archive's order as data: years newest first, quarters newest first, neighbours across years."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sitekit import REPO
from tip_site.core import Site, load_site
from tip_site.core.model import Newsletter, Source
from tip_site.views.newsletter_archive import archive_years, neighbours, quarter_name
from tip_site.views.site_pages import generated_pages


def issue(year: int, quarter: int) -> Newsletter:
    return Newsletter(
        id=f"{year}-q{quarter}", title=f"Issue {year} Q{quarter}", year=year, quarter=quarter,
        published=dt.date(year, quarter * 3, 1), summary="News.", groups=("tip",), priorities=("awareness",),
        body="Text.", source=Source(f"content/newsletters/{year}-q{quarter}.md"),
    )


def site_with(issues: list[Newsletter]) -> Site:
    """The real partnership data with these issues, in the order given."""
    return dataclasses.replace(load_site(REPO), newsletters=tuple(issues))


def test_years_and_quarters_are_newest_first_whatever_the_input_order():
    issues = [issue(2024, 4), issue(2025, 1), issue(2025, 3), issue(2026, 2), issue(2025, 2)]
    random.Random(5).shuffle(issues)
    years = archive_years(site_with(issues))
    assert [(y.year, [n.quarter for n in y.issues]) for y in years] == [(2026, [2]), (2025, [3, 2, 1]), (2024, [4])]


def test_neighbours_cross_the_turn_of_the_year():
    site = site_with([issue(2025, 1), issue(2024, 4), issue(2024, 3)])
    around = neighbours(site, site.newsletters[1])
    assert (around.previous.id, around.next.id) == ("2024-q3", "2025-q1")
    assert neighbours(site, site.newsletters[0]).next is None
    assert neighbours(site, site.newsletters[2]).previous is None


def test_an_empty_archive_still_has_its_page():
    pages = {p.uri: p.markdown for p in generated_pages(site_with([]))}
    assert "No issue has been published yet" in pages["newsletters/index.md"]
    assert not any(uri.startswith("newsletters/20") for uri in pages)


def test_quarter_names_say_the_months():
    assert quarter_name(issue(2025, 3)) == "Quarter 3 (July to September) 2025"
