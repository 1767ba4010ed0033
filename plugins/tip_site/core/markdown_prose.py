"""The lines of Markdown that readers see as prose, not as code.

Checks that scan Markdown (unsafe HTML, images, links) skip fenced code blocks
and code spans, since Markdown shows those as text.
"""

from __future__ import annotations

import re
from typing import Iterator

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def visible_lines(text: str, first_line: int = 1, keep_code_spans: bool = False) -> Iterator[tuple[int, str]]:
    """(file line number, line) outside fenced code; code spans removed unless kept."""
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if ("`" in line or "~" in line) and _FENCE.match(line):  # the test first: most lines have neither
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line if keep_code_spans or "`" not in line else _CODE_SPAN.sub("", line)
