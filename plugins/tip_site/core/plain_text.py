"""Front matter and data files hold plain text: markup in them is refused, at its line.

A title, summary, location or a group's purpose is shown as it is written,
escaped wherever it lands (pages, the theme's header and meta tags, feeds,
emails, calendars), so HTML in it could only ever show up as code. It is
refused instead, so the editor hears about it: a tag (also one written with
character references, `&lt;script&gt;`), an event-handler attribute
(`" onmouseover="…`) or a script address (`javascript:…`).
"""

from __future__ import annotations

import html
import unicodedata

# Schemes that run script or show a page of the address's own making: never words in a sentence.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})

PLAIN_TEXT_FIX = "write plain text: the site shows it exactly as written, so it needs no HTML"


def markup_in_text(text: str) -> tuple[str, str] | None:
    """(message, fix) for markup in a plain-text value, or None if it is plain text."""
    decoded = html.unescape(text) if "&" in text else text
    tag = _first_tag(decoded)
    if tag is not None:
        return f"the text holds HTML ('{tag}')", PLAIN_TEXT_FIX
    handler = _event_handler(decoded)
    if handler is not None:
        return f"the text holds an event handler ('{handler}=') that could run script", PLAIN_TEXT_FIX
    address = _script_address(decoded)
    if address is not None:
        return f"the text holds a '{address}:' address, which could run script", "remove it; to link somewhere, use the field meant for the address"
    return None


def _first_tag(text: str) -> str | None:
    """The first tag in `text`, as a browser starts one: '<' right before a letter, '/', '!' or '?'."""
    start = text.find("<")
    while start >= 0:
        following = text[start + 1 : start + 2]
        if following and (following in "/!?" or (following.isascii() and following.isalpha())):
            end = text.find(">", start)
            return text[start : end + 1] if 0 < end - start < 40 else text[start : start + 20]
        start = text.find("<", start + 1)
    return None


def _event_handler(text: str) -> str | None:
    """An attribute name starting with 'on' right before '=' (spaces allowed), as in `onerror=`."""
    equals = text.find("=")
    while equals >= 0:
        name_end = equals
        while name_end > 0 and text[name_end - 1].isspace():
            name_end -= 1
        name_start = name_end
        while name_start > 0 and text[name_start - 1].isascii() and text[name_start - 1].isalpha():
            name_start -= 1
        name = text[name_start:name_end].lower()
        if len(name) > 2 and name.startswith("on"):
            return name
        equals = text.find("=", equals + 1)
    return None


def _script_address(text: str) -> str | None:
    """A script scheme written as an address: 'javascript:' right before something, after no letter
    ("JavaScript: a guide" is a sentence; "(javascript:alert(1))" and "java\tscript:…" are not)."""
    if ":" not in text:
        return None
    lowered = "".join(c for c in text if c == " " or not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))).lower()
    for name in SCRIPT_SCHEMES:
        start = lowered.find(name + ":")
        while start >= 0:
            after = lowered[start + len(name) + 1 : start + len(name) + 2]
            if (start == 0 or not lowered[start - 1].isalnum()) and after not in ("", " "):
                return name
            start = lowered.find(name + ":", start + 1)
    return None
