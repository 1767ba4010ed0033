"""Front-matter values as templates must receive them: text, escaped.

MkDocs' templates do not escape what they print, and Material prints
`page.meta` values (a page's title in `<title>` and the header, its
description in `<meta name="description">`) as they are — as it prints
`page.title` made from a heading, which MkDocs keeps as HTML. So every text
value of a page's front matter becomes `Markup`: its escaped form, which a
template prints as it is and which `| e` leaves alone (never escaped twice).
"""

from __future__ import annotations

from typing import Any, MutableMapping

from markupsafe import Markup, escape

# Names of files, not text: MkDocs opens the template it names.
NOT_TEXT = frozenset({"template"})


def escape_text_values(meta: MutableMapping[str, Any]) -> None:
    """Replace every text value of `meta` (in lists and mappings too) by its escaped form."""
    for key, value in meta.items():
        if key not in NOT_TEXT:
            meta[key] = _escaped(value)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)  # a Markup stays as it is
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value


def plain_text(value: Any) -> str:
    """A value of `page.meta` (escaped or not) or a page title as the text a reader sees."""
    if isinstance(value, Markup):
        return value.unescape()
    return str(value or "")

