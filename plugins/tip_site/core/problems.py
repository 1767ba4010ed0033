"""Problems found in content, worded for editors rather than programmers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import total_ordering
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One mistake in one file: where it is, what is wrong and how to fix it."""

    path: str
    line: int | None
    field: str | None
    message: str
    fix: str | None = None
    severity: Severity = "error"

    def sort_key(self) -> tuple:
        """By file, then line (problems about the whole file first): never compares None with a number."""
        return (
            str(self.path), self.line if isinstance(self.line, int) else 0, str(self.field or ""),
            str(self.message), str(self.fix or ""), str(self.severity),
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.fix:
            text += f" — {self.fix}"
        if self.severity == "warning":
            text = f"{text} (warning)"
        return text


class Problems:
    """Collects every problem of a run so editors see them all at once."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(
        self,
        path: str,
        line: int | None,
        field: str | None,
        message: str,
        fix: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self._items.append(Problem(path, line, field, message, fix, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self._items if p.severity == "error")

    def has_error(self, path: str, field_prefix: str) -> bool:
        """Whether an error in `path` concerns a field starting with `field_prefix` (no sorting)."""
        return any(
            p.severity == "error" and p.path == path and (p.field or "").startswith(field_prefix) for p in self._items
        )

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self._items if p.severity == "warning")

    def __len__(self) -> int:
        return len(self._items)


class SiteInvalid(Exception):
    """Raised when content has errors; carries every one of them."""

    def __init__(self, errors: list[Problem], warnings: list[Problem] | None = None) -> None:
        self.errors = errors
        self.warnings = warnings or []
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        heading = f"The content has {count} problem{'s' if count != 1 else ''} to fix:"
        return "\n".join([heading, *(f"  {p}" for p in self.errors)])
