"""The only module that runs git: the history of one folder, and the file versions it names.

Four short calls, whatever the number of files: `rev-parse` (is this a full
clone?), `show` (when HEAD was made), one `git log` for every file of the
folder (renames detected, so a file moved with `git mv` keeps its past), and
one `git cat-file --batch` for the versions asked for. Commits come from the
first-parent line of HEAD, so a change counts from the moment it reached the
branch being built, and dates are committer dates: the same commit always
gives the same answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

DELETED = "0" * 40


class NoHistory(Exception):
    """Why the folder's history cannot be read, in words for the build log."""


@dataclass(frozen=True)
class Commit:
    order: int  # 0 for the oldest commit that touched the folder, rising with each later one
    time: dt.datetime  # committer time, UTC


@dataclass(frozen=True)
class FileChange:
    commit: Commit
    status: str  # A (added), M (modified), T (type changed), D (deleted), R (renamed)
    path: str  # after the change, relative to the project root
    old_path: str | None  # before a rename
    blob: str  # the file's content after the change, as a git object id (DELETED when deleted)
    position: int = 0  # its place among the commit's changes (git lists them by path): fixed for good


@dataclass(frozen=True)
class GitLog:
    head: Commit  # HEAD (or the latest commit read, if later), ordered after every commit: what dates an uncommitted change
    changes: tuple[FileChange, ...]  # oldest commit first


def read_log(root: Path, folder: str) -> GitLog:
    """Every change to the files under `root/folder` on HEAD's first-parent line.

    Raises NoHistory when there is no usable history: no git, not a repository,
    no commit yet, or a shallow clone (its oldest commit would seem to add every file).
    """
    shallow, prefix = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix").split("\n")[:2]
    if shallow.strip() == "true":
        raise NoHistory("this is a shallow clone, so git cannot tell when files were added (clone the full history: fetch-depth: 0)")
    try:
        head_time = int(_git(root, "show", "--no-patch", "--format=%ct", "HEAD").strip())
    except NoHistory:
        raise NoHistory("the repository has no commit yet") from None
    raw = _git(
        root, "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev",
        "--find-renames", "-z", "--format=%x01%ct", "HEAD", "--", folder,
    )
    commits = [chunk for chunk in raw.split("\x01") if chunk]
    changes: list[FileChange] = []
    prefix = prefix.strip()
    for order, chunk in enumerate(reversed(commits)):
        header, _, entries = chunk.partition("\x00")
        commit = Commit(order, _utc(int(header.strip())))
        changes += _changes(commit, entries.lstrip("\n").split("\x00"), prefix)
    latest = max([_utc(head_time), *(change.commit.time for change in changes[-1:])])
    return GitLog(Commit(len(commits), latest), tuple(changes))


def read_blobs(root: Path, blob_ids: Iterable[str]) -> dict[str, bytes]:
    """The content of each object id, in one `git cat-file --batch`."""
    wanted = sorted(set(blob_ids) - {DELETED})
    if not wanted:
        return {}
    output = _run(root, ["cat-file", "--batch"], ("\n".join(wanted) + "\n").encode())
    blobs: dict[str, bytes] = {}
    position = 0
    for blob_id in wanted:
        header_end = output.index(b"\n", position)
        name, kind, *size = output[position:header_end].decode().split(" ")
        if kind != "blob":  # "missing": a partial clone without it
            position = header_end + 1
            continue
        start = header_end + 1
        end = start + int(size[0])
        blobs[name] = output[start:end]
        position = end + 1
    return blobs


def blob_id(data: bytes) -> str:
    """The id git gives a file with this content (`git hash-object`), to tell an uncommitted change."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def _changes(commit: Commit, fields: list[str], prefix: str) -> list[FileChange]:
    """`--raw -z` entries: ':<modes> <old id> <new id> <status>', then one path, or two for a rename."""
    changes = []
    position = 0
    while position < len(fields) and fields[position].startswith(":"):
        meta = fields[position].split(" ")
        status, new_blob = meta[-1], meta[-2]
        if status[0] in "RC":
            old, new = fields[position + 1], fields[position + 2]
            position += 3
        else:
            old, new = None, fields[position + 1]
            position += 2
        if status[0] == "C":  # a copy (not asked for): the new file starts its own history
            status, old = "A", None
        changes.append(FileChange(commit, status[0], _relative(new, prefix), _relative(old, prefix) if old else None, new_blob, len(changes)))
    return changes


def _relative(path: str, prefix: str) -> str:
    """Git names files from the top of the repository; the project may sit in a folder of it."""
    return path[len(prefix):] if prefix and path.startswith(prefix) else path


def _utc(seconds: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)


def _git(root: Path, *args: str) -> str:
    return _run(root, list(args)).decode("utf-8", errors="replace")


def _run(root: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, timeout=120,
            env=_environment(),
        )
    except FileNotFoundError:
        raise NoHistory("git is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NoHistory(f"git could not be run ({error})") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        if message and "not a git repository" in message[0]:
            raise NoHistory("the project is not in a git repository (a copy without its history, such as a tarball)")
        raise NoHistory(f"git {args[0]} failed: {message[0] if message else result.returncode}")
    return result.stdout


def _environment() -> dict[str, str]:
    """The caller's environment, less git variables that would point it elsewhere (a hook's GIT_DIR)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k.startswith(("GIT_CONFIG", "GIT_CEILING"))}
    environment["LC_ALL"] = "C"
    return environment
