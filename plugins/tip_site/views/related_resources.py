"""Which resources a resource page suggests next: those sharing most priorities, then its type.

Scores depend only on a resource's (type, priorities), so they are computed
once per distinct pair rather than for every pair of resources: a library of
thousands stays quick to build.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from tip_site.core.model import Resource, Site

HOW_MANY = 4


def _score(a: tuple[str, frozenset], b: tuple[str, frozenset]) -> tuple[int, int]:
    """Shared priorities count double, the same type once; then the fewest priorities `a` does not have.

    The second part keeps a resource about everything (the strategy) from
    crowding out ones that are closer.
    """
    return (2 * len(a[1] & b[1]) + (a[0] == b[0]), -len(b[1] - a[1]))


def related_resources(site: Site, how_many: int = HOW_MANY, only: Iterable[Resource] | None = None) -> dict[str, tuple[Resource, ...]]:
    """For each resource id (of `only`, if given), up to `how_many` others: best score first; ties in
    the library's order of first appearance."""
    buckets: dict[tuple[str, frozenset], list[Resource]] = defaultdict(list)
    for resource in site.resources:  # site order: each bucket stays in the library's order
        buckets[(resource.type, frozenset(resource.priorities))].append(resource)
    keys = list(buckets)
    position = {key: i for i, key in enumerate(keys)}
    ranked: dict[tuple[str, frozenset], list[tuple[str, frozenset]]] = {}

    def ranking(key: tuple[str, frozenset]) -> list[tuple[str, frozenset]]:
        if key not in ranked:
            scored = [(_score(key, other), other) for other in keys]
            scored.sort(key=lambda s: (-s[0][0], -s[0][1], position[s[1]]))
            ranked[key] = [other for score, other in scored if score[0] > 0]
        return ranked[key]

    result: dict[str, tuple[Resource, ...]] = {}
    for resource in site.resources if only is None else only:
        chosen: list[Resource] = []
        for key in ranking((resource.type, frozenset(resource.priorities))):
            chosen += [r for r in buckets[key][: how_many + 1] if r.id != resource.id]
            if len(chosen) >= how_many:
                break
        result[resource.id] = tuple(chosen[:how_many])
    return result
