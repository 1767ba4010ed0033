"""What a group or priority page lists about its content: resources, newsletters, events.

Each section is a pure function (site, subject, page uri) -> Markdown, kept in
one registry so each content area adds its own listing without touching the
page layouts.
"""

from __future__ import annotations

from typing import Callable

from tip_site.core.model import Group, Priority, Site
from tip_site.views.library_cards import card_list_html
from tip_site.views.markdown_text import text
from tip_site.views.newsletter_archive import QUARTER_MONTHS
from tip_site.views.urls import facet_uri, link, newsletter_uri

Subject = Group | Priority
Section = Callable[[Site, Subject, str, str], str]  # site, subject, "groups"/"priorities", from_uri


RESOURCES_LISTED = 10  # a group page stays short; the library's page for the group lists them all
FACET_OF_FIELD = {"groups": "group", "priorities": "priority"}


def _resources(site: Site, subject: Subject, field: str, from_uri: str) -> str:
    items = [r for r in site.resources if subject.id in getattr(r, field)]
    if not items:
        return ""
    lines = ["## Resources\n"]
    lines.append(card_list_html(site, items[:RESOURCES_LISTED], from_uri))
    every = "the resource" if len(items) == 1 else f"all {len(items):,} resources"
    lines.append(f"\n[See {every} in the library]({link(from_uri, facet_uri(FACET_OF_FIELD[field], subject.id))})")
    return "\n".join(lines) + "\n"


def _newsletters(site: Site, subject: Subject, field: str, from_uri: str) -> str:
    items = [n for n in site.newsletters if subject.id in getattr(n, field)]
    if not items:
        return ""
    lines = ["## Newsletter issues\n"]
    lines += [f"- [{text(n.title)}]({link(from_uri, newsletter_uri(n))}) ({QUARTER_MONTHS[n.quarter]} {n.year}): {text(n.summary)}" for n in items]
    return "\n".join(lines) + "\n"


RELATED_SECTIONS: tuple[Section, ...] = (_resources, _newsletters)


def related_for_group(site: Site, group: Group, from_uri: str) -> str:
    return "\n".join(s for section in RELATED_SECTIONS if (s := section(site, group, "groups", from_uri)))


def related_for_priority(site: Site, priority: Priority, from_uri: str) -> str:
    return "\n".join(s for section in RELATED_SECTIONS if (s := section(site, priority, "priorities", from_uri)))
