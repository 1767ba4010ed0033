"""What every feed and calendar states about the site: its name, address and item ids."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdScheme:
    """The fixed part of every feed item id: a domain the partnership held, and a year it held it.

    Both are set once in mkdocs.yml and never changed, so ids survive a move to another address.
    """

    authority: str  # e.g. "trauma-informed-llr.github.io"
    year: int

    def item_id(self, kind: str, item_id: str) -> str:
        """A tag: URI (RFC 4151), e.g. tag:trauma-informed-llr.github.io,2026:resource/toolkit."""
        return f"tag:{self.authority.lower()},{self.year}:{kind}/{item_id}"


@dataclass(frozen=True)
class Publication:
    name: str
    url: str  # absolute, ending in "/"
    ids: IdScheme

    def absolute(self, site_path: str) -> str:
        return self.url + site_path
