"""Generated pages' ready-made HTML blocks, kept out of Python-Markdown's way.

Listing and resource pages are mostly HTML that our views already wrote
(cards, details lists, attachments). Python-Markdown parses every tag of it
only to pass it through unchanged, and MkDocs parses it again to collect ids:
profiled at 1,000 resources, that was a fifth of the whole build. Each such
block becomes a short placeholder before Markdown runs and is put back into
the rendered page afterwards, so the page comes out byte for byte the same.

Only a block that is one whole line, at the left margin, between blank lines,
opening and closing the same block-level element, outside fenced code, and not
asking md_in_html to read Markdown inside (`markdown=`) is set aside. MkDocs'
anchor check no longer sees ids inside such blocks: link to a Markdown heading
of a generated page, not to an id in its ready-made HTML.
"""

from __future__ import annotations

import re

_BLOCK_TAGS = "address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|nav|ol|p|section|table|ul"
_RAW_BLOCK = re.compile(rf"<({_BLOCK_TAGS})(?=[\s>])[^\n]*</\1>")
_FENCE = re.compile(r"^\s*(```|~~~)")
_PLACEHOLDER = re.compile(r"<!--tip-raw-(\d+)-->")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """`markdown` with its ready-made HTML blocks replaced by placeholders, and those blocks in order."""
    lines = markdown.split("\n")
    blocks: list[str] = []
    in_fence = False
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif (
            not in_fence
            and _RAW_BLOCK.fullmatch(line)
            and "markdown=" not in line
            and (number == 0 or not lines[number - 1].strip())
            and (number == len(lines) - 1 or not lines[number + 1].strip())
        ):
            lines[number] = f"<!--tip-raw-{len(blocks)}-->"
            blocks.append(line)
    return "\n".join(lines), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The rendered page with each placeholder replaced by its block again."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda match: blocks[int(match.group(1))], html)
