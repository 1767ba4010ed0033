"""What a Markdown text links to, and which anchors it offers, with line numbers.

A light reading of Markdown (no rendering), fast enough to run over the whole
site on every check: inline links and images, reference definitions, HTML
`href`/`src`, headings (ATX and setext) with the ids Python-Markdown's `toc`
extension gives them, and explicit `{#id}` / `id="…"` anchors. Code blocks and
code spans are skipped, as Markdown shows them as text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from markdown.extensions.toc import slugify, unique

from tip_site.core.markdown_prose import visible_lines as _visible_lines

# [text](target "title") and ![alt](target); the target may be wrapped in < >.
_INLINE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+[\"'(][^)]*)?\s*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_HTML_ATTR = re.compile(r"<[a-z][^>]*?\s(href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_HTML_ID = re.compile(r"\sid\s*=\s*[\"']([^\"']+)[\"']", re.I)
_TRAILING_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_MD_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_ESCAPE = re.compile(r"\\(.)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
# [text](an address with spaces): Markdown shows it as text, not as a link.
_SPACED = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*([^()<>\s\"']+(?:\s+[^()<>\s\"']+)+)\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Link:
    target: str  # as written, e.g. "../about.md#why", "images/cover.jpg"
    line: int  # line within the text, from 1
    is_image: bool = False


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return "\n" * text.count("\n", 0, end + 5) + text[end + 5:]
    return text


def links(text: str, external: bool = False) -> list[Link]:
    """Every link and image target in the text that could point inside the site (all of them, if `external`)."""
    found: list[Link] = []
    if "](" not in text and "]:" not in text and "<" not in text:
        return found  # no link of any kind (the check reads every file of the site: most lines have none)
    for number, line in _visible_lines(text):
        if "](" in line:
            for match in _INLINE.finditer(line):
                found.append(Link(match.group(2).strip("<>"), number, match.group(1) == "!"))
        if "]:" in line:
            reference = _REFERENCE.match(line)
            if reference:
                found.append(Link(reference.group(1).strip("<>"), number))
        if "<" in line and "=" in line:
            for match in _HTML_ATTR.finditer(line):
                found.append(Link(html.unescape(match.group(2)), number, match.group(1).lower() == "src"))
    return [link for link in found if link.target and (external or not EXTERNAL.match(link.target))]


def spaced_links(text: str) -> list[Link]:
    """Links whose address has spaces (and no title in quotes): Markdown does not make them links."""
    found: list[Link] = []
    if "](" not in text:
        return found
    for number, line in _visible_lines(text):
        if "](" not in line:
            continue
        for match in _SPACED.finditer(line):
            found.append(Link(match.group(1), number, match.group(0).startswith("!")))
    return found


def rewrite_links(text: str, rewrite: Callable[[str], str | None]) -> str:
    """The text with each link target for which `rewrite` gives a new one replaced, code left alone."""
    if "](" not in text and "]:" not in text and "=" not in text:
        return text
    lines = text.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or ("](" not in line and "]:" not in line and "=" not in line):
            continue
        masked = _CODE_SPAN.sub(lambda m: "\0" * len(m.group()), line)
        spans = []
        for match in _INLINE.finditer(masked):
            spans.append(match.span(2))
        reference = _REFERENCE.match(masked)
        if reference:
            spans.append(reference.span(1))
        for match in _HTML_ATTR.finditer(masked):
            spans.append(match.span(2))
        for start, end in sorted(spans, reverse=True):
            written = line[start:end]
            angle = written.startswith("<") and written.endswith(">")
            target = written[1:-1] if angle else html.unescape(written)
            new = rewrite(target)
            if new is not None and new != target:
                lines[index] = lines[index][:start] + (f"<{new}>" if angle else new) + lines[index][end:]
    return "\n".join(lines)


def heading_text(raw: str) -> str:
    """A heading's visible text, as the `toc` extension slugifies it."""
    text = _TRAILING_ATTRS.sub("", raw)
    text = _MD_LINK_TEXT.sub(r"\1", text)
    text = _TAGS.sub("", text)
    text = _ESCAPE.sub(r"\1", _EMPHASIS.sub("", text))
    return html.unescape(text)


def anchors(text: str) -> frozenset[str]:
    """Every id a reader can jump to on the page made from this Markdown."""
    ids: set[str] = set()
    previous = ""
    for _, line in _visible_lines(_without_front_matter(text), keep_code_spans=True):
        heading = None
        atx = _ATX.match(line)
        if atx:
            heading = atx.group(2)
        elif _SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|", ">")):
            heading = previous.strip()
        if heading is not None:
            explicit = _ATTR_ID.search(heading)
            if explicit:
                ids.add(explicit.group(1))
            else:
                ids.add(unique(slugify(heading_text(heading), "-"), ids))
        else:
            ids.update(_ATTR_ID.findall(line))
        ids.update(_HTML_ID.findall(line))
        previous = line
    return frozenset(ids)
