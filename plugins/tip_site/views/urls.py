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
    return relative_path(to_uri, posixpath.dirname(from_uri) or ".")


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for the site's own relative paths, in plain string work.

    The library's pages make about 100,000 links at 5,000 resources, and relpath's
    filesystem-style normalising (abspath, getcwd) was a third of generating them.
    """
    if ".." in path or ".." in start or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path, start)  # not one of ours: leave it to the standard library
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(to, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def page_url(uri: str) -> str:
    """The site-relative URL MkDocs gives a page (use_directory_urls)."""
    if uri == "index.md":
        return ""
    if uri.endswith("/index.md"):
        return uri[: -len("index.md")]
    return uri[: -len(".md")] + "/"


def _id(item: object) -> str:
    return item if isinstance(item, str) else item.id  # type: ignore[attr-defined]


# --- The resource library: its index, pages per facet value, attachments and data ---

LIBRARY_URI = "library/index.md"


def library_page_uri(number: int) -> str:
    """Page `number` of the whole library, listed without JavaScript (1 is the index)."""
    return LIBRARY_URI if number == 1 else f"library/page/{number}.md"


def facet_uri(facet_key: str, value_id: str, number: int = 1) -> str:
    """Page `number` of the resources with one facet value, e.g. library/type/guide/index.md.

    An index.md, not guide.md: a resource may have the same id as a facet value
    (library/toolkit.md), and link hints match pages by file name.
    """
    folder = f"library/{facet_key}/{value_id}"
    return f"{folder}/index.md" if number == 1 else f"{folder}/page/{number}.md"


def attachment_uri(file_name: str) -> str:
    return f"library/files/{file_name}"


def href(from_uri: str, to: str) -> str:
    """A relative URL for raw HTML, from the page at `from_uri` to a page uri (*.md) or a file's path."""
    target = page_url(to) if to.endswith(".md") else to
    relative = relative_path(target or ".", page_url(from_uri) or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative
