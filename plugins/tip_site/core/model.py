"""The content model: frozen, typed objects built once per build from `content/`.

Ids are stable slugs used in URLs and cross-references. Every content item
keeps `source` (its file, relative to the project root) so later checks can
still point editors at the right file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Mapping

from tip_site.core.history import SiteHistory
from tip_site.core.problems import Problem


@dataclass(frozen=True)
class Source:
    """Where an item came from: a file, the line its Markdown body starts on, and each front-matter field's line."""

    path: str
    body_line: int = 1
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, field_name: str) -> int | None:
        """The file line of a top-level front-matter field, if the file has it."""
        return next((line for name, line in self.field_lines if name == field_name), None)


# --- Partnership data (content/data/*.yml), all from the Terms of Reference ---


@dataclass(frozen=True)
class Group:
    id: str
    short_name: str
    name: str
    who_it_is_for: str
    purpose: str
    how_to_join: str
    chair: str | None = None
    co_chair: str | None = None
    meets: str | None = None


@dataclass(frozen=True)
class Priority:
    id: str
    number: int
    title: str
    summary: str
    # group id -> the activities that group agreed for this priority (may be empty)
    activities: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Term:
    """An entry of a controlled vocabulary: a sector, an audience, a resource type."""

    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Body:
    """A body in the governance structure (SPB, PEI, the Lead, the VRN, …)."""

    id: str
    name: str
    short_name: str
    role: str
    reports_to: str | None = None
    reporting: str | None = None  # how often / how it reports, in plain words


@dataclass(frozen=True)
class Governance:
    bodies: tuple[Body, ...]
    arrangements: tuple[str, ...]  # the ToR's standing rules, in plain words
    review: str
    last_reviewed: dt.date | None = None  # the Terms of Reference are reviewed yearly

    def body(self, body_id: str) -> Body:
        return next(b for b in self.bodies if b.id == body_id)


@dataclass(frozen=True)
class SupportService:
    """A crisis or support service on the "Need help now?" page (content/data/support.yml)."""

    id: str
    name: str
    description: str
    phone: str | None = None
    text_message: str | None = None
    url: str | None = None
    hours: str | None = None
    urgency: str = "support"  # "emergency", "urgent" or "support": the page groups services by it


@dataclass(frozen=True)
class Support:
    services: tuple[SupportService, ...] = ()
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None


# --- Content (content/newsletters, content/resources, content/events, docs) ---


@dataclass(frozen=True)
class Image:
    src: str  # its path in the built site, e.g. "newsletters/images/cover.png"
    alt: str
    width: int | None = None  # pixels, when the file says
    height: int | None = None


@dataclass(frozen=True)
class Attachment:
    file: str  # path relative to the resource's folder
    title: str
    size_bytes: int = 0
    source: str = ""  # the file, relative to the project root, so adapters can copy it


@dataclass(frozen=True)
class Newsletter:
    id: str  # e.g. "2025-q1"
    title: str
    year: int
    quarter: int
    published: dt.date
    summary: str
    groups: tuple[str, ...]
    priorities: tuple[str, ...]
    body: str
    source: Source
    cover: Image | None = None
    content_note: str | None = None  # shown before the text, and with the issue in lists and feeds
    draft: bool = False
    # The images the issue shows from content/newsletters/, by site path: published with the issue.
    images: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()  # ids it was published under before, oldest first


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    summary: str
    type: str
    audiences: tuple[str, ...]
    groups: tuple[str, ...]
    priorities: tuple[str, ...]
    organisation: str
    published: dt.date
    body: str
    source: Source
    url: str | None = None
    attachments: tuple[Attachment, ...] = ()
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    content_note: str | None = None  # shown before the text, and with the resource in lists and feeds
    draft: bool = False
    former_ids: tuple[str, ...] = ()  # ids it was published under before, oldest first


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    kind: str  # "meeting", "event" or "joint-event"
    groups: tuple[str, ...]
    start: dt.datetime  # naive, Europe/London wall-clock time
    end: dt.datetime
    location: str | None  # the place; may be left out when attendance is "online"
    summary: str
    body: str
    source: Source
    content_note: str | None = None  # shown before the text, and with the event in lists and feeds
    draft: bool = False
    attendance: str = "in_person"  # "in_person", "online" or "hybrid"
    joining: str | None = None  # how to join online, as shown to everyone
    joining_link: str | None = None  # a public link to join (open events only)
    former_ids: tuple[str, ...] = ()  # ids it was published under before, oldest first


@dataclass(frozen=True)
class Page:
    """Front matter of a hand-written page in docs/ (its body is MkDocs' to render)."""

    path: str  # relative to docs/
    title: str | None
    description: str | None
    content_note: str | None
    last_reviewed: dt.date | None
    next_review: dt.date | None
    draft: bool
    source: Source


@dataclass(frozen=True)
class Site:
    groups: tuple[Group, ...]
    priorities: tuple[Priority, ...]
    sectors: tuple[Term, ...]
    audiences: tuple[Term, ...]
    resource_types: tuple[Term, ...]
    governance: Governance
    newsletters: tuple[Newsletter, ...]  # newest first
    resources: tuple[Resource, ...]  # by title
    events: tuple[Event, ...]  # by start time
    pages: tuple[Page, ...]
    warnings: tuple[Problem, ...] = field(default=())
    support: Support = Support()
    history: SiteHistory = SiteHistory()  # when each content file was added and changed (git)

    def without_bodies(self) -> "Site":
        """The site with every item's Markdown body left out: what is made from the rendered pages
        (feeds, emails) needs none, and bodies are three quarters of its size at 5,000 resources.
        The lines of front-matter fields (for the check's messages) are left out too."""
        def bare(items):
            return tuple(replace(item, body="", source=replace(item.source, field_lines=())) for item in items)

        return replace(self, newsletters=bare(self.newsletters), resources=bare(self.resources), events=bare(self.events))

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def priority(self, priority_id: str) -> Priority:
        return next(p for p in self.priorities if p.id == priority_id)
