"""The meetings and events page and a page per event, relative to the build date.

`today` is passed in (the adapter supplies the build date), so what counts as
upcoming is decided here and the templates only display it.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from itertools import groupby

from tip_site.core.model import Event, Site
from tip_site.views.dates import when
from tip_site.views.generated_page import AssembledPage, EditorMarkdown, GeneratedPage, Heading, Html, Part
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.urls import event_uri, group_uri, href, link

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


def event_line(site: Site, event: Event, from_uri: str) -> str:
    """One event in a list: the date first, since that is what people scan for."""
    groups = ", ".join(text(site.group(g).short_name) for g in event.groups)
    note = f'  \n  <span class="tip-label">Content note</span> {text(event.content_note)}' if event.content_note else ""
    return (
        f"- **{text(when(event.start, event.end))}**: [{text(event.title)}]({link(from_uri, event_uri(event))})  \n"
        f"  {text(KIND_NAMES[event.kind])} · {text(event.location)} · {groups}{note}"
    )


def _event_page(site: Site, event: Event, today: dt.date) -> AssembledPage:
    uri = event_uri(event)
    parts: list[Part] = [Heading(1, event.title), Html(f"<p>{escape(event.summary, quote=False)}</p>")]
    if not is_upcoming(event, today):
        parts.append(Html('<div class="admonition note">\n<p class="admonition-title">This event has taken place</p>\n</div>'))
    groups = ", ".join(
        f'<a href="{href(uri, group_uri(g))}">{escape(site.group(g).name, quote=False)} ({escape(site.group(g).short_name, quote=False)})</a>'
        for g in event.groups
    )
    details = [
        f"<li><strong>When:</strong> {escape(when(event.start, event.end), quote=False)} (UK time)</li>",
        f"<li><strong>Where:</strong> {escape(event.location, quote=False)}</li>",
        f"<li><strong>Kind:</strong> {escape(KIND_NAMES[event.kind], quote=False)}</li>",
        f"<li><strong>Groups:</strong> {groups}</li>",
    ]
    parts += [
        Html("<ul>\n" + "\n".join(details) + "\n</ul>"),
        EditorMarkdown(event.body.strip()),
        Html(f'<p><a href="{href(uri, EVENTS_URI)}">All meetings and events</a></p>'),
    ]
    return AssembledPage(uri, front_matter(title=event.title, description=event.summary, content_note=event.content_note), tuple(parts), shares_shell=True)


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


def event_pages(site: Site, today: dt.date) -> list[GeneratedPage | AssembledPage]:
    return [_events_index(site, today), *(_event_page(site, e, today) for e in site.events)]
