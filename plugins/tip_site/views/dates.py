"""Dates and times as people in the UK read them: "Thursday 3 December 2026, 10:00 to 12:00"."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def when(start: dt.datetime, end: dt.datetime) -> str:
    """An event's date and times; both dates when it runs over more than one day."""
    if start.date() == end.date():
        return f"{long_date(start)}, {start:%H:%M} to {end:%H:%M}"
    return f"{long_date(start)}, {start:%H:%M} to {long_date(end)}, {end:%H:%M}"
