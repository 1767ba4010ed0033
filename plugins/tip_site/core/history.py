"""What the repository's history says about each content file: when it was added, last changed,
first made public, under which ids it was published, how often its time or place moved.

Feeds order "what's new" by when an item reached the site (not by the date its
publisher gave it), calendars stamp revisions, and the check refuses an id
changed behind subscribers' backs: all read `ItemHistory`. It comes from git
(core/git_log.py) when the project has its full history. Without one (a
tarball, a shallow clone, no git) `SiteHistory.fallback` says why, and readers
fall back to the content's own dates.

A file not committed yet (an editor's preview) is dated by HEAD's commit and
ordered after every commit, so the same files on the same commit give the same
site, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from tip_site.core.git_log import DELETED, Commit, FileChange, NoHistory, blob_id, read_blobs, read_log
from tip_site.core.yaml_source import LineDict, YamlSyntaxError, parse_yaml


@dataclass(frozen=True)
class Version:
    """One state of a content file: committed, or the working copy when it differs."""

    commit: Commit
    path: str
    front_matter: Mapping[str, Any] | None  # None when it could not be read
    position: int = 0  # its place among its commit's changes


@dataclass(frozen=True)
class ItemHistory:
    created: dt.datetime  # the commit that added the file (renames followed), UTC
    created_order: int  # that commit's place in the history: later commits have higher numbers
    changed: dt.datetime  # its last change (a second after the change before it, at least)
    changed_order: int
    changed_position: int  # the last change's place among its commit's changes: tells apart files changed together
    first_public: dt.datetime | None = None  # the first version that was not a draft
    first_public_order: int = 0
    public_ids: tuple[str, ...] = ()  # the ids it was public under, in order, committed versions only
    moves: int = 0  # changes of time or place while public (events)


@dataclass(frozen=True)
class SiteHistory:
    items: Mapping[str, ItemHistory] = field(default_factory=dict)  # by source path
    # Why there is no history, for the build log: None when it came from git.
    fallback: str | None = "the history was not read"

    def of(self, source_path: str) -> ItemHistory | None:
        return self.items.get(source_path)


@dataclass(frozen=True)
class Kind:
    """How to read one kind of content file's past versions."""

    fields: tuple[str, ...]  # the front-matter fields read from past versions (reading only these is faster)
    id_of: Callable[[Mapping[str, Any]], str | None]
    # Its time and place, from its front matter: when they differ between versions, it moved.
    schedule: Callable[[Mapping[str, Any]], tuple] | None = None
    dated: bool = True  # has a `published` date before which it is not public


def read_history(
    root: Path, folder: str, files: Mapping[str, Kind], today: dt.date, current: Mapping[str, Mapping[str, Any]] | None = None,
) -> SiteHistory:
    """The history of each file of `files` (source path -> its kind), from one git log of `folder`.

    `today` ends the life of each file's last version: a scheduled item counts as
    public once its publication date has come. `current` may give, by path, the
    fields of each file as loaded: the version on disk is then not read again.
    """
    try:
        log = read_log(root, folder)
    except NoHistory as reason:
        return SiteHistory({}, f"{reason}; so feeds date items by their published date, and calendars carry no revision history")
    lineage = _lineage(log.changes)
    wanted = {path: changes for path, changes in lineage.items() if path in files}
    current = current or {}
    working = {path: _read(root, path) for path in files}
    unchanged = {path for path, changes in wanted.items() if working[path] is not None and _same(working[path], changes[-1].blob)}
    # Past versions only: the one on disk is read from the disk (or given in `current`).
    blobs = read_blobs(root, (
        change.blob for path, changes in wanted.items()
        for change in (changes[:-1] if path in unchanged and path in current else changes)
    ))
    items = {}
    for path, kind in files.items():
        changes = wanted.get(path, [])
        now = current[path] if path in current else _front_matter(working[path], kind.fields)
        versions = [
            Version(c.commit, c.path, now if path in unchanged and c is changes[-1] else _front_matter(blobs.get(c.blob), kind.fields), c.position)
            for c in changes
        ]
        if working[path] is not None and path not in unchanged:
            versions.append(Version(log.head, path, now))
        if versions:
            items[path] = _item_history(versions, kind, len(changes), today)
    return SiteHistory(items, None)


