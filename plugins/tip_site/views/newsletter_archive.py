"""The newsletter archive as data: issues by year, neighbours, and how quarters are named.

Pages and the email edition display these; the order is decided here only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from tip_site.core.model import Newsletter, Site

QUARTER_MONTHS = {1: "January to March", 2: "April to June", 3: "July to September", 4: "October to December"}

ARCHIVE_URI = "newsletters/index.md"


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    issues: tuple[Newsletter, ...]  # newest quarter first


@dataclass(frozen=True)
class Neighbours:
    previous: Newsletter | None  # the issue before (older)
    next: Newsletter | None  # the issue after (newer)


def archive_years(site: Site) -> tuple[ArchiveYear, ...]:
    """The published issues grouped by year, newest year and quarter first."""
    newest_first = sorted(site.newsletters, key=lambda n: (n.year, n.quarter), reverse=True)
    return tuple(ArchiveYear(year, tuple(issues)) for year, issues in groupby(newest_first, key=lambda n: n.year))


def neighbours(site: Site, issue: Newsletter) -> Neighbours:
    oldest_first = sorted(site.newsletters, key=lambda n: (n.year, n.quarter))
    index = next(i for i, n in enumerate(oldest_first) if n.id == issue.id)
    return Neighbours(
        previous=oldest_first[index - 1] if index > 0 else None,
        next=oldest_first[index + 1] if index + 1 < len(oldest_first) else None,
    )


def quarter_name(issue: Newsletter) -> str:
    """'Quarter 3 (July to September) 2025': how an issue's quarter reads on the site."""
    return f"Quarter {issue.quarter} ({QUARTER_MONTHS[issue.quarter]}) {issue.year}"


def date_words(day: dt.date) -> str:
    """'18 July 2025', the way UK readers write a date."""
    return f"{day.day} {day:%B %Y}"
