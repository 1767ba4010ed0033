"""`tip-new`: start a new newsletter issue, resource or event from a valid, commented file.

Every field of the schema is written with a comment explaining it (generated
from `core/schemas.py`, so it never drifts from the checks). New files start
as drafts: they show in previews only until the editor sets `draft: false`.

    ./scripts/new-newsletter                      # the quarter after the latest issue
    ./scripts/new-resource "Title of the resource"
    ./scripts/new-event "Title of the event" --start "2026-03-10 10:00"
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Mapping

from tip_site.core.data_files import load_data
from tip_site.core.field_docs import commented_front_matter as front_matter
from tip_site.core.placeholders import PLACEHOLDER_URL, prompt
from tip_site.core.problems import Problems
from tip_site.core.schemas import EVENT, NEWSLETTER, RESOURCE
from tip_site.core.content_files import markdown_files
from tip_site.core.source_file import read_markdown

QUARTER_MONTHS = {1: "January to March", 2: "April to June", 3: "July to September", 4: "October to December"}


class Exists(Exception):
    pass


def quoted(text: str) -> str:
    """Text as a YAML double-quoted string, safe whatever it contains (colons, quotes, '#')."""
    return json.dumps(text, ensure_ascii=False)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "untitled"


def _write(root: Path, path: str, text: str) -> Path:
    file = root / path
    if file.exists():
        raise Exists(f"{path} already exists: open it to edit it, or choose another title")
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def _vocabularies(root: Path, content_dir: str) -> dict[str, tuple[str, ...]]:
    # Tolerant: a mistake elsewhere in content/ must not stop an editor starting a file.
    return load_data(root / content_dir, root, Problems()).vocabularies


def next_quarter(root: Path, content_dir: str, today: dt.date) -> tuple[int, int]:
    """The quarter after the latest issue in content/newsletters/, or this quarter if there is none."""
    latest = None
    for file in markdown_files(root / content_dir / "newsletters"):
        source = read_markdown(file, file.name, Problems())
        year, quarter = (source.front_matter.get(k) for k in ("year", "quarter")) if source else (None, None)
        if isinstance(year, int) and isinstance(quarter, int) and 1 <= quarter <= 4:
            latest = max(latest or (year, quarter), (year, quarter))
    if latest is None:
        return today.year, (today.month - 1) // 3 + 1
    year, quarter = latest
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def new_newsletter(root: Path, today: dt.date, content_dir: str = "content") -> Path:
    vocabularies = _vocabularies(root, content_dir)
    year, quarter = next_quarter(root, content_dir, today)
    published = dt.date(year, quarter * 3, 15)
    values = {
        "title": quoted(f"{QUARTER_MONTHS[quarter]} {year}"),
        "year": str(year),
        "quarter": str(quarter),
        "published": published.isoformat(),
        "summary": quoted(prompt("one or two sentences about the issue: they show in the archive and the feeds.")),
        "groups": "[" + ", ".join(vocabularies.get("group", ())) + "]",
        "priorities": "[awareness]" if "awareness" in vocabularies.get("priority", ()) else _first(vocabularies, "priority"),
        "draft": "true",
    }
    body = (
        f"\n## News from the groups\n\n{prompt('what the Trauma Informed Partnership Network, the Community of Practice and')}"
        " the Trauma Informed Schools Forum have done this quarter.\n\n## Dates for your diary\n\n"
        f"{prompt('the meetings and events coming up next quarter.')}\n"
    )
    return _write(root, f"{content_dir}/newsletters/{year}-q{quarter}.md", front_matter(NEWSLETTER, values, vocabularies) + body)


def new_resource(root: Path, title: str, today: dt.date, content_dir: str = "content") -> Path:
    vocabularies = _vocabularies(root, content_dir)
    values = {
        "id": slug(title),
        "title": quoted(title),
        "summary": quoted(prompt("one or two sentences saying what it is and who it helps.")),
        "type": _first(vocabularies, "resource_type", bracket=False),
        "audiences": _first(vocabularies, "audience"),
        "groups": _first(vocabularies, "group"),
        "priorities": _first(vocabularies, "priority"),
        "organisation": quoted(prompt("the organisation that produced it")),
        "published": today.isoformat(),
        "url": PLACEHOLDER_URL,
        "last_reviewed": today.isoformat(),
        "next_review": _a_year_after(today).isoformat(),
        "draft": "true",
    }
    body = f"\n{prompt('a description of the resource: what it covers, who it is for and how to use it.')}\n"
    return _write(root, f"{content_dir}/resources/{values['id']}.md", front_matter(RESOURCE, values, vocabularies) + body)


def new_event(root: Path, title: str, start: dt.datetime, content_dir: str = "content") -> Path:
    vocabularies = _vocabularies(root, content_dir)
    event_id = f"{slug(title)}-{start:%Y-%m-%d}"
    values = {
        "id": event_id,
        "title": quoted(title),
        "kind": "meeting",
        "groups": _first(vocabularies, "group"),
        "start": f"{start:%Y-%m-%d %H:%M}",
        "end": f"{start + dt.timedelta(hours=2):%Y-%m-%d %H:%M}",
        "attendance": "online",
        "location": quoted("Microsoft Teams"),
        "summary": quoted(prompt("one or two sentences about the meeting or event.")),
        "draft": "true",
    }
    body = f"\n{prompt('the agenda, how to join, and who to contact with questions.')}\n"
    return _write(root, f"{content_dir}/events/{event_id}.md", front_matter(EVENT, values, vocabularies) + body)


def _first(vocabularies: Mapping[str, tuple[str, ...]], name: str, bracket: bool = True) -> str:
    ids = vocabularies.get(name, ())
    first = ids[0] if ids else ""
    return f"[{first}]" if bracket else first


def _a_year_after(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _start(text: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date and time: write it as \"YYYY-MM-DD HH:MM\"") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tip-new", description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="the project folder (default: the current one)")
    kinds = parser.add_subparsers(dest="kind", required=True)
    kinds.add_parser("newsletter", help="the next quarter's newsletter issue")
    resource = kinds.add_parser("resource", help="a resource for the library")
    resource.add_argument("title", help="the resource's title, in quotes")
    event = kinds.add_parser("event", help="a meeting or event")
    event.add_argument("title", help="the event's title, in quotes")
    four_weeks = dt.datetime.combine(dt.date.today() + dt.timedelta(days=28), dt.time(10, 0))
    event.add_argument("--start", type=_start, default=four_weeks, help='when it starts, "YYYY-MM-DD HH:MM" (UK time)')
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    today = dt.date.today()
    try:
        if args.kind == "newsletter":
            file = new_newsletter(root, today)
        elif args.kind == "resource":
            file = new_resource(root, args.title, today)
        else:
            file = new_event(root, args.title, args.start)
    except Exists as exists:
        print(exists, file=sys.stderr)
        return 1
    print(f"Created {file.relative_to(root).as_posix()}")
    print("Open it, replace the example text (the comments explain every field), and run ./scripts/check.")
    print("It is a draft: it shows in previews (./scripts/build serve) until you set draft: false.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
