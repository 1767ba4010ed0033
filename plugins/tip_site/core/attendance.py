"""How people take part in an event, and the place that makes in words: one rule for pages,
calendars, and the history that tells whether a meeting moved."""

from __future__ import annotations

import re

ATTENDANCE = ("in_person", "online", "hybrid")
ONLINE_PLACE = re.compile(r"\s*online\b", re.IGNORECASE)


def attendance_of(attendance: str | None, location: str | None) -> str:
    """The attendance given, or read from a location like 'Online (Microsoft Teams)' when none is."""
    if attendance:
        return attendance
    return "online" if location and ONLINE_PLACE.match(location) else "in_person"


def place(attendance: str, location: str | None) -> str:
    """Where it happens, in words: 'City Hall, Leicester', 'Online (Microsoft Teams)', 'City Hall, and online'."""
    location = " ".join((location or "").split())
    if attendance == "online":
        if not location:
            return "Online"
        return location if ONLINE_PLACE.match(location) else f"Online ({location})"
    if attendance == "hybrid":
        return f"{location}, and online"
    return location
