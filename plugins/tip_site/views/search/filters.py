"""The filters of the site search: what kind of page, which group, which strategic priority, who it is for.

A resource has all four; a newsletter issue its groups and priorities; an event
its groups; a group's or a priority's own page that group or priority; every
other page is of the type "Pages" and nothing else. Choosing a group keeps the
pages that have it, so "Who it is for" keeps only resources, the one kind of
page that says. The groups', priorities' and audiences' names are the library's
(`library_facets.py`), so both speak of them alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from tip_site.core.model import Site
from tip_site.search.site_index import SearchFilter
from tip_site.views.library_facets import facets
from tip_site.views.urls import event_uri, group_uri, newsletter_uri, priority_uri, resource_uri

PAGE_TYPES = (("page", "Pages"), ("resource", "Resources"), ("newsletter", "Newsletters"), ("event", "Meetings and events"))
_ANY = {"group": "Any group", "priority": "Any priority", "audience": "Anyone"}
OTHER_PAGE: tuple[tuple[str, str], ...] = (("type", "page"),)


@dataclass(frozen=True)
class SearchFilters:
    filters: tuple[SearchFilter, ...]
    by_uri: Mapping[str, tuple[tuple[str, str], ...]]  # page uri: its (filter key, value id) pairs

    def of(self, uri: str) -> tuple[tuple[str, str], ...]:
        """The (filter key, value id) pairs of the page whose source is `uri` ("library/toolkit.md")."""
        return self.by_uri.get(uri, OTHER_PAGE)


def search_filters(site: Site) -> SearchFilters:
    library = {facet.key: facet for facet in facets(site)}
    filters = (
        SearchFilter("type", "Type", "Any type", PAGE_TYPES),
        *(SearchFilter(key, library[key].label, _ANY[key], tuple((v.id, v.name) for v in library[key].values))
          for key in ("group", "priority", "audience")),
    )
    by_uri: dict[str, tuple[tuple[str, str], ...]] = {}
    for group in site.groups:
        by_uri[group_uri(group)] = (*OTHER_PAGE, ("group", group.id))
    for priority in site.priorities:
        by_uri[priority_uri(priority)] = (*OTHER_PAGE, ("priority", priority.id))
    for resource in site.resources:
        by_uri[resource_uri(resource)] = (
            ("type", "resource"),
            *(("group", g) for g in resource.groups),
            *(("priority", p) for p in resource.priorities),
            *(("audience", a) for a in resource.audiences),
        )
    for newsletter in site.newsletters:
        by_uri[newsletter_uri(newsletter)] = (
            ("type", "newsletter"), *(("group", g) for g in newsletter.groups), *(("priority", p) for p in newsletter.priorities))
    for event in site.events:
        by_uri[event_uri(event)] = (("type", "event"), *(("group", g) for g in event.groups))
    return SearchFilters(filters, by_uri)
