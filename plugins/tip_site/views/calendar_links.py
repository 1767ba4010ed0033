"""'Add to your calendar' links: a webcal: address that subscribes, and the .ics file itself.

A subscription keeps itself up to date (a moved meeting moves in the calendar
too); a calendar app opens a webcal: link as one, so it needs the site's full
address. The plain file is there for apps that only import.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from tip_site.core.model import Site
from tip_site.views.feeds.catalogue import SUBSCRIBE_URI, CalendarSpec, site_calendars
from tip_site.views.urls import href

CALENDAR_HELP_ANCHOR = "#meetings-and-events-in-your-calendar"  # the Subscribe page's section


def webcal_url(site_url: str, path: str) -> str:
    """The calendar's address with the webcal: scheme, which calendar apps open as a subscription."""
    parts = urlsplit(site_url if site_url.endswith("/") else site_url + "/")
    return f"webcal://{parts.netloc}{parts.path}{path}"


def calendars_for(site: Site, groups: tuple[str, ...] | None) -> list[CalendarSpec]:
    """The given groups' calendars, then the one with every event; all of them when `groups` is None."""
    calendars = site_calendars(site)
    everything = [c for c in calendars if c.group is None]
    if groups is None:
        return [*everything, *(c for c in calendars if c.group is not None)]
    return [*(c for g in groups for c in calendars if c.group == g), *everything]


def calendar_links(site: Site, from_uri: str, site_url: str | None, groups: tuple[str, ...] | None = None) -> str:
    """One block of HTML (a single line, so Markdown passes it through untouched)."""
    items = []
    for calendar in calendars_for(site, groups):
        title = escape(calendar.title, quote=False)
        download = f'<a href="{href(from_uri, calendar.path)}" type="text/calendar">download {title} as a file</a>'
        if site_url:
            subscribe = f'<a href="{escape(webcal_url(site_url, calendar.path))}">Subscribe to {title}</a>'
            items.append(f"<li>{subscribe} in your calendar app, or {download}</li>")
        else:
            items.append(f"<li>{download.replace('>download ', '>Download ', 1)}</li>")
    help_link = f'<a href="{href(from_uri, SUBSCRIBE_URI)}{CALENDAR_HELP_ANCHOR}">How to add a calendar to Outlook, Google Calendar or an iPhone</a>'
    return f'<div class="tip-calendar-links"><ul>{"".join(items)}</ul><p>{help_link}</p></div>'
