"""Ids that change after publication: listed in `former_ids`, checked against each other and the history.

An item's address and its feed and calendar identity come from its id. When an
editor corrects one, the old address must keep working (a redirect page) and
subscribers must not see the item twice: so the first id an item was published
under stays its identity for good (`original_id`), and the check refuses an id
changed on a published item unless the old one is listed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from tip_site.core.content_files import RESERVED_RESOURCE_IDS
from tip_site.core.history import SiteHistory
from tip_site.core.model import Event, Newsletter, Resource
from tip_site.core.problems import Problems

NEWSLETTER_ID = re.compile(r"^\d{4}-q[1-4]$")
RESERVED = {"resource": RESERVED_RESOURCE_IDS, "event": ("index",), "newsletter": ("index",)}
NOUNS = {"resource": "resource", "event": "event", "newsletter": "newsletter issue"}

Item = Newsletter | Resource | Event


def kind_of(item: Item) -> str:
    return "newsletter" if isinstance(item, Newsletter) else "resource" if isinstance(item, Resource) else "event"


def original_id(item: Item) -> str:
    """The id feed readers and calendars know the item by, for good: the first it was published under."""
    return item.former_ids[0] if item.former_ids else item.id


def check_former_ids(root: Path, items: Iterable[Item], history: SiteHistory, problems: Problems) -> None:
    """Former ids that clash, and ids changed after publication without being listed."""
    items = list(items)
    taken: dict[tuple[str, str], str] = {(kind_of(i), i.id): i.source.path for i in items}
    for item in items:
        kind, path = kind_of(item), item.source.path
        for index, former in enumerate(item.former_ids):
            where = f"former_ids[{index}]"
            line = _line(root, path, "former_ids")
            if former == item.id:
                problems.add(path, line, where, f"'{former}' is the current id", "list only ids it had before")
            elif kind == "newsletter" and not NEWSLETTER_ID.match(former):
                problems.add(path, line, where, f"'{former}' is not a newsletter id", "write the year and quarter it had, like 2025-q1")
            elif former in RESERVED[kind]:
                problems.add(path, line, where, f"'{former}' is the address of one of the site's own pages", "remove it")
            elif (kind, former) in taken:
                problems.add(path, line, where, f"'{former}' is used by {taken[(kind, former)]}", "an old address can lead to one item only: remove it from one of the two files")
            else:
                taken[(kind, former)] = path
        known = history.of(path)
        if known is None or not known.public_ids:
            continue
        first, *later = known.public_ids
        unlisted = [old for old in known.public_ids if old != item.id and old not in item.former_ids]
        noun = NOUNS[kind]
        if unlisted:
            listed = ", ".join([*item.former_ids, *unlisted])
            field = "former_ids" if kind == "newsletter" else "id"
            problems.add(
                path, _line(root, path, "former_ids" if item.former_ids else field if field == "id" else "quarter"), field,
                f"this {noun} was published as '{unlisted[0]}': a new id breaks its address and shows it twice in feed readers",
                f"add 'former_ids: [{listed}]' (oldest first) so the old address redirects here, or change the id back",
            )
        elif original_id(item) != first:
            problems.add(
                path, _line(root, path, "former_ids"), "former_ids",
                f"this {noun} was first published as '{first}': feeds and calendars know it by that id",
                f"put '{first}' first in former_ids",
            )


def _line(root: Path, path: str, name: str) -> int | None:
    """The line of `name:` in the file's front matter (read only when there is a problem to show)."""
    try:
        lines = (root / path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{name}:")), None)
