"""`tip-check`: check all content without building the site.

Prints every problem grouped by file, in plain English, and exits non-zero if
there is any error. Fast enough to run on every pull request.
"""

from __future__ import annotations

import argparse
import sys
from itertools import groupby
from pathlib import Path

from tip_site.core import Problem, SiteInvalid, load_site


def format_report(problems: list[Problem]) -> str:
    lines: list[str] = []
    for path, items in groupby(sorted(problems), key=lambda p: p.path):
        lines.append(path)
        for problem in items:
            where = f"line {problem.line}" if problem.line else "file"
            field = f" {problem.field}:" if problem.field else ""
            fix = f"\n      How to fix: {problem.fix}" if problem.fix else ""
            label = "Warning" if problem.severity == "warning" else "Error"
            lines.append(f"  {label}, {where}:{field} {problem.message}{fix}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tip-check", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", help="the project folder (default: the current one)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    try:
        site = load_site(root)
    except SiteInvalid as invalid:
        print(format_report(invalid.errors + invalid.warnings))
        count = len(invalid.errors)
        print(f"{count} error{'s' if count != 1 else ''} found. Fix them and run the check again.")
        return 1
    if site.warnings:
        print(format_report(list(site.warnings)))
    print(
        f"All content is valid: {len(site.newsletters)} newsletter issues, {len(site.resources)} resources, "
        f"{len(site.events)} events, {len(site.pages)} pages."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
