"""Tiny real sites in a temporary folder, built and checked as an editor would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The engine builds run with: MkDocs, or ProperDocs where it stands in for MkDocs (CI's second job).
ENGINE = os.environ.get("TIP_TEST_ENGINE", "mkdocs")

VALID_NEWSLETTER = """\
---
title: Spring 2025
year: 2025
quarter: 1
published: 2025-03-14
summary: News from the three groups.
groups: [tip, cop]
priorities: [awareness]
---

The conference is coming.
"""

VALID_RESOURCE = """\
---
id: toolkit
title: A trauma informed toolkit
summary: Practical steps for teams.
type: toolkit
audiences: [practitioners]
groups: [cop]
priorities: [workforce]
organisation: Leicester City Council
published: 2024-06-01
url: https://example.org/toolkit
---

How to use the toolkit.
"""

VALID_EVENT = """\
---
id: cop-2025-q1
title: Community of Practice meeting
kind: meeting
groups: [cop]
start: 2025-02-10 10:00
end: 2025-02-10 12:00
location: Online (Microsoft Teams)
summary: The quarterly meeting.
---

Agenda to follow.
"""


@dataclass
class Result:
    returncode: int
    output: str


class TinySite:
    """A copy of the project's configuration and data, with content of the test's choosing."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for name in ("mkdocs.yml",):
            shutil.copy(REPO / name, root / name)
        for folder in ("docs", "overrides", "content/data"):
            if (REPO / folder).exists():
                shutil.copytree(REPO / folder, root / folder)
        for folder in ("content/newsletters", "content/resources/files", "content/events"):
            (root / folder).mkdir(parents=True, exist_ok=True)

    def write(self, path: str, text: str | bytes) -> Path:
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")
        return file

    def with_examples(self) -> "TinySite":
        self.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER)
        self.write("content/resources/toolkit.md", VALID_RESOURCE)
        self.write("content/events/cop-2025-q1.md", VALID_EVENT)
        return self

    def _run(self, *args: str, env: dict[str, str] | None = None) -> Result:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
        proc = subprocess.run(
            [sys.executable, *args], cwd=self.root, env=env, capture_output=True, text=True, timeout=600
        )
        return Result(proc.returncode, proc.stdout + proc.stderr)

    def build(self, *extra: str, env: dict[str, str] | None = None) -> Result:
        return self._run("-m", ENGINE, "build", "--strict", *extra, env=env)

    def check(self) -> Result:
        return self._run("-m", "tip_site.check", ".")

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


def edited(path: str, template: str, old: str, new: str) -> dict[str, str]:
    """{path: template with `old` replaced once by `new`}: one editor's mistake in a valid file."""
    assert old in template, old
    return {path: template.replace(old, new, 1)}


def problem_reported(root: Path, path: str, words: str, **load_options):
    """Load the site, which must fail, and return the first problem in `path` containing `words`."""
    import pytest

    from tip_site.core import SiteInvalid, load_site

    with pytest.raises(SiteInvalid) as caught:
        load_site(root, **load_options)
    matching = [p for p in caught.value.errors if p.path == path and words in str(p)]
    assert matching, "\n".join(map(str, caught.value.errors))
    return matching[0]


def run_in_process(root: Path, *args: str) -> Result:
    """`mkdocs <args>` or `tip-check` run in this process, through the same entry points as the commands.

    A failing build stops in its first plugin event, so most of a subprocess's time would be
    Python starting and importing: the table of editor mistakes runs hundreds of these.
    """
    import contextlib
    import io
    import logging
    import traceback

    import click

    out = io.StringIO()
    previous = Path.cwd()
    code = 0
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                if args[0] == "check":
                    from tip_site.check import main

                    code = main([".", *args[1:]])
                else:
                    from mkdocs.__main__ import ColorFormatter, cli

                    ColorFormatter.text_wrapper.width = 0  # as when output goes to a pipe: no wrapping
                    cli.main(list(args), prog_name="mkdocs", standalone_mode=False)
            except click.exceptions.ClickException as error:
                error.show(file=out)
                code = error.exit_code
            except SystemExit as error:
                code = error.code if isinstance(error.code, int) else 1
            except BaseException:  # shown as the command would show it: the test then fails on "Traceback"
                out.write(traceback.format_exc())
                code = 1
            # What a fresh process would not have: the command's log handler, and the filters that
            # drop a message already logged (each run adds one, which would hide the next run's errors).
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.handlers[:] = [h for h in mkdocs_log.handlers if getattr(h, "name", "") != "MkDocsStreamHandler"]
            build_log = logging.getLogger("mkdocs.commands.build")
            build_log.filters[:] = [f for f in build_log.filters if type(f).__name__ != "DuplicateFilter"]
    finally:
        os.chdir(previous)
    return Result(code, out.getvalue())


def git(root: Path, *args: str, when: str | None = None) -> str:
    """Run git in a tiny site; `when` ("2026-03-01 10:00:00") fixes the commit's dates, so tests can order commits."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when} +0000"
    proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def commit_all(root: Path, message: str, when: str) -> None:
    """Commit everything in the site as an editor's pull request would land."""
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)
