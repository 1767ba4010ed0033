"""Two files claiming one id: tell which one is the new copy, so the live one is never blamed.

An editor who copies a resource to start a new one often keeps its `id`. The
fix is to change the id of the copy: changing the original's would change the
address of a page people already link to. The copy is the file that is not on
`main` yet, where git can tell; otherwise the one committed later, or the newer
file on disk, or the one not named after the id.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

# Where the published site comes from, most specific first (GITHUB_BASE_REF is a pull request's target).
_PUBLISHED_REFS = ("main", "origin/main", "master", "origin/master")


@dataclass
class GitHistory:
    """What git knows about the files of a project; asked only when two files clash, and never raising."""

    root: Path
    _top: Path | None = None
    _asked: bool = False
    _published_ref: str | None = None
    _cache: dict = field(default_factory=dict)

    def _git(self, *args: str) -> subprocess.CompletedProcess | None:
        try:
            return subprocess.run(
                ["git", "-C", str(self.root), *args], capture_output=True, text=True, timeout=20,
                env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
            )
        except (OSError, subprocess.SubprocessError):
            return None

    def _repository(self) -> Path | None:
        if not self._asked:
            self._asked = True
            result = self._git("rev-parse", "--show-toplevel")
            if result is not None and result.returncode == 0 and result.stdout.strip():
                self._top = Path(result.stdout.strip()).resolve()
                base = os.environ.get("GITHUB_BASE_REF", "").strip()
                candidates = ((f"origin/{base}", base) if base else ()) + _PUBLISHED_REFS
                for ref in candidates:
                    check = self._git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
                    if check is not None and check.returncode == 0:
                        self._published_ref = ref
                        break
        return self._top

    @property
    def available(self) -> bool:
        return self._repository() is not None

    def _relative(self, file: Path) -> str | None:
        top = self._repository()
        if top is None:
            return None
        try:
            return file.resolve().relative_to(top).as_posix()
        except ValueError:
            return None

    def _exists_at(self, ref: str, file: Path) -> bool | None:
        relative = self._relative(file)
        if relative is None:
            return None
        key = (ref, relative)
        if key not in self._cache:
            result = self._git("cat-file", "-e", f"{ref}:{relative}")
            self._cache[key] = None if result is None else result.returncode == 0
        return self._cache[key]

    def on_published_branch(self, file: Path) -> bool | None:
        """Whether the file is on `main` (the published site); None if git cannot tell."""
        if self._repository() is None or self._published_ref is None:
            return None
        return self._exists_at(self._published_ref, file)

    @property
    def published_branch(self) -> str | None:
        self._repository()
        return self._published_ref

    def committed(self, file: Path) -> bool | None:
        """Whether the file is in the last commit (a file not yet committed is the newest)."""
        if self._repository() is None:
            return None
        return self._exists_at("HEAD", file)

    def added_at(self, file: Path) -> int | None:
        """When the commit that added the file was made (seconds), if git knows."""
        relative = self._relative(file)
        if relative is None:
            return None
        result = self._git("log", "-1", "--diff-filter=A", "--format=%ct", "--", relative)
        if result is None or result.returncode != 0 or not result.stdout.strip().isdigit():
            return None
        return int(result.stdout.strip())


def _age_key(file: Path, item_id: str, history: GitHistory) -> tuple:
    """Sorts the original (published, committed, older) before its copies."""
    on_main = history.on_published_branch(file)
    committed = history.committed(file)
    added = history.added_at(file) if history.available else None
    try:
        modified = 0.0 if history.available else file.stat().st_mtime  # a fresh clone's dates mean nothing
    except OSError:
        modified = 0.0
    named_after_id = Path(file.name).stem.lower() == str(item_id).lower()
    return (
        on_main is not True, committed is False, added if added is not None else float("inf"),
        modified, not named_after_id, file.as_posix(),
    )


def original_first(
    items: list[T], item_file: Callable[[T], Path], item_id: Callable[[T], str], history: GitHistory,
) -> tuple[T, list[T], bool]:
    """(the original, its copies, whether git says the original is on main)."""
    ranked = sorted(items, key=lambda item: _age_key(item_file(item), item_id(item), history))
    original = ranked[0]
    return original, ranked[1:], history.on_published_branch(item_file(original)) is True


def new_id_for(copy_file: Path, taken: Iterable[str], old_id: str) -> str:
    """An id to suggest for a copy: its file's name if that is free, else the old id numbered."""
    used = set(taken)
    stem = re.sub(r"[^a-z0-9]+", "-", Path(copy_file.name).stem.lower()).strip("-")
    if stem and stem != old_id and stem not in used:
        return stem
    number = 2
    while f"{old_id}-{number}" in used:
        number += 1
    return f"{old_id}-{number}"
