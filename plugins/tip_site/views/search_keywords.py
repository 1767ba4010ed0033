"""What a resource's or an event's page is about, for the site search: facts from its front matter.

An event's place, or a resource's organisation, type and audiences, appear on the
item's own page once, in its line of details, while listings repeat them beside
every item they list. Given to search as the page's keywords, they weigh as much
as a heading, so the item's own page comes before the listings that mention it.
"""

from __future__ import annotations

from tip_site.core.model import Site
from tip_site.views.urls import event_uri, resource_uri


def search_keywords(site: Site) -> dict[str, tuple[str, ...]]:
    """{page uri: keywords} for every resource and event page."""
    types = {term.id: term.name for term in site.resource_types}
    audiences = {term.id: term.name for term in site.audiences}
    keywords: dict[str, tuple[str, ...]] = {}
    for resource in site.resources:
        facts = (resource.organisation, types.get(resource.type, ""), *(audiences.get(a, "") for a in resource.audiences))
        keywords[resource_uri(resource)] = tuple(fact for fact in facts if fact)
    for event in site.events:
        keywords[event_uri(event)] = (event.location,) if event.location else ()  # an online event may have none
    return keywords
