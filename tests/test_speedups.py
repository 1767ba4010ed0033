"""The speed-ups on give the very site they give off, or say so and fall back: never a wrong page.

Each test builds one site twice, with TIP_SPEEDUPS=1 and TIP_SPEEDUPS=0 (every
page then rendered by MkDocs and Material alone), and compares every file.
The sites carry what a maintainer might add: per-page values in main.html, in
a partial, from a hook and from a plugin, other `toc` settings.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import ENGINE, REPO, TinySite
from tip_site.benchmark.projects import make_our_project
from tip_site.benchmark.synthetic_content import BUILD_DATE

ON, OFF = {"TIP_SPEEDUPS": "1", "TIP_BUILD_DATE": BUILD_DATE}, {"TIP_SPEEDUPS": "0", "TIP_BUILD_DATE": BUILD_DATE}


def _site(root: Path, resources: int, newsletters: int = 8, events: int = 10) -> TinySite:
    make_our_project(REPO, root, resources, newsletters, events)
    site = TinySite.__new__(TinySite)
    site.root = root
    return site


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - 80):at + 80]!r} != {b[max(0, at - 80):at + 80]!r}"


def _built_both_ways(site: TinySite, tmp_path: Path) -> tuple[str, dict[str, bytes], dict[str, bytes]]:
    """The build log with speed-ups on, and both sites' files.

    With speed-ups on, a strict build may stop only for the proof's own warnings (pages it
    found different and rendered again in full): the site it wrote must still be right.
    """
    on_dir, off_dir = tmp_path / "site-on", tmp_path / "site-off"
    on = site.build("--site-dir", str(on_dir), env=ON)
    warnings = [line for line in on.output.splitlines() if line.startswith("WARNING")]
    assert on.returncode == 0 or (warnings and all("rendered in full" in line for line in warnings)), on.output
    off = site.build("--site-dir", str(off_dir), env=OFF)
    assert off.returncode == 0, off.output
    assert "Speed-ups off" in off.output, off.output
    return on.output, _files(on_dir), _files(off_dir)


def _assert_same(on: dict[str, bytes], off: dict[str, bytes]) -> None:
    assert on.keys() == off.keys()
    different = sorted(path for path in on if on[path] != off[path])
    assert not different, f"{len(different)} files differ, first {different[0]} " + _first_difference(on[different[0]], off[different[0]])


def _speedups_line(log: str) -> str:
    return next(line for line in log.splitlines() if "Speed-ups:" in line)


def test_a_synthetic_site_of_200_resources_is_the_same_with_speedups_on_and_off(tmp_path):
    site = _site(tmp_path / "project", resources=200, newsletters=12, events=20)
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    used = _speedups_line(log)
    filled = int(re.search(r"Speed-ups: ([\d,]+) of [\d,]+ pages from \d+ shells", used).group(1).replace(",", ""))
    assert filled > 150, used  # the shells were really used, not all proofs failed
    assert "through one Markdown parser" in used and "gc.freeze" in used and "WARNING" not in log
    assert re.search(r"[\d,]+ pages' contents packed until rendered", used), used


def test_the_shipped_site_is_the_same_with_speedups_on_and_off(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(REPO, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "*.egg-info", "__pycache__"))
    site = TinySite.__new__(TinySite)
    site.root = project
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    assert "WARNING" not in log


# A reading time and other per-page values, where maintainers would put them.
READING_TIME_MAIN = """\
{% block content %}
  {{ super() }}
  <p class="reading-time">{{ page.content | striptags | wordcount }} words</p>
{% endblock %}
"""
COARSE_PARTIAL = """\
{#- A value most pages share and a few do not: the hardest for a sample to catch. -#}
{% if (page.content | length) > 6000 %}<p class="long-read">A long read</p>{% endif %}
{% if page.url.endswith("1/") %}<p class="featured">Featured</p>{% endif %}
{% if config.extra.notices and page.url in config.extra.notices %}<p class="notice">{{ config.extra.notices[page.url] }}</p>{% endif %}
"""
HOOK = """\
def on_page_context(context, page, config, nav):
    words = len((page.content or "").split())
    context["reading_minutes"] = max(1, round(words / 400))
    if page.url.endswith("7/"):
        page.tip_test_badge = "Seven"
    return context
"""
HOOK_TEMPLATE = """\
{% block footer %}
  <p class="minutes">{{ reading_minutes }} min</p>{% if page.tip_test_badge %}<p class="badge">{{ page.tip_test_badge }}</p>{% endif %}
  {{ super() }}
{% endblock %}
"""


def _extend_main(site: TinySite, blocks: str) -> None:
    """A maintainer's main.html: the project's, with these blocks on top."""
    overrides = site.root / "overrides"
    (overrides / "main.html").rename(overrides / "project-main.html")
    (overrides / "main.html").write_text('{% extends "project-main.html" %}\n' + blocks, encoding="utf-8")


def test_a_reading_time_in_main_html_gives_the_same_site_or_a_warning(tmp_path):
    site = _site(tmp_path / "project", resources=60)
    _extend_main(site, READING_TIME_MAIN)
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    assert "words</p>" in on["library/index.html"].decode()
    # Every page differs beyond the shells' slots: no shell was proved, so none served a page.
    assert re.search(r"Speed-ups: 0 of [\d,]+ pages from 0 shells", log) and "page shapes rendered in full" in log, _speedups_line(log)


def test_per_page_values_in_a_partial_a_hook_and_a_plugin_attribute_give_the_same_site(tmp_path):
    site = _site(tmp_path / "project", resources=50)
    (site.root / "overrides/partials/tip/coarse.html").write_text(COARSE_PARTIAL, encoding="utf-8")
    _extend_main(site, '{% block content %}\n  {{ super() }}\n  {% include "partials/tip/coarse.html" %}\n{% endblock %}\n' + HOOK_TEMPLATE)
    (site.root / "hooks.py").write_text(HOOK, encoding="utf-8")
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    first_resource = sorted((site.root / "content/resources").glob("*.md"))[5].stem
    config = config.replace("extra:\n", f"hooks:\n  - hooks.py\n\nextra:\n  notices:\n    library/{first_resource}/: Updated this week\n", 1)
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    pages = b"".join(on.values())
    for marker in (b'class="minutes"', b'class="badge"', b'class="featured"', b'class="notice"'):
        assert marker in pages, marker


# A hook that reads other pages' HTML before they are rendered, and changes a page's HTML after
# tip-content has packed it (adapters/packed_content.py): both must see and give the real HTML.
OTHER_PAGES_HOOK = """\
from markupsafe import Markup
from mkdocs.plugins import event_priority


@event_priority(-200)
def on_page_content(html, page, config, files):
    if page.url.endswith("3/"):
        return Markup(html + '<p class="added-late">Added after packing</p>')
    return html


def on_env(env, config, files):
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    config.extra["longest_page"] = max(pages, key=lambda p: (len(p.content or ""), p.url)).url
    return env


def on_page_context(context, page, config, nav):
    after = page.next_page
    context["next_words"] = len((after.content or "").split()) if after is not None else 0
    return context
"""
OTHER_PAGES_TEMPLATE = """\
{% block footer %}
  <p class="next-words">{{ next_words }} words next</p><p class="longest">{{ config.extra.longest_page }}</p>
  {{ super() }}
{% endblock %}
"""


def test_a_hook_reading_other_pages_html_and_changing_it_late_gives_the_same_site(tmp_path):
    site = _site(tmp_path / "project", resources=40)
    _extend_main(site, OTHER_PAGES_TEMPLATE)
    (site.root / "hooks.py").write_text(OTHER_PAGES_HOOK, encoding="utf-8")
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    (site.root / "mkdocs.yml").write_text(config.replace("extra:\n", "hooks:\n  - hooks.py\n\nextra:\n", 1), encoding="utf-8")
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    assert "pages' contents packed until rendered" in _speedups_line(log)
    pages = b"".join(on.values())
    assert b'class="added-late"' in pages and re.search(rb'class="next-words">[1-9]\d* words next', pages)
    assert re.search(rb'class="longest">[^<]+/</p>', pages)


def test_pages_the_nav_gives_no_title_take_their_own_with_speedups_on_and_off(tmp_path):
    # MkDocs knows such a page's title (front matter or first heading) only once it has read the
    # page, and forgets it if its Markdown is let go: the menu, navigation and <title> said "None".
    site = _site(tmp_path / "project", resources=20)
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - About: about.md\n" in config
    (site.root / "mkdocs.yml").write_text(config.replace("  - About: about.md\n", "  - about.md\n"), encoding="utf-8")
    (site.root / "docs" / "plain.md").write_text("# A plain page\n\nNo front matter, so its title is its heading.\n", encoding="utf-8")
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    for files in (on, off):
        plain, library = files["plain/index.html"].decode(), files["library/index.html"].decode()
        assert "<title>A plain page - " in plain and 'property="og:title" content="A plain page"' in plain
        assert '<a href="../about/">About the partnership</a>' in library  # the header menu
        assert re.search(r'href="\.\./about/" class="md-nav__link">\s*<span class="md-ellipsis">\s*About the partnership\s*</span>', library)
        for page in (plain, library):
            assert not re.search(r'>\s*None\s*<|content="None"', page)


@pytest.mark.parametrize("toc", ["baselevel: 2", "permalink: \"#\"\n      baselevel: 3\n      toc_depth: 4"])
def test_other_toc_settings_give_the_same_site(tmp_path, toc):
    site = _site(tmp_path / "project", resources=30)
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - toc:\n      permalink: true\n" in config
    (site.root / "mkdocs.yml").write_text(config.replace("  - toc:\n      permalink: true\n", f"  - toc:\n      {toc}\n"), encoding="utf-8")
    log, on, off = _built_both_ways(site, tmp_path)
    _assert_same(on, off)
    assert "assembled pages" in _speedups_line(log)


def test_an_untested_toc_setting_or_extension_turns_its_speedup_off_with_a_reason(tmp_path):
    site = TinySite(tmp_path).with_examples()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - toc:\n      permalink: true\n", "  - toc:\n      permalink: true\n      anchorlink: true\n  - pymdownx.caret\n")
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = site.build(env={"TIP_SPEEDUPS": "1"})
    assert result.returncode == 0, result.output
    line = _speedups_line(result.output)
    assert "INFO" in line.split("Speed-ups")[0]
    assert "not tested with the toc settings anchorlink" in line and "not tested with pymdownx.caret" in line
    assert "assembled pages" not in line.split("Not used")[0] and "Markdown parser" not in line.split("Not used")[0]


def test_the_switch_in_mkdocs_yml_and_the_environment(tmp_path):
    site = TinySite(tmp_path).with_examples()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - tip-content:\n" in config  # the plugin's options follow: speedups is one of them
    (site.root / "mkdocs.yml").write_text(config.replace("\n  - tip-content:\n", "\n  - tip-content:\n      speedups: false\n"), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "TIP_SPEEDUPS"}
    off = subprocess.run([sys.executable, "-m", ENGINE, "build", "--strict"], cwd=site.root, env={**env, "NO_MKDOCS_2_WARNING": "1"},
                         capture_output=True, text=True)
    assert off.returncode == 0 and "Speed-ups off" in off.stderr + off.stdout, off.stderr
    on = site.build(env={"TIP_SPEEDUPS": "on"})  # the environment wins over mkdocs.yml
    assert on.returncode == 0 and "Speed-ups: " in on.output, on.output
    wrong = site.build(env={"TIP_SPEEDUPS": "maybe"})
    assert wrong.returncode != 0 and "TIP_SPEEDUPS='maybe'" in wrong.output and "Traceback" not in wrong.output


def test_serve_rebuilds_freeze_nothing_and_build_freezes(tiny_site):
    """gc.freeze only in `mkdocs build`: in `serve` every rebuild's objects stay collectable."""
    site = tiny_site.with_examples()
    run = subprocess.run([sys.executable, "-m", "tip_site.benchmark.serve_memory", "3", str(site.root / "served")],
                         cwd=site.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    rebuilds = [line.split() for line in run.stdout.splitlines() if line.startswith("rebuild ")]
    assert len(rebuilds) == 3 and all(line[-1] == "0" for line in rebuilds), run.stdout
    assert (site.root / "served/library/toolkit/index.html").is_file()


def test_ci_builds_and_tests_with_properdocs_pinned():
    import tomllib

    import yaml

    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(re.fullmatch(r"properdocs==[\d.]+", pin) for pin in extras["properdocs"])
    workflow = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["properdocs"]["steps"]]
    assert "./scripts/test-engine properdocs" in runs
    assert "./scripts/test-engine properdocs" in (REPO / ".ci/run").read_text(encoding="utf-8")
