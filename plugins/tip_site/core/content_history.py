"""Which history each kind of content keeps: the id it goes by, and (events) its time and place.

Read once per build from one git log of the content folder (core/history.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Mapping

from tip_site.core.attendance import attendance_of, place
from tip_site.core.former_ids import Item, kind_of
from tip_site.core.model import Newsletter, Resource
from tip_site.core.history import Kind, SiteHistory, read_history


def _text(value: Any) -> str:
    return " ".join(str(value if value is not None else "").replace("T", " ").split())


def _plain_id(values: Mapping[str, Any]) -> str | None:
    value = values.get("id")
    return str(value).strip() or None if value is not None else None


def _newsletter_id(values: Mapping[str, Any]) -> str | None:
    year, quarter = values.get("year"), values.get("quarter")
    return f"{year}-q{quarter}" if isinstance(year, int) and isinstance(quarter, int) else None


def _event_schedule(values: Mapping[str, Any]) -> tuple[str, str, str]:
    """When and where, as the site shows them: 'Online (Teams)' rewritten as online + 'Teams' has not moved."""
    location = _text(values.get("location")) or None
    attendance = attendance_of(_text(values.get("attendance")) or None, location)
    return _text(values.get("start")), _text(values.get("end")), place(attendance, location)


KINDS = {
    "resource": Kind(("id", "draft", "published"), _plain_id),
    "newsletter": Kind(("year", "quarter", "draft", "published"), _newsletter_id),
    # A new start, end or place moves the event: calendars raise its SEQUENCE.
    "event": Kind(("id", "draft", "start", "end", "location", "attendance"), _plain_id, schedule=_event_schedule, dated=False),
}


def content_history(root: Path, content_dir: str, items: Iterable[Item], today: dt.date) -> SiteHistory:
    """The history of every item's file, from one git log of the content folder."""
    items = list(items)
    files = {item.source.path: KINDS[kind_of(item)] for item in items}
    return read_history(root, content_dir, files, today, {item.source.path: _fields(item) for item in items})


def _fields(item: Item) -> dict[str, Any]:
    """The item as loaded, in the form its file's past versions are read in (dates as text)."""
    if isinstance(item, Newsletter):
        return {"year": item.year, "quarter": item.quarter, "draft": item.draft, "published": item.published.isoformat()}
    if isinstance(item, Resource):
        return {"id": item.id, "draft": item.draft, "published": item.published.isoformat()}
    return {
        "id": item.id, "draft": item.draft, "start": f"{item.start:%Y-%m-%d %H:%M}", "end": f"{item.end:%Y-%m-%d %H:%M}",
        "location": item.location, "attendance": item.attendance,
    }


