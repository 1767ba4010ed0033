"""Cross-field sense checks: values each valid alone, but nonsense together.

A review before the publication date, a newsletter issue with no text, a next
review five years away although editors review yearly, an event that lasts a
year: each field passes its own check, so these are read here, once every item
is loaded. Doubtful but possible things are warnings; impossible ones errors.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterable

from tip_site.core.model import Event, Newsletter, Page, Resource, Support
from tip_site.core.problems import Problem, Problems

REVIEW_MONTHS = 13  # reviews are yearly; a month of grace
LONGEST_EVENT_DAYS = 7

_COMMENTS = re.compile(r"<!--.*?(-->|$)", re.S)
_ISSUE_FILE = re.compile(r"^(\d{4})-q([1-4])$", re.I)


def months_after(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def review_problems(
    path: str, line_of, what: str, published: dt.date | None, last: dt.date | None, next_review: dt.date | None,
) -> list[Problem]:
    """Review dates that contradict each other or the publication date; `line_of(field)` gives lines."""
    problems = Problems()
    if last and published and last < published:
        problems.add(
            path, line_of("last_reviewed"), "last_reviewed",
            f"the last review ({last.isoformat()}) is before the {what} was published ({published.isoformat()})",
            "check both dates: last_reviewed is the day someone last checked it, on or after published",
        )
    if next_review:
        if last and next_review <= last:
            problems.add(
                path, line_of("next_review"), "next_review",
                (f"the next review is on the same day as the last review ({last.isoformat()})" if next_review == last else
                 f"the next review is before the last review ({next_review.isoformat()}, last reviewed {last.isoformat()})"),
                f"set next_review after last_reviewed, within a year: like {months_after(last, 12).isoformat()}",
            )
        elif published and not last and next_review <= published:
            problems.add(
                path, line_of("next_review"), "next_review",
                f"the next review ({next_review.isoformat()}) is before the {what} was published ({published.isoformat()})",
                f"set next_review after published, within a year: like {months_after(published, 12).isoformat()}",
            )
        else:
            base, base_name = (last, "last_reviewed") if last else (published, "published")
            if base and next_review > months_after(base, REVIEW_MONTHS):
                problems.add(
                    path, line_of("next_review"), "next_review",
                    f"the next review ({next_review.isoformat()}) is more than a year after {base_name} ({base.isoformat()})",
                    f"the editors' guide asks for a check every year: set next_review to {months_after(base, 12).isoformat()} or sooner",
                    severity="warning",
                )
    return list(problems.errors) + list(problems.warnings)


def _has_text(body: str) -> bool:
    return bool(_COMMENTS.sub("", body).strip())


def sense_problems(
    root: Path, newsletters: Iterable[Newsletter], resources: Iterable[Resource], events: Iterable[Event],
    pages: Iterable[Page], support: Support, content_dir: str = "content", today: dt.date | None = None,
) -> list[Problem]:
    problems = Problems()
    for issue in newsletters:
        source = issue.source
        if not _has_text(issue.body):
            problems.add(
                source.path, max(source.body_line - 1, 1), None, "the newsletter issue has no text below its front matter",
                "write the issue below the second '---' line",
            )
        stem = Path(source.path).stem
        named = _ISSUE_FILE.match(stem)
        if named and (int(named[1]), int(named[2])) != (issue.year, issue.quarter):
            problems.add(
                source.path, source.line_of("quarter"), "quarter",
                f"the file is named for {named[1]}-q{named[2]}, but its year and quarter say {issue.id}",
                f"correct year and quarter, or rename the file to {issue.id}{Path(source.path).suffix}",
                severity="warning",
            )
    for resource in resources:
        problems.extend(review_problems(
            resource.source.path, resource.source.line_of, "resource", resource.published, resource.last_reviewed,
            resource.next_review,
        ))
    for page in pages:
        problems.extend(review_problems(page.source.path, page.source.line_of, "page", None, page.last_reviewed, page.next_review))
    for event in events:
        days = (event.end - event.start).days
        if days >= LONGEST_EVENT_DAYS:
            problems.add(
                event.source.path, event.source.line_of("end"), "end",
                f"the event lasts {days} days, from {event.start:%Y-%m-%d} to {event.end:%Y-%m-%d}",
                "check the end date (the year and the month especially); for a series of meetings, add one file per meeting",
                severity="warning",
            )
    return list(problems.errors) + list(problems.warnings)
