"""The home page: who the partnership is, three routes for visitors, the latest newsletter and the next meetings.

The page has its own template (overrides/home.html). Its Markdown carries only
the title and the two sentences that say who the partnership is; everything
else the template shows comes from `HomeData`, decided here: which routes,
which newsletter, which meetings, in what order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Collection

from tip_site.core.model import Site
from tip_site.views.attendance import where
from tip_site.views.dates import long_date, short_date, when
from tip_site.views.event_pages import EVENTS_URI, KIND_NAMES, upcoming_events
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.partnership_pages import MATRIX_URI, group_label, in_words
from tip_site.views.urls import event_uri, group_uri, newsletter_uri, page_url, priority_uri

HOME_URI = "index.md"
LIBRARY_URI = "library/index.md"  # made by the resource library, when present
HELP_URI = "help.md"
GROUPS_URI = "groups/index.md"
NEWSLETTERS_URI = "newsletters/index.md"
MEETINGS_SHOWN = 3

# Terms of Reference 1.1, word for word.
STRATEGIC_INTENT = (
    "To work collaboratively across organisations and with communities to develop a "
    "trauma-informed system which simultaneously aims to prevent childhood trauma and "
    "mitigate its harmful impact across the life-course"
)
INTENT_SOURCE = "the strategic intent agreed by the Strategic Partnership Board in 2021"


@dataclass(frozen=True)
class Route:
    """One of the big links near the top: where most visitors want to go."""

    title: str
    summary: str
    url: str  # from the site's root, e.g. "library/"
    urgent: bool = False


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    date: str  # as people read it
    datetime: str  # ISO, for <time>
    summary: str = ""
    details: str = ""
    content_note: bool = False  # the item carries a content note: the card says so


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class HomeData:
    routes: tuple[Route, ...]
    newsletter: Card | None
    newsletters_url: str
    meetings: tuple[Card, ...]
    events_url: str
    groups: tuple[Link, ...]
    priorities: tuple[Link, ...]
    matrix_url: str
    intent: str = STRATEGIC_INTENT
    intent_source: str = INTENT_SOURCE


@dataclass(frozen=True)
class HomePage(GeneratedPage):
    """The home page's Markdown, and what its template shows around it."""

    data: HomeData | None = None


def intro(site: Site) -> str:
    """Who the partnership is, in two sentences."""
    return (
        "The Trauma Informed Partnership brings together health, councils, police, schools, charities and "
        "other services across Leicester, Leicestershire and Rutland to prevent childhood trauma and lessen its harm. "
        f"Its {in_words(len(site.groups))} groups share knowledge, resources and support so that services "
        "understand trauma and respond to it with care."
    )


def home_data(site: Site, today: dt.date, page_uris: Collection[str]) -> HomeData:
    routes = []
    if LIBRARY_URI in page_uris:
        routes.append(Route("Find resources", "Guides, toolkits, training and research for trauma informed practice.", page_url(LIBRARY_URI)))
    routes.append(Route(
        "Join or contact a group",
        f"{in_words(len(site.groups)).capitalize()} groups: for leaders, for practitioners and for schools. Find the one for you.",
        page_url(GROUPS_URI),
    ))
    routes.append(Route("Need help now?", "If you or someone else is in danger, call 999. Find services that can help you today.",
                        page_url(HELP_URI), urgent=True))
    newsletter = None
    if site.newsletters:
        latest = site.newsletters[0]
        newsletter = Card(
            title=latest.title, url=page_url(newsletter_uri(latest)),
            date=f"Published {short_date(latest.published)}", datetime=latest.published.isoformat(),
            summary=latest.summary, content_note=bool(getattr(latest, "content_note", None)),
        )
    meetings = tuple(
        Card(
            title=event.title, url=page_url(event_uri(event)),
            date=when(event.start, event.end), datetime=event.start.isoformat(),
            details=" · ".join([KIND_NAMES[event.kind], where(event), ", ".join(site.group(g).short_name for g in event.groups)]),
            content_note=bool(getattr(event, "content_note", None)),
        )
        for event in upcoming_events(site, today, limit=MEETINGS_SHOWN)
    )
    return HomeData(
        routes=tuple(routes),
        newsletter=newsletter,
        newsletters_url=page_url(NEWSLETTERS_URI),
        meetings=meetings,
        events_url=page_url(EVENTS_URI),
        groups=tuple(Link(group_label(g), page_url(group_uri(g)), g.who_it_is_for) for g in site.groups),
        priorities=tuple(Link(f"{p.number}. {p.title}", page_url(priority_uri(p))) for p in site.priorities),
        matrix_url=page_url(MATRIX_URI),
    )


def home_page(site: Site, today: dt.date, page_uris: Collection[str]) -> list[GeneratedPage]:
    """`page_uris` are every other page of the site, so the home page links only to pages that exist."""
    lines = [
        front_matter(
            title="Home",
            description="The Trauma Informed Partnership for Leicester, Leicestershire and Rutland.",
            template="home.html",
            hide=["toc"],
        ),
        "# Trauma Informed Partnership for Leicester, Leicestershire and Rutland\n",
        intro(site) + "\n",
    ]
    return [HomePage(HOME_URI, "\n".join(lines), data=home_data(site, today, page_uris))]
