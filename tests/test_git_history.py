"""Reading the content folder's history from git: renames, drafts, uncommitted files, odd layouts."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from sitekit import VALID_RESOURCE, TinySite, commit_all, git
from tip_site.core import load_site
from tip_site.core.git_log import blob_id

UTC = dt.timezone.utc
RESOURCE = "content/resources/toolkit.md"
EVENT = "content/events/cop-2025-q1.md"


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=UTC)


def history_of(root: Path, path: str):
    site = load_site(root, include_drafts=True)
    assert site.history.fallback is None, site.history.fallback
    return site.history.of(path)


def _edit(site: TinySite, path: str, old: str, new: str) -> None:
    file = site.root / path
    assert old in file.read_text()
    file.write_text(file.read_text().replace(old, new, 1))


def test_a_file_moved_with_git_mv_keeps_the_date_it_was_added(tmp_path):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    (site.root / "content/resources/guides").mkdir()
    git(site.root, "mv", RESOURCE, "content/resources/guides/toolkit.md")
    _edit(site, "content/resources/guides/toolkit.md", "How to use the toolkit.", "How to use the toolkit, step by step.")
    commit_all(site.root, "Move into a folder", "2026-02-01 10:00:00")
    history = history_of(site.root, "content/resources/guides/toolkit.md")
    assert (history.created, history.first_public, history.changed) == (at("2026-01-10 09:00"), at("2026-01-10 09:00"), at("2026-02-01 10:00"))
    assert history.public_ids == ("toolkit",)


def test_a_file_deleted_then_written_again_starts_a_new_history(tmp_path):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    (site.root / RESOURCE).unlink()
    commit_all(site.root, "Remove", "2026-01-20 09:00:00")
    site.write(RESOURCE, VALID_RESOURCE)
    commit_all(site.root, "Back again", "2026-02-01 10:00:00")
    assert history_of(site.root, RESOURCE).created == at("2026-02-01 10:00")


def test_a_draft_reaches_the_site_when_it_stops_being_one(tmp_path):
    site = TinySite(tmp_path).with_examples()
    _edit(site, RESOURCE, "url:", "draft: true\nurl:")
    commit_all(site.root, "Draft", "2026-01-10 09:00:00")
    _edit(site, RESOURCE, "draft: true\n", "")
    commit_all(site.root, "Publish", "2026-02-01 10:00:00")
    history = history_of(site.root, RESOURCE)
    assert (history.created, history.first_public) == (at("2026-01-10 09:00"), at("2026-02-01 10:00"))


def test_only_a_new_time_or_place_counts_as_a_move(tmp_path):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    steps = [
        ("title: Community of Practice meeting", "title: Community of Practice quarterly meeting", 0),  # a new title
        ("location: Online (Microsoft Teams)", "attendance: online\nlocation: Microsoft Teams", 0),  # the same place, said again
        ("end: 2025-02-10 12:00", "end: 2025-02-10 12:30", 1),
        ("attendance: online\nlocation: Microsoft Teams", "attendance: hybrid\nlocation: City Hall, Leicester", 2),
        ("start: 2025-02-10 10:00", "start: 2025-02-10 09:30", 3),
    ]
    for number, (old, new, moves) in enumerate(steps):
        _edit(site, EVENT, old, new)
        commit_all(site.root, f"Change {number}", f"2026-02-0{number + 1} 10:00:00")
        history = history_of(site.root, EVENT)
        assert history.moves == moves, number
        assert history.changed == at(f"2026-02-0{number + 1} 10:00")


def test_an_uncommitted_change_is_dated_by_head_and_ordered_after_it(tmp_path):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    _edit(site, EVENT, "start: 2025-02-10 10:00", "start: 2025-02-10 11:00")
    site.write("content/resources/new.md", VALID_RESOURCE.replace("id: toolkit", "id: new"))
    event, new, toolkit = (history_of(site.root, p) for p in (EVENT, "content/resources/new.md", RESOURCE))
    assert new.created == at("2026-01-10 09:00") and event.moves == 1
    assert event.changed == at("2026-01-10 09:00:01")  # a second after its own last commit, which is HEAD
    assert new.created_order > toolkit.created_order and event.changed_order > toolkit.changed_order
    assert new.public_ids == ()  # not published: never committed


def test_windows_line_endings_are_not_a_change(tmp_path):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    file = site.root / RESOURCE
    file.write_bytes(file.read_bytes().replace(b"\n", b"\r\n"))
    assert history_of(site.root, RESOURCE).changed_order == history_of(site.root, RESOURCE).created_order


def test_a_project_in_a_folder_of_a_larger_repository(tmp_path):
    (tmp_path / "website").mkdir()
    site = TinySite(tmp_path / "website").with_examples()
    commit_all(tmp_path, "Monorepo", "2026-01-10 09:00:00")
    assert history_of(site.root, RESOURCE).created == at("2026-01-10 09:00")


def test_one_git_log_reads_every_file(tmp_path, monkeypatch):
    site = TinySite(tmp_path).with_examples()
    for number in range(30):
        site.write(f"content/resources/guide-{number}.md", VALID_RESOURCE.replace("id: toolkit", f"id: guide-{number}"))
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(args, *rest, **options):
        if args and args[0] == "git":
            calls.append(args)
        return real_run(args, *rest, **options)

    monkeypatch.setattr(subprocess, "run", counting_run)
    load_site(site.root)
    commands = [next(a for a in call[3:] if not a.startswith("-") and "=" not in a) for call in calls]
    assert commands.count("log") == 1 and len(calls) <= 4, calls


@pytest.mark.parametrize(
    "setup, reason",
    [
        (lambda root: None, "not in a git repository"),
        (lambda root: git(root, "init", "-q"), "no commit yet"),
    ],
)
def test_without_history_the_reason_is_given(tmp_path, setup, reason):
    site = TinySite(tmp_path).with_examples()
    setup(site.root)
    loaded = load_site(site.root)
    assert reason in loaded.history.fallback and loaded.history.items == {}


def test_without_git_installed_the_build_still_loads(tmp_path, monkeypatch):
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert "git is not installed" in load_site(site.root).history.fallback


def test_blob_ids_match_git():
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_changes_committed_in_the_same_second_still_rise(tmp_path):
    """A script (or a test) may commit twice in one second: the second change must still be later."""
    site = TinySite(tmp_path).with_examples()
    commit_all(site.root, "Add", "2026-01-10 09:00:00")
    first = history_of(site.root, EVENT)
    _edit(site, EVENT, "start: 2025-02-10 10:00", "start: 2025-02-10 09:00")
    commit_all(site.root, "Earlier", "2026-01-10 09:00:00")
    second = history_of(site.root, EVENT)
    _edit(site, EVENT, "start: 2025-02-10 09:00", "start: 2025-02-10 08:30")  # not committed yet
    third = history_of(site.root, EVENT)
    assert first.changed < second.changed < third.changed
    assert (first.moves, second.moves, third.moves) == (0, 1, 2)
    assert first.created == second.created == third.created == at("2026-01-10 09:00")
