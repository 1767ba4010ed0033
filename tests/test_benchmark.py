"""The benchmark's parts: synthetic content that our core accepts, and a tiny run that prints figures.

No timing is asserted: the benchmark reports figures, it does not judge them.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from sitekit import REPO

from tip_site.benchmark.projects import make_our_project, make_plain_project, plain_config
from tip_site.benchmark.synthetic_content import BUILD_DATE, write_synthetic_content
from tip_site.core import load_site


def _digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.relative_to(folder).as_posix().encode() + p.read_bytes() for p in files)).hexdigest()


def test_synthetic_content_is_valid_varied_and_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for root in (first, second):
        make_our_project(REPO, root, resources=120, newsletters=12, events=9)
    assert _digest(first / "content") == _digest(second / "content")

    import datetime as dt

    site = load_site(first, today=dt.date.fromisoformat(BUILD_DATE))  # raises with every problem if any
    assert (len(site.resources), len(site.newsletters), len(site.events)) == (120, 12, 9)
    assert len({r.title for r in site.resources}) == 120
    assert len({r.type for r in site.resources}) > 5 and all(n.cover for n in site.newsletters)
    bodies = "\n".join(r.body for r in site.resources)
    for markdown in ("\n## ", "\n- ", "\n1. ", "](https://", "![", "| Theme |"):
        assert markdown in bodies


def test_a_smaller_run_leaves_no_items_of_a_larger_one(tmp_path):
    write_synthetic_content(tmp_path, resources=30, newsletters=8, events=5)
    write_synthetic_content(tmp_path, resources=10, newsletters=4, events=2)
    assert len(list((tmp_path / "content/resources").glob("*.md"))) == 10
    assert len(list((tmp_path / "content/newsletters").glob("*.md"))) == 4


def test_plain_material_gets_the_same_markdown_and_only_the_search_plugin(tmp_path):
    ours = tmp_path / "ours"
    make_our_project(REPO, ours, resources=5, newsletters=2, events=2)
    pages = make_plain_project(ours, tmp_path / "plain")
    resource = next((ours / "content/resources").glob("*.md"))
    assert (tmp_path / "plain/docs/library" / resource.name).read_bytes() == resource.read_bytes()
    written_home = 0 if (ours / "docs/index.md").exists() else 1  # ours generates its home page
    assert pages == len(list((ours / "docs").rglob("*.md"))) + written_home + 5 + 2 + 2
    assert (tmp_path / "plain/docs/index.md").is_file()
    config = plain_config((REPO / "mkdocs.yml").read_text(), ["index.md", "about.md"])
    assert re.search(r"^plugins:\n  - search\n", config, re.M)
    assert "tip-" not in config and "custom_dir" not in config and "name: material" in config


def test_a_quick_benchmark_run_prints_build_and_page_weight_figures(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "tip_site.benchmark", "--sizes", "12", "--newsletters", "3", "--events", "3",
         "--repeats", "1", "--serve-edits", "2", "--serve-rebuilds", "3", "--speedups-off", "--workdir", str(tmp_path)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    number = r"[\d,.]+"
    assert re.search(rf"ours +{number} s +{number} pages +{number} ms/page +peak +{number} MB", out), out
    assert re.search(rf"plain +{number} s +{number} pages", out), out
    assert re.search(rf"ratio {number}× time, {number}× CPU time, {number}× peak memory", out), out
    assert re.search(rf"first visit, home: +{number} kB compressed in +\d+ files", out), out
    assert re.search(r"search, before it is opened: +0\.0 kB compressed in +0 files", out), out
    assert re.search(rf"until the first results .*{number} kB compressed .*\(([1-9]\d*) results shown\)", out), out
    assert re.search(rf"first results {number} s after the click, nothing cached \(in the page; median of \d+ visits; {number} s as the test tool", out), out
    assert "other hosts" not in out
    # Save to visible in mkdocs serve, with and without --dirty (which strict: true must not refuse).
    assert re.search(rf"save to visible in mkdocs serve: median {number} s of 2 edits", out), out
    assert re.search(rf"save to visible in mkdocs serve, saved while the whole site rebuilds: median {number} s of 2 edits", out), out
    assert re.search(rf"save to visible in mkdocs serve --dirty: median {number} s of 2 edits", out), out
    # The speed-ups off, and one `mkdocs serve` process's memory over its rebuilds.
    assert re.search(rf"speed-ups off, build 1: +{number} s", out), out
    assert re.search(rf"speed-ups off +{number} s \(CPU {number} s\): on is {number}× the time", out), out
    assert re.search(rf"mkdocs serve memory: {number} MB after the first build, {number} MB after 3 rebuilds, {number} MB after 3", out), out
    # The trap the issue measured: per-item pages must stay out of the sidebar of every page.
    sidebar = re.search(r"a resource page: .*; sidebar: (\d+) links, (\d+) to single items", out)
    assert sidebar and int(sidebar.group(1)) > 0 and sidebar.group(2) == "0", out
