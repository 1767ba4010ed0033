"""The governance structure as inline SVG diagrams and their text equivalent.

All are drawn from governance.yml, so the pictures and the words always agree
with the data. The wide layout is a plain top-down tree: each body sits above
the bodies that report to it; bodies that report to no one start their own
tree. On a phone its labels would be too small to read, so a second drawing,
a single column (each body below the body it reports to, indented), takes its
place there (CSS shows one or the other).
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

from tip_site.core.model import Body, Governance

BOX_W, BOX_H = 220, 70
GAP_X, GAP_Y = 24, 56
PAD = 12
LINE_CHARS = 30  # characters that fit on a line of a box at the font size used


@dataclass(frozen=True)
class Placed:
    body: Body
    x: float  # left edge
    y: float  # top edge


def children(governance: Governance, body: Body) -> list[Body]:
    return [b for b in governance.bodies if b.reports_to == body.id]


def roots(governance: Governance) -> list[Body]:
    return [b for b in governance.bodies if not b.reports_to]


def layout(governance: Governance) -> list[Placed]:
    """Place every body; a subtree is as wide as its widest row of leaves."""
    width: dict[str, int] = {}

    def measure(body: Body) -> int:
        width[body.id] = max(1, sum(measure(c) for c in children(governance, body)))
        return width[body.id]

    placed: list[Placed] = []

    def place(body: Body, slot: int, depth: int) -> None:
        span = width[body.id]
        centre = (slot + span / 2) * (BOX_W + GAP_X)
        placed.append(Placed(body, PAD + centre - (BOX_W + GAP_X) / 2, PAD + depth * (BOX_H + GAP_Y)))
        for child in children(governance, body):
            place(child, slot, depth + 1)
            slot += width[child.id]

    slot = 0
    for root in roots(governance):
        measure(root)
        place(root, slot, 0)
        slot += width[root.id]
    return placed


def _box(p: Placed) -> str:
    name_lines = textwrap.wrap(p.body.name, LINE_CHARS)[:2]
    cx = p.x + BOX_W / 2
    texts = [f'<text x="{cx:g}" y="{p.y + 22:g}" class="tip-diagram__short">{html.escape(p.body.short_name)}</text>']
    texts += [f'<text x="{cx:g}" y="{p.y + 42 + 16 * i:g}">{html.escape(line)}</text>' for i, line in enumerate(name_lines)]
    return (
        f'<g><rect x="{p.x:g}" y="{p.y:g}" width="{BOX_W}" height="{BOX_H}" rx="6"/>' + "".join(texts) + "</g>"
    )


def _line(child: Placed, parent: Placed) -> str:
    x1, y1 = child.x + BOX_W / 2, child.y
    x2, y2 = parent.x + BOX_W / 2, parent.y + BOX_H
    mid = (y1 + y2) / 2
    return f'<path d="M{x1:g} {y1:g} V{mid:g} H{x2:g} V{y2 + 2:g}" marker-end="url(#tip-arrow)"/>'


def governance_svg(governance: Governance) -> str:
    placed = layout(governance)
    if not placed:
        return ""
    by_id = {p.body.id: p for p in placed}
    w = max(p.x for p in placed) + BOX_W + PAD
    h = max(p.y for p in placed) + BOX_H + PAD
    lines = [by_id[b.id] for b in governance.bodies if b.reports_to in by_id]
    return (
        f'<svg class="tip-diagram" viewBox="0 0 {w:g} {h:g}" width="{w:g}" height="{h:g}" role="img" '
        'aria-labelledby="tip-diagram-title tip-diagram-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="tip-diagram-title">The governance structure of the partnership</title>'
        '<desc id="tip-diagram-desc">Each arrow points to the body a body reports to. '
        "The same structure is described in words below the diagram.</desc>"
        '<defs><marker id="tip-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="tip-diagram__arrow"/></marker></defs>'
        '<g class="tip-diagram__lines">' + "".join(_line(c, by_id[c.body.reports_to]) for c in lines) + "</g>"
        '<g class="tip-diagram__boxes">' + "".join(_box(p) for p in placed) + "</g>"
        "</svg>"
    )


# The single column for narrow screens: drawn at about the width of a phone's screen.
COLUMN_W = 320
INDENT = 22
COLUMN_BOX_H = 62
COLUMN_GAP = 20
CHAR_W = 7.0  # the average width of a character at the diagram's font size


def column_layout(governance: Governance) -> list[tuple[Body, int]]:
    """Every body with its depth, each followed by the bodies that report to it."""
    placed: list[tuple[Body, int]] = []

    def visit(body: Body, depth: int) -> None:
        placed.append((body, depth))
        for child in children(governance, body):
            visit(child, depth + 1)

    for root in roots(governance):
        visit(root, 0)
    return placed


def governance_column_svg(governance: Governance) -> str:
    """The same structure as one column: readable at a phone's width, where the tree is not."""
    placed = column_layout(governance)
    if not placed:
        return ""
    boxes, lines = [], []
    where: dict[str, tuple[float, float]] = {}  # body id -> (x, y) of its box
    for index, (body, depth) in enumerate(placed):
        x, y = PAD + depth * INDENT, PAD + index * (COLUMN_BOX_H + COLUMN_GAP)
        width = COLUMN_W - PAD - x
        where[body.id] = (x, y)
        name_lines = textwrap.wrap(body.name, max(10, int((width - 16) / CHAR_W)))[:2]
        texts = [f'<text x="{x + 10:g}" y="{y + 22:g}" class="tip-diagram__short">{html.escape(body.short_name)}</text>']
        texts += [f'<text x="{x + 10:g}" y="{y + 40 + 15 * i:g}">{html.escape(line)}</text>' for i, line in enumerate(name_lines)]
        boxes.append(f'<g><rect x="{x:g}" y="{y:g}" width="{width:g}" height="{COLUMN_BOX_H}" rx="6"/>' + "".join(texts) + "</g>")
        if body.reports_to in where:
            px, py = where[body.reports_to]
            lx = px + INDENT / 2
            lines.append(f'<path d="M{x:g} {y + COLUMN_BOX_H / 2:g} H{lx:g} V{py + COLUMN_BOX_H + 2:g}" marker-end="url(#tip-arrow-column)"/>')
    height = PAD + len(placed) * (COLUMN_BOX_H + COLUMN_GAP) - COLUMN_GAP + PAD
    return (
        f'<svg class="tip-diagram-column" viewBox="0 0 {COLUMN_W} {height:g}" width="{COLUMN_W}" height="{height:g}" role="img" '
        'aria-labelledby="tip-diagram-column-title tip-diagram-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="tip-diagram-column-title">The governance structure of the partnership</title>'
        '<defs><marker id="tip-arrow-column" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="tip-diagram__arrow"/></marker></defs>'
        '<g class="tip-diagram__lines">' + "".join(lines) + "</g>"
        '<g class="tip-diagram__boxes">' + "".join(boxes) + "</g>"
        "</svg>"
    )


def governance_in_words(governance: Governance) -> str:
    """A nested HTML list of who reports to whom: the diagram's text equivalent."""

    def item(body: Body) -> str:
        line = f"<strong>{html.escape(body.name)} ({html.escape(body.short_name)})</strong>"
        if body.reports_to:
            line += f", reports to the {html.escape(governance.body(body.reports_to).short_name)}"
        if body.reporting:
            line += f". {html.escape(body.reporting)}"
        below = children(governance, body)
        if below:
            line += "<ul>" + "".join(item(c) for c in below) + "</ul>"
        return f"<li>{line}</li>"

    return "<ul>" + "".join(item(r) for r in roots(governance)) + "</ul>"
