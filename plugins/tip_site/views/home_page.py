"""The home page: the strategic intent, the groups, the priorities, the latest news and events."""

from __future__ import annotations

import datetime as dt
from typing import Collection

from tip_site.core.model import Site
from tip_site.views.dates import long_date
from tip_site.views.event_pages import EVENTS_URI, event_line, upcoming_events
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.partnership_pages import MATRIX_URI, group_label, in_words
from tip_site.views.urls import group_uri, newsletter_uri, priority_uri

HOME_URI = "index.md"
LIBRARY_URI = "library/index.md"  # made by the resource library, when present
HELP_URI = "help.md"

# Terms of Reference 1.1, word for word.
STRATEGIC_INTENT = (
    "To work collaboratively across organisations and with communities to develop a "
    "trauma-informed system which simultaneously aims to prevent childhood trauma and "
    "mitigate its harmful impact across the life-course"
)


def home_page(site: Site, today: dt.date, page_uris: Collection[str]) -> list[GeneratedPage]:
    """`page_uris` are every other page of the site, so the home page links only to pages that exist."""
    lines = [
        front_matter(title="Home", description="The Trauma Informed Partnership for Leicester, Leicestershire and Rutland."),
        "# Trauma Informed Partnership for Leicester, Leicestershire and Rutland\n",
        f"> “{STRATEGIC_INTENT}”",
        ">",
        "> — the strategic intent agreed by the Strategic Partnership Board in 2021\n",
        f"The partnership connects {in_words(len(site.groups))} consortium groups, with members from health, councils, "
        "police, probation, education, fire and rescue, the ambulance service and the voluntary and "
        "community sector, to put the shared vision of the Trauma Informed Strategy into practice. "
        "[Read about the partnership](about.md).\n",
        f"If you need help now, [see who to contact]({HELP_URI}).\n",
        "## The consortium groups\n",
        *(f"- [{text(group_label(g))}]({group_uri(g)}): {text(g.who_it_is_for)}" for g in site.groups),
        "",
        "## The strategic priorities\n",
        *(f"{p.number}. [{text(p.title)}]({priority_uri(p)})" for p in site.priorities),
        "",
        f"[What each group does for each priority]({MATRIX_URI})\n",
        "## Latest newsletter\n",
    ]
    if site.newsletters:
        latest = site.newsletters[0]
        lines += [
            f"[{text(latest.title)}]({newsletter_uri(latest)}), published {text(long_date(latest.published))}.\n",
            text(latest.summary) + "\n",
        ]
    else:
        lines.append("The first issue of the quarterly newsletter is on its way.\n")
    lines.append("## Upcoming meetings and events\n")
    upcoming = upcoming_events(site, today, limit=3)
    lines += [event_line(site, e, HOME_URI) for e in upcoming] or ["No meetings or events are planned yet."]
    lines += ["", f"[All meetings and events]({EVENTS_URI})\n"]
    if LIBRARY_URI in page_uris:
        lines += [
            "## Resource library\n",
            f"Guides, toolkits, training and research for trauma informed practice: [browse the library]({LIBRARY_URI}).\n",
        ]
    return [GeneratedPage(HOME_URI, "\n".join(lines))]
