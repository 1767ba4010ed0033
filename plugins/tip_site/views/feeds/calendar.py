"""iCalendar files (RFC 5545) of meetings and events, made with the `icalendar` library.

Times stay UK wall-clock times tied to a Europe/London VTIMEZONE, so Outlook
and Google Calendar show them right on both sides of the clock change. UIDs
come from the event's permanent id; DTSTAMP from its start, never from "now",
so the same content gives the same file.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from tip_site.core.model import Event as SiteEvent
from tip_site.core.model import Site
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
    component.add("uid", f"event-{event.id}@{publication.ids.authority}")
    component.add("dtstamp", start.astimezone(dt.timezone.utc))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", event.title)
    component.add("location", event.location)
    component.add("description", f"{event.summary}\n\nDetails: {url}")
    component.add("url", url, parameters={"VALUE": "URI"})
    component.add("categories", [KIND_NAMES.get(event.kind, event.kind), *(site.group(g).short_name for g in event.groups)])
    return component


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
