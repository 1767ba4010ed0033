"""The GitHub Actions workflows parse, and call the README's commands."""

from __future__ import annotations

import os
import re

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
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"


def test_review_reminders_run_the_review_report():
    assert "./scripts/check --reviews" in runs(load("reviews.yml"))


def test_pull_request_template_has_an_editors_checklist():
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", template, re.M)) >= 5


@pytest.mark.parametrize("name", ["publish.yml", "pull-request.yml"])
def test_builds_check_out_the_full_history(name):
    """Feeds date items by the commit that added them: a shallow clone would date them all alike."""
    checkout = next(s for s in steps(load(name)) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
