"""The site's sections as the header menu and the footer list them, and each page's contents list.

Python decides what is listed; the templates (partials/tip/site-menu.html,
footer-links.html, partials/toc.html) only display it. Addresses are relative
to the site's root, as MkDocs' `url` filter takes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # e.g. "library/"; "" is the home page
    current: str | None = None  # aria-current: "page" on the page itself, "true" within its section


# The footer's fixed groups, each link shown when its page exists.
HELP_LINKS = (("Need help now?", "help/"), ("Staying safe online", "safety/"), ("Contact", "contact/"))
WEBSITE_LINKS = (("Accessibility statement", "accessibility/"), ("Privacy notice", "privacy/"), ("Editors' guide", "editors/"))

# A page's contents ("On this page") are shown only from this many headings below its title.
MIN_CONTENTS_HEADINGS = 3


def _section(url: str) -> str:
    return url.strip("/").split("/", 1)[0]


def menu_links(entries: Sequence[Link], page_url: str | None) -> list[Link]:
    """The menu's links, the page's own or its section's marked as current.

    The current mark depends only on the first folder of the page's address, so
    every page of one section (a shell's pages among them) gets the same menu.
    """
    page_url = page_url or ""
    out = []
    for entry in entries:
        current = None
        if entry.url == page_url:
            current = "page"
        elif entry.url and _section(entry.url) == _section(page_url) and _section(page_url):
            current = "true"
        out.append(Link(entry.title, entry.url, current))
    return out


def footer_groups(
    nav_entries: Sequence[Link], menu: Sequence[Link], existing: Iterable[str]
) -> list[tuple[str, list[Link]]]:
    """The footer's groups: the navigation's other pages, help and safety, this website."""
    existing = set(existing)
    fixed = {url for _, url in HELP_LINKS + WEBSITE_LINKS}
    shown = {link.url for link in menu} | fixed | {""}
    groups = [
        ("The partnership", [link for link in nav_entries if link.url not in shown]),
        ("Help and safety", [Link(t, u) for t, u in HELP_LINKS if u in existing]),
        ("This website", [Link(t, u) for t, u in WEBSITE_LINKS if u in existing]),
    ]
    return [(title, links) for title, links in groups if links]


def heading_count(toc: Iterable) -> int:
    """Headings in a table of contents (MkDocs' AnchorLinks: `.children`), at every level."""
    return sum(1 + heading_count(item.children) for item in toc)


def page_contents(toc: Sequence) -> list:
    """The entries of a page's contents list below its title, or none if it has too few headings."""
    entries = list(toc)
    if entries and entries[0].level == 1:  # as Material does: the title's own headings
        entries = list(entries[0].children)
    return entries if heading_count(entries) >= MIN_CONTENTS_HEADINGS else []
