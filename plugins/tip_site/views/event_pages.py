"""The meetings and events page and a page per event, relative to the build date.

`today` is passed in (the adapter supplies the build date), so what counts as
upcoming is decided here and the templates only display it.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from tip_site.core.model import Event, Site
from tip_site.views.dates import when
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.urls import event_uri, group_uri, link

EVENTS_URI = "events/index.md"

KIND_NAMES = {"meeting": "Group meeting", "event": "Event", "joint-event": "Annual joint event"}


def is_upcoming(event: Event, today: dt.date) -> bool:
    """An event stays upcoming until the day it ends is over."""
    return event.end.date() >= today


def upcoming_events(site: Site, today: dt.date, limit: int | None = None) -> list[Event]:
    events = [e for e in site.events if is_upcoming(e, today)]  # site.events is by start time
    return events[:limit] if limit is not None else events


def past_events(site: Site, today: dt.date) -> list[Event]:
    """Past events, most recent first."""
    return sorted((e for e in site.events if not is_upcoming(e, today)), key=lambda e: (e.start, e.id), reverse=True)


def group_names(site: Site, event: Event, from_uri: str) -> str:
    return ", ".join(
        f"[{text(site.group(g).name)} ({text(site.group(g).short_name)})]({link(from_uri, group_uri(g))})" for g in event.groups
    )


def event_line(site: Site, event: Event, from_uri: str) -> str:
    """One event in a list: the date first, since that is what people scan for."""
    groups = ", ".join(text(site.group(g).short_name) for g in event.groups)
    return (
        f"- **{text(when(event.start, event.end))}**: [{text(event.title)}]({link(from_uri, event_uri(event))})  \n"
        f"  {text(KIND_NAMES[event.kind])} · {text(event.location)} · {groups}"
    )


def _event_page(site: Site, event: Event, today: dt.date) -> GeneratedPage:
    uri = event_uri(event)
    lines = [
        front_matter(title=event.title, description=event.summary),
        f"# {text(event.title)}\n",
        text(event.summary) + "\n",
    ]
    if not is_upcoming(event, today):
        lines.append('!!! note "This event has taken place"\n')
    lines += [
        f"- **When:** {text(when(event.start, event.end))} (UK time)",
        f"- **Where:** {text(event.location)}",
        f"- **Kind:** {text(KIND_NAMES[event.kind])}",
        f"- **Groups:** {group_names(site, event, uri)}",
        "",
        event.body.strip() + "\n",
        f"[All meetings and events]({link(uri, EVENTS_URI)})\n",
    ]
    return GeneratedPage(uri, "\n".join(lines))


def _events_index(site: Site, today: dt.date) -> GeneratedPage:
    uri = EVENTS_URI
    lines = [
        front_matter(title="Meetings and events", description="Upcoming and past meetings of the consortium groups, the annual joint event and the conference."),
        "# Meetings and events\n",
        "Each consortium group meets once a quarter, with meetings spread evenly across the year, "
        "and the three groups come together once a year for a co-produced joint event "
        "(Terms of Reference, sections 5.1 and 5.2). Group meetings are for members: "
        f"[membership]({link(uri, 'membership.md')}) explains how to join. All times are UK time.\n",
        "## Upcoming\n",
    ]
    upcoming = upcoming_events(site, today)
    lines += [event_line(site, e, uri) for e in upcoming] or ["No meetings or events are planned yet. Check back soon."]
    lines += ["", "## Past\n"]
    past = past_events(site, today)
    if not past:
        lines.append("No meetings or events have taken place yet.")
    for year, events in groupby(past, key=lambda e: e.start.year):
        lines += [f"### {year}\n", *(event_line(site, e, uri) for e in events), ""]
    return GeneratedPage(uri, "\n".join(lines) + "\n")


def event_pages(site: Site, today: dt.date) -> list[GeneratedPage]:
    return [_events_index(site, today), *(_event_page(site, e, today) for e in site.events)]
