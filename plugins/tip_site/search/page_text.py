"""The text a reader sees in a page's rendered content, for the search index and its excerpts.

Works on the HTML MkDocs gives `on_page_content` (the page's own content, never
the theme's header, navigation or footer). Left out: scripts, styles, the "¶"
of heading links, and any element marked `data-search-exclude` (the library's
cards, which repeat what each resource's own page says). Regular expressions
suffice because the HTML is MkDocs' own output, already well formed; an
unbalanced excluded element is dropped to the end of the page rather than let
through.
"""

from __future__ import annotations

import html as html_module
import re

_TAG_NAME = re.compile(r"[a-zA-Z][\w-]*")
_NOT_TEXT = re.compile(r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_NOT_TEXT_START = re.compile(r"<(?:script|style|template|!--)", re.I)
_HEADING_LINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')  # the "¶" the toc extension adds
# Tags inside a word ("<em>co</em>-op"): removed; every other tag separates words.
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def page_text(html: str) -> str:
    """The visible text of `html`, on one line."""
    if "data-search-exclude" in html:
        html = _without_excluded(html)
    if _NOT_TEXT_START.search(html):  # rare in page content: skip the slower pass without one
        html = _NOT_TEXT.sub(" ", html)
    if "headerlink" in html:
        html = _HEADING_LINK.sub("", html)
    text = _TAG.sub(" ", _INLINE_TAG.sub("", html))
    if "&" in text:
        text = html_module.unescape(text)
    return " ".join(text.split())


def first_paragraph_text(html: str, limit: int = 300) -> str:
    """The text of the first <p> of rendered HTML, for pages whose front matter has no description."""
    match = _FIRST_PARAGRAPH.search(html)
    if not match:
        return ""
    text = page_text(match.group(1))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _without_excluded(html: str) -> str:
    """`html` without the elements marked data-search-exclude (and all they contain)."""
    out = []
    position = 0
    while (marker := html.find("data-search-exclude", position)) >= 0:
        start = html.rfind("<", position, marker)
        end_of_tag = html.find(">", marker)
        inside_a_tag = start >= 0 and end_of_tag >= 0 and html.find(">", start, marker) < 0
        tag = _TAG_NAME.match(html, start + 1) if inside_a_tag else None
        if tag is None:  # the words outside a tag: text, not a mark
            out.append(html[position:marker + 1])
            position = marker + 1
            continue
        out.append(html[position:start])
        position = _end_of_element(html, tag.group(0).lower(), end_of_tag + 1)
    out.append(html[position:])
    return "".join(out)


def _end_of_element(html: str, tag: str, after_start: int) -> int:
    """Where the element whose start tag ends at `after_start` ends (its matching close tag)."""
    if tag in _VOID or html[after_start - 2:after_start] == "/>":
        return after_start
    pattern = re.compile(rf"<(/?){re.escape(tag)}\b[^>]*?(/?)>", re.I)
    depth = 1
    for match in pattern.finditer(html, after_start):
        if match.group(1):
            depth -= 1
        elif not match.group(2):
            depth += 1
        if depth == 0:
            return match.end()
    return len(html)