def _read(root: Path, path: str) -> bytes | None:
    try:
        with open(f"{root}/{path}", "rb") as file:
            return file.read()
    except OSError:
        return None


def _lineage(changes: Iterable[FileChange]) -> dict[str, list[FileChange]]:
    """Each file present at HEAD, with every change that led to it, through its renames."""
    alive: dict[str, list[FileChange]] = {}
    by_commit: dict[int, list[FileChange]] = {}
    for change in changes:
        by_commit.setdefault(change.commit.order, []).append(change)
    for order in sorted(by_commit):
        batch = by_commit[order]
        moved = {c.old_path: alive.pop(c.old_path, []) for c in batch if c.status == "R" and c.old_path}
        for change in batch:
            if change.status == "D":
                alive.pop(change.path, None)
            elif change.status == "R":
                alive[change.path] = [*moved.get(change.old_path, []), change]
            elif change.status == "A" or change.path not in alive:
                alive[change.path] = [change]
            else:
                alive[change.path].append(change)
    return alive


def _same(working: bytes, committed_blob: str) -> bool:
    """Whether the working copy is the committed file (allowing for Windows line endings)."""
    return committed_blob != DELETED and committed_blob in (blob_id(working), blob_id(working.replace(b"\r\n", b"\n")))


def _front_matter(data: bytes | None, fields: tuple[str, ...]) -> Mapping[str, Any] | None:
    """The given fields of a version's front matter; None if it has none, or it cannot be read."""
    if data is None:
        return None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None
    try:
        values = parse_yaml(_only("\n".join(lines[1:end]), fields))
    except YamlSyntaxError:
        return None
    return values if isinstance(values, LineDict) else None if values is not None else {}


def _only(text: str, fields: tuple[str, ...]) -> str:
    """The lines of the given top-level fields, with their indented continuation lines."""
    pattern = _FIELD_LINES.get(fields)
    if pattern is None:
        names = "|".join(re.escape(name) for name in fields)
        pattern = _FIELD_LINES[fields] = re.compile(rf"^(?:{names})[ \t]*:.*(?:\n[ \t-].*)*", re.MULTILINE)
    return "\n".join(pattern.findall(text))


_FIELD_LINES: dict[tuple[str, ...], re.Pattern] = {}


def _item_history(versions: list[Version], kind: Kind, committed: int, today: dt.date) -> ItemHistory:
    first, last = versions[0], versions[-1]
    # Each committed version was live until the next commit; the last one (and the working copy) until today.
    ends = [versions[i + 1].commit.time.date() if i + 1 < committed else today for i in range(len(versions))]
    live = [(index, v) for index, (v, end) in enumerate(zip(versions, ends)) if _is_public(v, kind, end)]
    public = [v for _, v in live]
    ids: list[str] = []
    for index, version in live:
        item_id = kind.id_of(version.front_matter or {})
        if index < committed and item_id and item_id not in ids:
            ids.append(item_id)
    moves = sum(1 for before, after in zip(public, public[1:]) if _schedule(before, kind) != _schedule(after, kind))
    return ItemHistory(
        created=first.commit.time,
        created_order=first.commit.order,
        changed=_last_stamp(versions),
        changed_order=last.commit.order,
        changed_position=last.position,
        first_public=public[0].commit.time if public else None,
        first_public_order=public[0].commit.order if public else 0,
        public_ids=tuple(ids),
        moves=moves,
    )


def _last_stamp(versions: list[Version]) -> dt.datetime:
    """When the last version was made, a second after the one before at least: each change of a
    file is later than its previous one, even for commits made in the same second or with a
    clock set wrong (calendars compare DTSTAMP, at one-second resolution)."""
    stamp = versions[0].commit.time
    for version in versions[1:]:
        stamp = max(version.commit.time, stamp + dt.timedelta(seconds=1))
    return stamp


def _is_public(version: Version, kind: Kind, live_until: dt.date) -> bool:
    """Not a draft, and (for dated items) its publication date reached while it was the current version."""
    values = version.front_matter
    if values is None or values.get("draft") is True:
        return False
    if kind.dated:
        published = str(values.get("published", "")).strip()
        if published and published > live_until.isoformat():
            return False
    return True


def _schedule(version: Version, kind: Kind) -> tuple:
    return kind.schedule(version.front_matter or {}) if kind.schedule else ()
