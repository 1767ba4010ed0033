"""The sanitiser: nh3 (Rust's ammonia) applying the site's allow-list to HTML made from editors' Markdown.

`clean_content` runs on the HTML Python-Markdown makes from every page
editors write (docs/ pages, and the editor's part of every resource,
newsletter issue and event page), before the site's own parts are put around
it. `clean_elsewhere` runs on every feed item and email edition, which are
read away from the site: document markup only, every address absolute.
Both apply the one rule of `core/link_schemes.py` to every address.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import urljoin

import nh3

from tip_site.core import html_policy as policy
from tip_site.core.link_schemes import ALLOWED_SCHEMES, malformed, refused_scheme
from tip_site.core.plain_text import markup_in_text

_CONTENT_POLICY = dict(
    tags=set(policy.TAGS),
    clean_content_tags=set(policy.DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in policy.ATTRIBUTES.items()},
    attribute_filter=policy.attribute_value,
    url_schemes=set(ALLOWED_SCHEMES),
    link_rel=None,  # links stay as editors wrote them (and as the check saw them)
)
_content_cleaner = nh3.Cleaner(**_CONTENT_POLICY, strip_comments=True)


def _preview_value(tag: str, name: str, value: str) -> str | None:
    # A draft's generated page mixes the editor's text with ours (and our classes) in one Markdown.
    return value if name == "class" else policy.attribute_value(tag, name, value)


_preview_cleaner = nh3.Cleaner(**{**_CONTENT_POLICY, "attribute_filter": _preview_value}, strip_comments=False)


def clean_content(html: str) -> str:
    """Editors' rendered HTML with everything outside the allow-list removed."""
    return _content_cleaner.clean(html) if html else html


def clean_draft_preview(html: str) -> str:
    """`clean_content` for the preview (`mkdocs serve`) of a draft resource, issue or event, read
    whole as Markdown: the site's own classes stay, and so do the comments that hold the places
    of its ready-made blocks (views/raw_html.py)."""
    return _preview_cleaner.clean(html) if html else html


# Feed readers and mail programs run no script and none of the site's styles: plain
# document markup travels, and what is about the site rather than the item (its
# navigation, forms, embedded media) does not.
ELSEWHERE_TAGS = frozenset(
    "a abbr address article aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt "
    "em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p picture pre q s samp "
    "section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
ELSEWHERE_ATTRIBUTES = frozenset(
    "abbr alt cite class colspan datetime dir headers height href hreflang id lang open reversed rowspan scope "
    "sizes span src srcset start title type width".split()
)
# Removed with everything inside them; any other element outside ELSEWHERE_TAGS is unwrapped, keeping its text.
ELSEWHERE_DROPPED = frozenset(
    "script style iframe object embed svg math form input button select textarea template noscript nav".split()
)


def _elsewhere_value(tag: str, name: str, value: str) -> str | None:
    if name in policy.URL_ATTRIBUTES and (refused_scheme(value) or malformed(value)):
        return None
    if name == "srcset" and any(refused_scheme(candidate.split()[0]) for candidate in value.split(",") if candidate.split()):
        return None
    if name == "style":  # only a table column's alignment (see `clean_elsewhere`)
        found = policy.alignment(value) if tag in ("td", "th") else None
        return f"text-align: {found};" if found else None
    return None if markup_in_text(value) else value  # a title or alt is text, never markup


def clean_elsewhere(fragment: str, page_url: str, keep_alignment: bool = False) -> str:
    """`fragment` (HTML of a page at `page_url`) fit to be read away from the site, every address made absolute.

    With `keep_alignment`, table cells keep their `text-align` style (email editions, whose
    styles are all inline; feed validators flag any style).
    """
    if not fragment.strip():
        return ""
    return nh3.clean(
        fragment,
        tags=set(ELSEWHERE_TAGS),
        clean_content_tags=set(ELSEWHERE_DROPPED),
        attributes={"*": set(ELSEWHERE_ATTRIBUTES) | ({"style"} if keep_alignment else set())},
        attribute_filter=_elsewhere_value,
        url_schemes=set(ALLOWED_SCHEMES),
        strip_comments=True,
        link_rel=None,
        url_relative=partial(_absolute, page_url),
    )


def _absolute(page_url: str, address: str) -> str:
    try:
        return urljoin(page_url, address.strip())
    except ValueError:
        return address
