"""UK wall-clock time: dates and times in content are Europe/London, GMT or BST."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def london_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in the UK, with the offset in force that day (+00:00 or +01:00)."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=LONDON)


def london_time(wall_clock: dt.datetime) -> dt.datetime:
    """A naive UK wall-clock time from content, made aware."""
    return wall_clock.replace(tzinfo=LONDON)
