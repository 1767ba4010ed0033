"""Refuse raw HTML that could run script on the site.

Editors may use some HTML in Markdown, but nothing that executes: script and
embedding elements, event-handler attributes, and javascript: addresses. Code
blocks and code spans are skipped, since Markdown shows them as text.
"""

from __future__ import annotations

import re

from tip_site.core.markdown_prose import visible_lines
from tip_site.core.problems import Problems

_RULES = (
    (re.compile(r"<\s*(script|iframe|object|embed|applet|frame|frameset|base|form|meta|link|style)\b", re.I),
     "the HTML element <{0}> is not allowed in content",
     "remove it; to show a video or form, link to it instead"),
    (re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I | re.S),
     "the HTML attribute '{0}' could run script and is not allowed",
     "remove the attribute"),
    (re.compile(r"(?:\(|=\s*[\"']?|<)\s*(javascript\s*:|vbscript\s*:|data\s*:\s*text/html)", re.I),
     "a '{0}' address could run script and is not allowed",
     "link to an ordinary https:// page instead"),
)


# Every rule needs one of these: most bodies have none, and skip the line-by-line scan.
_ANY_RULE_COULD_MATCH = re.compile(r"<|script\s*:|data\s*:", re.I)
_ADDRESS_COULD_MATCH = re.compile(r"(?:script|data)\s*:")  # the same, on lower-case ASCII text without "<"


def _any_rule_could_match(body: str) -> bool:
    """`_ANY_RULE_COULD_MATCH.search(body)`, quicker: a case-blind regex scan is slow on long text.

    Only for ASCII text: there, lower-casing is exactly what re.I matches (elsewhere re.I
    also matches letters such as the long s, which lower() leaves as they are).
    """
    if "<" in body:
        return True
    if body.isascii():
        lowered = body.lower()
        return ("script" in lowered or "data" in lowered) and _ADDRESS_COULD_MATCH.search(lowered) is not None
    return _ANY_RULE_COULD_MATCH.search(body) is not None


def check_markdown_safety(body: str, path: str, first_line: int, problems: Problems) -> None:
    if not _any_rule_could_match(body):
        return
    for line_number, visible in visible_lines(body, first_line):
        for pattern, message, fix in _RULES:
            match = pattern.search(visible)
            if match:
                word = re.sub(r"\s+", "", match.group(1)).lower()
                problems.add(path, line_number, None, message.format(word), fix)
