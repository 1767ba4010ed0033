"""Joining the site's own small stylesheets and scripts into one file of each kind.

Every file is a request on a first visit, and a phone on a poor signal pays
for each round trip more than for the bytes. Each part keeps a comment naming
its source, so the bundle still reads as the files it came from.
"""

from __future__ import annotations


def join_parts(parts: list[tuple[str, str]], kind: str) -> str:
    """`parts` as (source path, text) joined in order; scripts end with ';' so no two run together."""
    pieces = []
    for path, text in parts:
        body = text.rstrip()
        if kind == "js" and not body.endswith((";", "}")):
            body += ";"
        pieces.append(f"/* --- {path} --- */\n{body}\n")
    return "\n".join(pieces)
