"""The pull-request preview: the summary step of the workflow, run on two real builds."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitekit import REPO, VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite

OTHER_RESOURCE = VALID_RESOURCE.replace("id: toolkit", "id: supervision").replace(
    "title: A trauma informed toolkit", "title: Reflective supervision guide")
NEW_RESOURCE = VALID_RESOURCE.replace("id: toolkit", "id: new-guide").replace(
    "title: A trauma informed toolkit", "title: A guide added by the pull request")
OTHER_EVENT = VALID_EVENT.replace("id: cop-2025-q1", "id: cop-2025-q2").replace("2025-02-10", "2025-05-12").replace(
    "title: Community of Practice meeting", "title: Spring meeting of the Community of Practice")


def summary_step() -> dict:
    workflow = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    return next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", "") and "preview-changes" in s.get("run", ""))


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """The base branch, and a pull request that adds, changes and removes a resource, an event and a page."""
    base = TinySite(tmp_path_factory.mktemp("base")).with_examples()
    base.write("content/resources/supervision.md", OTHER_RESOURCE)
    base.write("content/events/cop-2025-q2.md", OTHER_EVENT)
    head = TinySite(tmp_path_factory.mktemp("head")).with_examples()
    head.write("content/resources/new-guide.md", NEW_RESOURCE)  # added
    head.write("content/resources/toolkit.md", VALID_RESOURCE.replace("How to use the toolkit.", "How to use the toolkit, step by step."))
    head.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER)  # unchanged
    head.write("content/events/cop-2025-q1.md", VALID_EVENT.replace("Online (Microsoft Teams)", "City Hall, Leicester"))
    for site in (base, head):
        result = site.build()
        assert result.returncode == 0, result.output
    return base.site_dir, head.site_dir


def run_summary_step(base: Path, head: Path, tmp_path: Path) -> str:
    """Run the workflow's own command, with the paths and variables GitHub would give it."""
    step = summary_step()
    summary_file = tmp_path / "summary.md"
    runner_temp = tmp_path / "runner"
    (runner_temp / "base").mkdir(parents=True)
    (runner_temp / "base" / "site").symlink_to(base)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "site").symlink_to(head)
    (workspace / "scripts").symlink_to(REPO / "scripts")
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary_file),
        "RUNNER_TEMP": str(runner_temp),
        "PYTHON": sys.executable,
        **{k: "https://github.com/owner/repo/actions/runs/1/artifacts/2" for k in step.get("env", {})},
    }
    command = re.sub(r"\$\{\{[^}]*\}\}", "", step["run"])
    subprocess.run(["bash", "-e", "-c", command], cwd=workspace, env=env, check=True, timeout=120)
    return summary_file.read_text(encoding="utf-8")


def rows(summary: str, heading: str) -> dict[str, str]:
    """{title: change} from the table under `heading`."""
    section = summary.split(f"### {heading}", 1)[1].split("###", 1)[0]
    found = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] in ("Added", "Changed", "Removed"):
            found[cells[1]] = cells[0]
    return found


def test_the_summary_lists_what_the_pull_request_adds_changes_and_removes(two_builds, tmp_path):
    summary = run_summary_step(*two_builds, tmp_path)
    pages = rows(summary, "Pages")
    assert pages.get("A guide added by the pull request") == "Added", summary
    assert pages.get("A trauma informed toolkit") == "Changed"
    assert pages.get("Reflective supervision guide") == "Removed"
    assert not any("Spring 2025" in title for title in pages), "an unchanged newsletter issue is not listed"
    assert rows(summary, "Feed items") == {
        "A guide added by the pull request": "Added",
        "A trauma informed toolkit": "Changed",
        "Reflective supervision guide": "Removed",
    }
    assert rows(summary, "Calendar entries") == {
        "Community of Practice meeting": "Changed",
        "Spring meeting of the Community of Practice": "Removed",
    }
    # Each added or changed item links to the artifact, naming the file to open in it.
    assert "[`library/new-guide/index.html`](https://github.com/owner/repo/actions/runs/1/artifacts/2)" in summary
    assert "[`events/cop-2025-q1/index.html`](https://github.com/owner/repo/actions/runs/1/artifacts/2)" in summary


def test_two_identical_builds_change_nothing(two_builds, tmp_path):
    from tip_site.site_changes import site_changes, summary

    _, head = two_builds
    changes = site_changes(head, head)
    assert not changes
    assert "No page, feed item or calendar entry is added, changed or removed." in summary(changes)


def test_the_pull_request_job_uploads_the_site_before_it_writes_the_summary():
    workflow = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    preview = next(job for job in workflow["jobs"].values() if summary_step() in job["steps"])
    uses = [s.get("uses", "").split("@")[0] for s in preview["steps"]]
    upload = preview["steps"][uses.index("actions/upload-artifact")]
    assert upload["with"]["path"] == "site" and "id" in upload
    assert uses.index("actions/upload-artifact") < preview["steps"].index(summary_step())
    assert f"steps.{upload['id']}.outputs.artifact-url" in shlex.join(summary_step()["env"].values())
