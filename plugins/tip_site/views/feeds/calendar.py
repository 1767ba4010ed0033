"""iCalendar files (RFC 5545) of meetings and events, made with the `icalendar` library.

Times stay UK wall-clock times tied to a Europe/London VTIMEZONE, so Outlook
and Google Calendar show them right on both sides of the clock change. UIDs
come from the event's original id (the first it was published under), so a
corrected id never shows a meeting twice.

Revisions come from the repository's history, never from "now" nor from an
editor remembering to bump a number, so the same commit gives the same file:
CREATED is the commit that added the event's file, DTSTAMP and LAST-MODIFIED
its last change, and SEQUENCE counts the changes of its time or place since it
was published (RFC 5545 3.8.7.4, RFC 5546 2.1.4), so clients replace the old
version. Without history (a tarball, a shallow clone) there is no CREATED,
LAST-MODIFIED or SEQUENCE, and DTSTAMP is fixed at 1 January of the id year.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from tip_site.core.former_ids import original_id
from tip_site.core.model import Event as SiteEvent
from tip_site.core.model import Site
from tip_site.views.attendance import how_to_join, where
from tip_site.views.feeds.catalogue import CalendarSpec, site_calendars
from tip_site.views.publication import Publication
from tip_site.views.uk_time import london_time
from tip_site.views.urls import event_uri, page_url

END = b"END:VCALENDAR\r\n"
KIND_NAMES = {"meeting": "Meeting", "event": "Event", "joint-event": "Joint event"}


def calendar_files(site: Site, publication: Publication) -> dict[str, bytes]:
    """Every calendar file of the site, by site-relative path."""
    # An event sits in the site's calendar and in each of its groups': write each one once.
    events = [(event, _event(site, event, publication).to_ical()) for event in site.events]
    timezone = _london_timezone().to_ical()
    return {spec.path: _calendar(site, spec, publication, timezone, events) for spec in site_calendars(site)}


def _calendar(site: Site, spec: CalendarSpec, publication: Publication, timezone: bytes, events: list[tuple[SiteEvent, bytes]]) -> bytes:
    """The calendar's own lines, then its components as each serialises alone.

    icalendar writes a calendar as its own content lines, each component's lines,
    then END:VCALENDAR, every line folded on its own: so the components, written
    once for all calendars, go in before that last line.
    """
    calendar = Calendar()
    calendar.add("prodid", f"-//{publication.name}//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", f"{publication.name}: {spec.title}")  # RFC 7986
    calendar.add("x-wr-calname", f"{publication.name}: {spec.title}")  # what Outlook and Google show
    calendar.add("description", spec.description)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("source", publication.absolute(spec.path), parameters={"VALUE": "URI"})
    own = calendar.to_ical()
    assert own.endswith(END)
    components = [timezone, *(ical for event, ical in events if spec.group is None or spec.group in event.groups)]
    return own[: -len(END)] + b"".join(components) + END


def _event(site: Site, event: SiteEvent, publication: Publication) -> Event:
    url = publication.absolute(page_url(event_uri(event)))
    start, end = london_time(event.start), london_time(event.end)
    component = Event()
    component.add("uid", f"event-{original_id(event)}@{publication.ids.authority}")
    history = site.history.of(event.source.path)
    if history is not None:
        component.add("dtstamp", history.changed)
        component.add("created", history.created)
        component.add("last-modified", history.changed)
        component.add("sequence", history.moves)
    else:
        component.add("dtstamp", dt.datetime(publication.ids.year, 1, 1, tzinfo=dt.timezone.utc))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event.title)
    component.add("location", where(event))
    component.add("description", _description(event, url))
    component.add("url", url, parameters={"VALUE": "URI"})
    if event.joining_link:  # RFC 7986: a public link to join
        component.add("conference", event.joining_link, parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Join online"})
    component.add("categories", [KIND_NAMES.get(event.kind, event.kind), *(site.group(g).short_name for g in event.groups)])
    return component


def _description(event: SiteEvent, url: str) -> str:
    lines = [event.summary, "", f"Where: {where(event)}"]
    joining = how_to_join(event)
    if joining:
        lines.append(joining)
    if event.joining_link:
        lines.append(f"Join online: {event.joining_link}")
    return "\n".join([*lines, "", f"Details: {url}"])


def _london_timezone() -> Timezone:
    """Europe/London by its rules (RFC 5545 3.6.5): BST from 01:00 GMT on the last Sunday
    of March to 02:00 BST on the last Sunday of October, in every year."""
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=0))
    summer.add("tzoffsetto", dt.timedelta(hours=1))
    summer.add("dtstart", dt.datetime(1996, 3, 31, 1, 0))
    summer.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("tzoffsetfrom", dt.timedelta(hours=1))
    winter.add("tzoffsetto", dt.timedelta(hours=0))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 2, 0))
    winter.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    timezone = Timezone()
    timezone.add("tzid", "Europe/London")
    timezone.add_component(summer)
    timezone.add_component(winter)
    return timezone
