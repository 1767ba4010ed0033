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

    def value(self, value_id: str) -> FacetValue:
        return next(v for v in self.values if v.id == value_id)


def facets(site: Site) -> tuple[Facet, ...]:
    return (
        Facet("type", "Type", tuple(FacetValue(t.id, t.name) for t in site.resource_types), lambda r: (r.type,)),
        Facet("audience", "Who it is for", tuple(FacetValue(a.id, a.name) for a in site.audiences), lambda r: r.audiences),
        Facet("group", "Group", tuple(FacetValue(g.id, f"{g.name} ({g.short_name})") for g in site.groups), lambda r: r.groups),
        Facet("priority", "Strategic priority", tuple(FacetValue(p.id, f"{p.number}. {p.title}") for p in site.priorities), lambda r: r.priorities),
    )


def matching(resources: tuple[Resource, ...], facet_list: tuple[Facet, ...], chosen: dict[str, set[str]]) -> list[Resource]:
    """Resources that have at least one chosen value of every facet with a choice (the filters' meaning)."""
    by_key = {f.key: f for f in facet_list}
    return [
        r for r in resources
        if all(not values or set(by_key[key].of(r)) & values for key, values in chosen.items())
    ]
