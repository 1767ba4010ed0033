"""The GitHub Actions workflows parse, and call the README's commands."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml

from sitekit import REPO

WORKFLOWS = REPO / ".github" / "workflows"
README = (REPO / "README.md").read_text(encoding="utf-8")


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_workflow_parses_and_calls_only_existing_scripts(name):
    workflow = load(name)
    assert workflow["on"] and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest" and job["steps"]
    for command in runs(workflow):
        for script in re.findall(r"\./scripts/[\w-]+", command):
            path = REPO / script
            assert path.is_file() and os.access(path, os.X_OK), script
    for action in uses(workflow):
        assert action.startswith("actions/"), action  # official actions only


def test_pull_requests_run_the_check_a_strict_build_and_the_tests():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    commands = runs(workflow)
    for command in ("./scripts/check", "./scripts/build", "./scripts/test"):
        assert command in commands
        assert command in README  # the same commands a person runs
    assert commands.index("./scripts/check") < commands.index("./scripts/build") < commands.index("./scripts/test")
    assert uses(workflow)[:2] == ["actions/checkout", "actions/setup-python"]


def test_main_is_built_and_deployed_to_github_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["schedule"], "a daily build publishes scheduled content and moves past events"
    assert "./scripts/build" in runs(workflow) and "./scripts/build" in README
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    site_dir = yaml.safe_load(re.sub(r"!ENV\b", "", (REPO / "mkdocs.yml").read_text()).split("\ntheme:")[0])["site_dir"]
    assert upload["with"]["path"] == site_dir
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # Only the deploy job may write to Pages; the build (which runs editors' content) may not.
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pages" not in workflow["permissions"] and "id-token" not in workflow["permissions"]
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "pages" not in job.get("permissions", {}) and "id-token" not in job.get("permissions", {}), name


def test_a_failed_scheduled_publish_opens_or_updates_one_issue():
    workflow = load("publish.yml")
    report = next(job for job in workflow["jobs"].values() if any("open-issue" in r for r in (s.get("run", "") for s in job["steps"])))
    assert set(report["needs"]) == {"build", "deploy"}
    assert "failure()" in report["if"] and "schedule" in report["if"]
    assert report["permissions"]["issues"] == "write"
    step = next(s for s in report["steps"] if "open-issue" in s.get("run", ""))
    assert "GH_TOKEN" in step["env"]


def test_review_reminders_fail_and_file_an_issue_when_something_is_overdue():
    workflow = load("reviews.yml")
    assert "./scripts/check --reviews --strict" in runs(workflow)
    job = next(iter(workflow["jobs"].values()))
    issue_step = next(s for s in job["steps"] if "open-issue" in s.get("run", ""))
    assert issue_step["if"] == "failure()" and "GH_TOKEN" in issue_step["env"]
    assert job["permissions"]["issues"] == "write"


# The current major of each action we use (all run on Node 24; Node 20 majors are deprecated).
CURRENT_MAJORS = {
    "actions/checkout": "v6",
    "actions/setup-python": "v6",
    "actions/upload-artifact": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_action_is_on_its_current_major(name):
    for step in steps(load(name)):
        if "uses" in step:
            action, _, version = step["uses"].partition("@")
            assert CURRENT_MAJORS.get(action) == version, step["uses"]


def test_the_content_check_runs_alone_first_and_everything_else_after_it():
    jobs = load("pull-request.yml")["jobs"]
    first = [name for name, job in jobs.items() if "needs" not in job]
    assert len(first) == 1
    check_job = jobs[first[0]]
    assert [s["run"] for s in check_job["steps"] if "run" in s] == ["./scripts/setup", "./scripts/check"]
    assert check_job["timeout-minutes"] <= 10
    for name, job in jobs.items():
        if name != first[0]:
            assert job["needs"] == first[0] or first[0] in job["needs"], name


def test_actionlint_reports_nothing_on_the_workflows():
    result = subprocess.run([str(REPO / "scripts" / "actionlint")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


FAKE_GH = """#!/usr/bin/env bash
echo "$*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%b' "$GH_OPEN_ISSUES"; fi
"""


@pytest.mark.parametrize("open_issues, expected", [
    ("", "issue create --title The morning publish failed --body-file"),
    ("3\tSomething else\n12\tThe morning publish failed\n", "issue comment 12 --body-file"),
])
def test_open_issue_opens_one_issue_or_comments_on_the_open_one(tmp_path, open_issues, expected):
    (tmp_path / "gh").write_text(FAKE_GH)
    (tmp_path / "gh").chmod(0o755)
    body = tmp_path / "body.md"
    body.write_text("It failed.\n")
    log = tmp_path / "gh.log"
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}", "GH_LOG": str(log), "GH_OPEN_ISSUES": open_issues}
    subprocess.run([str(REPO / "scripts" / "open-issue"), "The morning publish failed", str(body)], env=env, check=True, timeout=30)
    calls = log.read_text().splitlines()
    assert calls[0].startswith("issue list --state open")
    assert calls[1:] == [f"{expected} {body}"]


def test_pull_request_template_has_an_editors_checklist():
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", template, re.M)) >= 5


@pytest.mark.parametrize("name", ["publish.yml", "pull-request.yml"])
def test_builds_and_tests_check_out_the_full_history(name):
    """Feeds date items by the commit that added them: a shallow clone would date them all alike."""
    jobs = [job for job in load(name)["jobs"].values() if any(
        command in step.get("run", "") for step in job["steps"] for command in ("./scripts/build", "./scripts/test"))]
    assert jobs
    for job in jobs:
        checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0
