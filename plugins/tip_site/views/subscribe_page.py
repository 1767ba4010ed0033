"""The Subscribe page: what a feed is, how to follow one, and every feed and calendar we offer.

Written for someone who has never used a feed. Addresses are shown in full:
that is what a reader or calendar app asks for.
"""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.calendar_links import webcal_url
from tip_site.views.feeds.catalogue import SUBSCRIBE_URI, site_calendars, site_feeds
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.publication import Publication

INTRO = """\
# Subscribe

You can hear about new newsletter issues, new resources and upcoming meetings
without having to come back and check this website. Choose what you want to
follow below. You do not need an account with us, and we do not see who
subscribes.

## What is a feed?

A feed is a web address that lists the newest things published on a website.
An app called a **feed reader** checks the feeds you choose, usually several
times a day, and shows you anything new in one place — a bit like an inbox for
websites. Each item appears once, with a link back to this site. You may see
feeds called "RSS" or "Atom": they are two formats of the same thing, and
almost every feed reader understands both. If you are not sure, use the RSS
address.

## How to follow a feed

1. **Get a feed reader.** There are free apps for phones and computers, and
   free websites that work as readers. Search your app store for "RSS reader".
   Some email programs, such as Thunderbird, can follow feeds too.
2. **Copy the address** of the feed you want from the list below. On a phone,
   press and hold the address and choose *Copy*.
3. **Paste it into your reader.** Look for a button called *Add*, *Follow* or
   *Subscribe*, then paste the address.

That is all: new items will now appear in your reader by themselves.

If you open a feed address in your web browser, you will see a simple page
listing the latest items — that is normal. Feeds are made for readers, so copy
the address rather than bookmarking the page.

### Getting updates by email instead

If you would rather get an email, some feed readers can send one for each new
item, and there are free "RSS to email" services that do the same: you give
them a feed address and your email address. These services are run by other
companies, not by the partnership, so check their privacy terms first.
"""

CALENDAR_HELP = """\
## Meetings and events in your calendar

Add our meetings and events to the calendar you already use. Your calendar
keeps them up to date by itself: if a meeting moves, it moves in your calendar
too. Times are UK times. Calendar apps check for changes every few hours, so a
change can take up to a day to appear.

- **Outlook**: go to your calendar, choose *Add calendar*, then
  *Subscribe from web*, and paste the address.
- **Google Calendar** (on a computer): next to *Other calendars*, choose *+*,
  then *From URL*, and paste the address.
- **iPhone or iPad**: open *Settings*, then *Calendar*, *Accounts*,
  *Add Account*, *Other*, *Add Subscribed Calendar*, and paste the address.

On a phone or a computer with a calendar app, *subscribe in one step* opens the
app and asks it to subscribe for you.
"""


def subscribe_page(site: Site, publication: Publication) -> GeneratedPage:
    parts = [
        front_matter(title="Subscribe", description="Follow the partnership's news, resources and meetings in a feed reader or your calendar."),
        INTRO,
        "\n## Feeds you can follow\n",
    ]
    for feed in site_feeds(site):
        parts.append(
            f"\n### {text(feed.title)}\n\n{text(feed.description)}\n\n"
            f"- RSS: {_address(publication.absolute(feed.rss_path))}\n"
            f"- Atom: {_address(publication.absolute(feed.atom_path))}\n"
        )
    parts.append("\n" + CALENDAR_HELP + "\n### Calendars you can add\n")
    for calendar in site_calendars(site):
        webcal = webcal_url(publication.url, calendar.path)
        parts.append(f"\n- **{text(calendar.title)}**: {_address(publication.absolute(calendar.path))} ([subscribe in one step]({webcal}))\n")
    return GeneratedPage(SUBSCRIBE_URI, "".join(parts))


def _address(url: str) -> str:
    """The full address, shown and linked: people copy it into their app."""
    return f"[{text(url)}]({url})"
