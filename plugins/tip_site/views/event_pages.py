"""The meetings and events page and a page per event, relative to the build date.

`today` is passed in (the adapter supplies the build date), so what counts as
upcoming is decided here and the templates only display it.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from itertools import groupby

from tip_site.core.model import Event, Site
from tip_site.views.attendance import ATTENDANCE_NAMES, how_to_join, where
from tip_site.views.calendar_links import calendar_links
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
        f"  {text(KIND_NAMES[event.kind])} · {text(where(event))} · {groups}{note}"
    )


def event_page(site: Site, event: Event, today: dt.date, site_url: str | None) -> AssembledPage:
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
        f"<li><strong>Where:</strong> {escape(where(event), quote=False)}</li>",
        f"<li><strong>Taking part:</strong> {escape(ATTENDANCE_NAMES[event.attendance], quote=False)}</li>",
        f"<li><strong>Kind:</strong> {escape(KIND_NAMES[event.kind], quote=False)}</li>",
        f"<li><strong>Groups:</strong> {groups}</li>",
    ]
    joining = how_to_join(event)
    if joining:
        details.append(f"<li><strong>Joining online:</strong> {escape(joining, quote=False)}{_join_link(event)}</li>")
    parts += [
        Html("<ul>\n" + "\n".join(details) + "\n</ul>"),
        EditorMarkdown(event.body, trim=None),
        Heading(2, "Add to your calendar"),
        Html(calendar_links(site, uri, site_url, event.groups)),
        Html(f'<p><a href="{href(uri, EVENTS_URI)}">All meetings and events</a></p>'),
    ]
    return AssembledPage(uri, front_matter(title=event.title, description=event.summary, content_note=event.content_note), tuple(parts), shares_shell=True)


def _join_link(event: Event) -> str:
    if not event.joining_link:
        return ""
    return f' <a href="{escape(event.joining_link)}">Join online</a>'


def _events_index(site: Site, today: dt.date, site_url: str | None) -> GeneratedPage:
    uri = EVENTS_URI
    lines = [
        front_matter(title="Meetings and events", description="Upcoming and past meetings of the consortium groups, the annual joint event and the conference."),
        "# Meetings and events\n",
        "Each consortium group meets once a quarter, with meetings spread evenly across the year, "
        "and the three groups come together once a year for a co-produced joint event "
        "(Terms of Reference, sections 5.1 and 5.2). Group meetings are for members: "
        f"[membership]({link(uri, 'membership.md')}) explains how to join. All times are UK time.\n",
        "## Add to your calendar\n",
        "Subscribe once and every meeting appears in your own calendar, kept up to date when one moves.\n",
        calendar_links(site, uri, site_url),
        "",
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


def event_pages(site: Site, today: dt.date, site_url: str | None = None) -> list[GeneratedPage | AssembledPage]:
    """`site_url` (the site's full address) makes the calendars' webcal: links; without it, only the files are linked."""
    return [_events_index(site, today, site_url), *(event_page(site, e, today, site_url) for e in site.events)]
