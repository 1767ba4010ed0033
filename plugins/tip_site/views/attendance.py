"""How people take part in an event, in the same words on its page, in listings and in calendars."""

from __future__ import annotations

from tip_site.core.attendance import place
from tip_site.core.model import Event

ATTENDANCE_NAMES = {"in_person": "In person", "online": "Online", "hybrid": "In person or online"}
# Meeting links are not published unless an editor gives a public one (`joining_link`).
MEMBERS_JOINING = "Joining details are sent to members before the meeting."
OPEN_JOINING = "Open to everyone: use the link to join."


def where(event: Event) -> str:
    """The place, as a listing or a calendar's LOCATION shows it."""
    return place(event.attendance, event.location)


def joins_online(event: Event) -> bool:
    return event.attendance in ("online", "hybrid")


def how_to_join(event: Event) -> str | None:
    """How to join online, for everyone to read; None for an event held only in a room."""
    if not joins_online(event):
        return None
    if event.joining:
        return event.joining
    return OPEN_JOINING if event.joining_link else MEMBERS_JOINING
