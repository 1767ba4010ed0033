"""What is due for review: the crisis numbers of the "Need help now?" page first, then
pages and resources past their `next_review` date, and the Terms of Reference' yearly review.

Reported as warnings by `./scripts/check --reviews`: a review date passing is
a reminder for the editors, never a reason to stop the site being built
(`--reviews --strict`, the weekly workflow's command, fails so someone is told).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tip_site.core.model import Site
from tip_site.core.problems import Problem, Problems
from tip_site.core.source_file import read_markdown
from tip_site.core.yaml_source import LineDict, YamlSyntaxError, parse_yaml

GOVERNANCE_FILE = "data/governance.yml"
SUPPORT_FILE = "data/support.yml"
REVIEW_FIX = "check it is still accurate, then set last_reviewed to today's date and next_review to the next check (within a year)"


def reviews_due(root: Path | str, site: Site, today: dt.date, content_dir: str = "content") -> list[Problem]:
    """Every reminder, most urgent first: a wrong crisis number can cost a life."""
    root = Path(root).resolve()
    return _support(root, f"{content_dir}/{SUPPORT_FILE}", site, today) + _content(root, site, today, content_dir)


def _support(root: Path, path: str, site: Site, today: dt.date) -> list[Problem]:
    due = site.support.next_review
    if not site.support.services or due is None or due > today:
        return []
    problems = Problems()
    problems.add(path, _yaml_line(root / path, "next_review"), "next_review",
                 f"the crisis and support numbers of the \"Need help now?\" page were due to be checked on {_when(due, today)}",
                 "call or open every number and link in the file, correct any that changed, then set last_reviewed "
                 "to today's date and next_review to the next check (within six months)", "warning")
    return problems.warnings


def _content(root: Path, site: Site, today: dt.date, content_dir: str) -> list[Problem]:
    problems = Problems()
    for kind, items in (("page", site.pages), ("resource", site.resources)):
        for item in items:
            if item.next_review is not None and item.next_review <= today:
                line = _front_matter_line(root, item.source.path, "next_review")
                problems.add(item.source.path, line, "next_review", f"this {kind} was due for review on {_when(item.next_review, today)}", REVIEW_FIX, "warning")
    _terms_of_reference(root, f"{content_dir}/{GOVERNANCE_FILE}", site, today, problems)
    return problems.warnings


def _terms_of_reference(root: Path, path: str, site: Site, today: dt.date, problems: Problems) -> None:
    last = site.governance.last_reviewed
    if last is None:
        problems.add(path, None, "last_reviewed", "the Terms of Reference have no date of their last yearly review",
                     "add 'last_reviewed:' with the date the partnership last reviewed them, YYYY-MM-DD", "warning")
        return
    due = _a_year_after(last)
    if due <= today:
        line = _yaml_line(root / path, "last_reviewed")
        problems.add(path, line, "last_reviewed", f"the Terms of Reference are reviewed every year and were due on {_when(due, today)}",
                     "once the partnership has reviewed them, update the data and set last_reviewed to the review's date", "warning")


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _when(due: dt.date, today: dt.date) -> str:
    days = (today - due).days
    if days == 0:
        return f"{due.isoformat()} (today)"
    return f"{due.isoformat()} ({days} day{'s' if days != 1 else ''} ago)"


def _front_matter_line(root: Path, path: str, key: str) -> int | None:
    source = read_markdown(root / path, path, Problems())
    if source is None or key not in source.front_matter.key_lines:
        return None
    return source.front_matter.key_lines[key] + 1


def _yaml_line(file: Path, key: str) -> int | None:
    try:
        data = parse_yaml(file.read_text(encoding="utf-8"))
    except (OSError, YamlSyntaxError):
        return None
    return data.key_lines.get(key) if isinstance(data, LineDict) else None
