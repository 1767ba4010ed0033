"""`tip-check`: check all content without building the site.

Prints every problem grouped by file, in plain English, and exits non-zero if
there is any error. Checks the fields of every file and every link inside the
site. Fast enough to run on every pull request; in GitHub Actions it also
prints workflow annotations, so each mistake shows on its line of the pull
request. `--reviews` lists pages and resources due for review instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from itertools import groupby
from pathlib import Path

import yaml

from tip_site.core import Problem, Site, SiteInvalid, load_site
from tip_site.core.build_date import build_date
from tip_site.core.reviews import reviews_due
from tip_site.validation import nav_pages as validation_nav_pages
from tip_site.validation import validate
from tip_site.views.dates import long_date
from tip_site.views.site_links import publication_dates


def format_report(problems: list[Problem], in_order: bool = False) -> str:
    """Problems grouped by file, in line order (those about a whole file first).

    `in_order` keeps the order given (most urgent first) instead of sorting.
    """
    lines: list[str] = []
    ordered = list(problems) if in_order else sorted(problems, key=Problem.sort_key)
    for path, items in groupby(ordered, key=lambda p: str(p.path)):
        lines.append(path)
        for problem in items:
            where = f"line {problem.line}" if isinstance(problem.line, int) and problem.line > 0 else "file"
            field = f" {problem.field}:" if problem.field else ""
            fix = f"\n      How to fix: {problem.fix}" if problem.fix else ""
            label = "Warning" if problem.severity == "warning" else "Error"
            lines.append(f"  {label}, {where}:{field} {problem.message}{fix}")
        lines.append("")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that shows the problem on its line of the pull request."""
    kind = "warning" if problem.severity == "warning" else "error"
    properties = [f"file={_escape_property(problem.path)}"]
    if isinstance(problem.line, int) and problem.line > 0:
        properties.append(f"line={problem.line}")
    title = f"{problem.field}: {'warning' if kind == 'warning' else 'content problem'}" if problem.field else (
        "Content warning" if kind == "warning" else "Content problem")
    properties.append(f"title={_escape_property(title)}")
    message = problem.message + (f"\nHow to fix: {problem.fix}" if problem.fix else "")
    return f"::{kind} {','.join(properties)}::{_escape_data(message)}"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its tags (!ENV, !!python/name) are not needed here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _config(root: Path) -> dict:
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return {}
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return {}  # MkDocs itself reports a broken mkdocs.yml
    return config if isinstance(config, dict) else {}


def nav_pages(root: Path) -> frozenset[str]:
    """Pages listed in mkdocs.yml's nav: they exist (a strict build checks), even those other plugins add."""
    return validation_nav_pages(_config(root).get("nav"))


def _folders(root: Path) -> tuple[str, str]:
    """The content and docs folders mkdocs.yml names (the build uses the same)."""
    config = _config(root)
    docs_dir = config.get("docs_dir") if isinstance(config.get("docs_dir"), str) else "docs"
    content_dir = "content"
    for plugin in config.get("plugins") or ():
        if isinstance(plugin, dict) and isinstance(plugin.get("tip-content"), dict):
            content_dir = plugin["tip-content"].get("content_dir") or content_dir
    return content_dir, docs_dir


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


class Output:
    def __init__(self, annotate: bool) -> None:
        self.annotate = annotate

    def problems(self, problems: list[Problem], in_order: bool = False) -> None:
        if not problems:
            return
        print(format_report(problems, in_order))
        if self.annotate:
            for problem in (problems if in_order else sorted(problems, key=Problem.sort_key)):
                print(annotation(problem))


def check(root: Path, today: dt.date, out: Output) -> int:
    content_dir, docs_dir = _folders(root)
    result = validate(root, today, content_dir, docs_dir, other_pages=nav_pages(root))
    out.problems(result.errors + result.warnings)
    if result.errors:
        print(f"{_plural(len(result.errors), 'error')} found. Fix them and run the check again.")
        return 1
    site, preview = result.site, result.preview
    print(
        f"All content is valid: {len(site.newsletters)} newsletter issues, {len(site.resources)} resources, "
        f"{len(site.events)} events, {len(site.pages)} pages on the site on {today.isoformat()}; "
        f"every link inside the site works."
    )
    print(waiting(preview, today))
    return 0


def waiting(preview: Site, today: dt.date) -> str:
    """What the live site does not show yet: scheduled items (checked on each of their dates) and drafts."""
    items = (*preview.newsletters, *preview.resources, *preview.events, *preview.pages)
    drafts = sum(1 for item in items if item.draft)
    scheduled = [i for i in (*preview.newsletters, *preview.resources) if not i.draft and i.published > today]
    days = publication_dates(preview, today)
    text = f"Not on the site yet: {_plural(drafts, 'draft')} (shown only in previews) and {_plural(len(scheduled), 'scheduled item')}"
    if days:
        text += (f", checked as the site will be on each date they go live ({_plural(len(days), 'date')}, "
                 f"the next {days[0].isoformat()}; see one with ./scripts/check --on {days[0].isoformat()})")
    return text + "."


def reviews(root: Path, today: dt.date, out: Output, strict: bool = False) -> int:
    try:
        site: Site = load_site(root, today=today)
    except SiteInvalid as invalid:
        out.problems(invalid.errors)
        print("Fix these errors first, then ask for the review report again.")
        return 1
    due = reviews_due(root, site, today)
    out.problems(due, in_order=True)  # crisis numbers first
    if due:
        print(f"{_plural(len(due), 'review reminder')} on {today.isoformat()}.")
    else:
        print(f"Nothing is due for review on {today.isoformat()}.")
    return 1 if strict and due else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tip-check", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder (default: the current one)")
    parser.add_argument("--reviews", action="store_true", help="list crisis numbers, pages and resources due for review")
    parser.add_argument("--strict", action="store_true", help="with --reviews: fail if anything is due (the weekly workflow)")
    parser.add_argument("--on", metavar="YYYY-MM-DD", help="check the site as it will be on this date (scheduled content included)")
    args = parser.parse_args(argv)
    out = Output(annotate=os.environ.get("GITHUB_ACTIONS") == "true")
    root = Path(args.root)
    try:
        today = build_date({"TIP_BUILD_DATE": args.on} if args.on else os.environ)
    except ValueError as error:  # TIP_BUILD_DATE or --on is not a date
        print(str(error).replace("TIP_BUILD_DATE", "--on") if args.on else error)
        return 2
    if args.on:
        print(f"The site as it will be on {long_date(today)}:\n")
    return reviews(root, today, out, args.strict) if args.reviews else check(root, today, out)


if __name__ == "__main__":
    sys.exit(main())
