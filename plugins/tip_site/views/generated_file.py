"""The value object every file generator returns: a file that is not a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    uri: str  # where it lands in the site, e.g. "library/index.json"
    content: str | None = None  # its text, or
    source: str | None = None  # a file to copy, relative to the project root
