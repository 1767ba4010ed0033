"""The library's facets: the four ways to narrow it (type, audience, group, priority).

One table describes each facet, so the index page, the per-value pages, the
JSON index and the tests all agree on names, order and meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from tip_site.core.model import Resource, Site


@dataclass(frozen=True)
class FacetValue:
    id: str
    name: str  # as shown in a filter or heading


@dataclass(frozen=True)
class Facet:
    key: str  # the URL parameter and the folder of its pages: ?type=guide, library/type/guide/
    label: str  # "Type"
    values: tuple[FacetValue, ...]  # in the order of content/data, which is also the bit order in the JSON index
    of: Callable[[Resource], tuple[str, ...]]  # the value ids a resource has


def facets(site: Site) -> tuple[Facet, ...]:
    return (
        Facet("type", "Type", tuple(FacetValue(t.id, t.name) for t in site.resource_types), lambda r: (r.type,)),
        Facet("audience", "Who it is for", tuple(FacetValue(a.id, a.name) for a in site.audiences), lambda r: r.audiences),
        Facet("group", "Group", tuple(FacetValue(g.id, f"{g.name} ({g.short_name})") for g in site.groups), lambda r: r.groups),
        Facet("priority", "Strategic priority", tuple(FacetValue(p.id, f"{p.number}. {p.title}") for p in site.priorities), lambda r: r.priorities),
    )

