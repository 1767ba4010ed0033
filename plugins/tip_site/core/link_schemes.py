"""The one rule for every address on the site: which schemes a link or an image may use.

Editors' Markdown (inline, reference-style and autolinks), their raw HTML,
the `url` fields of front matter and data files, feed items and email
editions all go through `refused_scheme`. A browser reads an address after
decoding character references and skipping control characters, tabs and
newlines, so the rule reads it that way too — `jav&#x09;ascript:` and
`java\\x01script:` are `javascript:` — and then allows only the schemes below,
or none at all (an address relative to the page).
"""

from __future__ import annotations

import html
import unicodedata

ALLOWED_SCHEMES = frozenset(
    {
        "https",  # web pages
        "http",  # older web pages that still have no https address
        "mailto",  # email addresses (Markdown's <name@example.org> autolinks too)
        "tel",  # phone numbers people can tap on a phone: support lines above all
        "webcal",  # calendar subscriptions: the site's own "Add to your calendar" links
    }
)

_SCHEME_START = frozenset("abcdefghijklmnopqrstuvwxyz")
_SCHEME_CHARACTERS = _SCHEME_START | frozenset("0123456789+-.")


def as_browsers_read_it(address: str) -> str:
    """`address` with character references decoded and every control, format and space character dropped."""
    decoded = html.unescape(address) if "&" in address else address
    if decoded.isascii() and decoded.isprintable() and " " not in decoded:
        return decoded  # most addresses: nothing to drop
    return "".join(c for c in decoded if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))


def scheme(address: str) -> str | None:
    """The address's scheme in lower case, or None if it is relative (no scheme before its path)."""
    return _scheme_of(as_browsers_read_it(address))


def _scheme_of(text: str) -> str | None:
    colon = text.find(":")
    if colon <= 0:
        return None
    head = text[:colon].lower()
    if not head.isascii():  # compatibility forms count as the letters they look like: "javaſcript"
        head = unicodedata.normalize("NFKC", head).lower()
    if head[0] not in _SCHEME_START or not set(head) <= _SCHEME_CHARACTERS:
        return None  # a ':' after the path has begun ("a/b:c", "?q=a:b"): a relative address
    return head


# Characters no address holds as they are (RFC 3986 has them percent-encoded): where one
# stands, something other than an address was written (`javascript:…` in backticks, say).
NOT_IN_ADDRESSES = frozenset('`"<>')


def malformed(address: str) -> bool:
    """True if `address`, read as browsers read it, holds a character no address holds."""
    return not NOT_IN_ADDRESSES.isdisjoint(as_browsers_read_it(address))


def refused_scheme(address: str) -> str | None:
    """The scheme that keeps `address` off the site ("javascript"), or None if it may be used."""
    found = scheme(address)
    return found if found is not None and found not in ALLOWED_SCHEMES else None


def allowed_address(address: str) -> bool:
    """True if `address` may be used: a scheme the rule allows (or none), and nothing that is not an address."""
    read = as_browsers_read_it(address)
    found = _scheme_of(read)
    return (found is None or found in ALLOWED_SCHEMES) and NOT_IN_ADDRESSES.isdisjoint(read)
