"""Where every kind of item lives on the site, in one place.

Page uris are paths of Markdown sources ("groups/tip.md"); MkDocs turns them
into directory URLs ("groups/tip/"). `link` gives the relative Markdown link
from one generated page to another, which MkDocs then checks and rewrites.
"""

from __future__ import annotations

import posixpath

from tip_site.core.model import Event, Group, Newsletter, Priority, Resource


def group_uri(group: Group | str) -> str:
    return f"groups/{_id(group)}.md"


def priority_uri(priority: Priority | str) -> str:
    return f"priorities/{_id(priority)}.md"


def resource_uri(resource: Resource | str) -> str:
    return f"library/{_id(resource)}.md"


def newsletter_uri(newsletter: Newsletter | str) -> str:
    return f"newsletters/{_id(newsletter)}.md"


def event_uri(event: Event | str) -> str:
    return f"events/{_id(event)}.md"


def link(from_uri: str, to_uri: str) -> str:
    """The relative link from the page at `from_uri` to the page at `to_uri`."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def page_url(uri: str) -> str:
    """The site-relative URL MkDocs gives a page (use_directory_urls)."""
    if uri == "index.md":
        return ""
    if uri.endswith("/index.md"):
        return uri[: -len("index.md")]
    return uri[: -len(".md")] + "/"


def _id(item: object) -> str:
    return item if isinstance(item, str) else item.id  # type: ignore[attr-defined]
