"""The value object every page generator returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path of the Markdown source within the site, e.g. "groups/tip.md"
    markdown: str
