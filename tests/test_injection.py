"""Nothing from content executes: an editor with edit rights tries OWASP's XSS filter-evasion cheat sheet.

Each attempt (tests/injection_attempts.py) sits in a Markdown body, a front-matter field or a data
file. Attempts the check refuses must be refused by the core, by `./scripts/check` and by a strict
build, each naming the file and the line; attempts it lets through (comments) must be absent from
every built file. Then, as if the check had missed everything, the same attempts are built with its
refusals switched off: the sanitiser and escaping alone must keep every page, feed, email edition
and calendar free of anything that runs, and Chromium must see no alert, with and without the
Content-Security-Policy.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import lxml.etree
import lxml.html
import pytest

from browser import serve
from injection_attempts import REFUSED, REMOVED, Attempt, apply_data
from sitekit import TinySite
from tip_site.core import SiteInvalid, load_site
from tip_site.core.link_schemes import refused_scheme

FILE_ATTEMPTS = [a for a in REFUSED if a.replaces is None]
DATA_ATTEMPTS = [a for a in REFUSED if a.replaces is not None]
PATHS = {a.name: a.path for a in REFUSED}


def test_the_table_is_long_and_covers_every_way_in():
    assert len(REFUSED) + len(REMOVED) >= 30
    assert {a.path.split("/")[1] for a in REFUSED if a.path.startswith("content/")} >= {"resources", "newsletters", "events", "data"}
    assert any(a.path.startswith("docs/") for a in REFUSED)
    assert any(a.path.endswith((".html", ".svg")) for a in REFUSED)


def _site_with(root: Path, attempts: list[Attempt]) -> tuple[TinySite, dict[str, Attempt]]:
    site = TinySite(root).with_examples()
    for attempt in attempts:
        if attempt.replaces is None:
            site.write(attempt.path, attempt.text)
    placed = apply_data([a for a in attempts if a.replaces is not None], root)
    by_name = {a.name: a for a in attempts if a.replaces is None} | {a.name: a for a in placed}
    return site, by_name


def _check_sections(output: str) -> dict[str, str]:
    """The check's report by file: each file's name, then its problems, indented."""
    sections: dict[str, str] = {}
    current = None
    for line in output.splitlines():
        if line and not line.startswith(" "):
            current = line.strip()
            sections.setdefault(current, "")
        elif current is not None:
            sections[current] += line + "\n"
    return sections


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    site, attempts = _site_with(tmp_path_factory.mktemp("refused"), REFUSED)
    with pytest.raises(SiteInvalid) as caught:
        load_site(site.root)
    return SimpleNamespace(site=site, attempts=attempts, errors=caught.value.errors, check=site.check(), build=site.build())


@pytest.mark.parametrize("name", [a.name for a in REFUSED])
def test_the_core_refuses_each_attempt_at_its_file_and_line(refused, name):
    attempt = refused.attempts[name]
    assert any(p.path == attempt.path and p.line == attempt.line for p in refused.errors), (
        attempt, [str(p) for p in refused.errors if p.path == attempt.path])


@pytest.mark.parametrize("name", [a.name for a in REFUSED])
def test_the_check_command_names_file_and_line(refused, name):
    attempt = refused.attempts[name]
    assert refused.check.returncode == 1
    section = _check_sections(refused.check.output).get(attempt.path, "")
    where = "file" if attempt.line is None else f"line {attempt.line}"
    assert f"Error, {where}:" in section, refused.check.output[:3000]


@pytest.mark.parametrize("name", [a.name for a in REFUSED])
def test_a_strict_build_stops_naming_file_and_line_and_writes_nothing(refused, name):
    attempt = refused.attempts[name]
    assert refused.build.returncode != 0
    where = attempt.path if attempt.line is None else f"{attempt.path}:{attempt.line}"
    assert f"  {where}: " in refused.build.output, refused.build.output[:3000]
    assert "Traceback" not in refused.build.output
    assert not refused.site.site_dir.exists()


def _built_files(site_dir: Path) -> dict[str, str]:
    """Every file a visitor, a feed reader or a calendar can fetch, except the theme's and our own code."""
    return {
        path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8", errors="replace")
        for path in site_dir.rglob("*")
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".xsl", ".txt") and "assets/" not in path.as_posix()
    }


def test_removed_attempts_build_and_leave_no_trace(tmp_path):
    site, _ = _site_with(tmp_path, REMOVED)
    result = site.build()
    assert result.returncode == 0, result.output
    files = _built_files(site.site_dir)
    assert any(name.endswith("email.html") for name in files) and "feed.xml" in files and "events.ics" in files
    for name, text in files.items():
        assert "alert(" not in text, name


# --- Defence in depth: the same attempts, built as if the check had let every one through. ---

RUNS = re.compile(r"^on", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "background", "poster", "cite", "xlink:href", "srcdoc")
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math"}


def _html_problems(html: str, where: str) -> list[str]:
    """What in an HTML page or fragment could run script or take over the page."""
    if not html.strip():
        return []
    document = lxml.html.fromstring(html)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "script" and (element.get("src") is None and "alert" in (element.text or "") or refused_scheme(element.get("src") or "")):
            found.append(f"{where}: a script from content: {lxml.html.tostring(element)[:120]!r}")
        if tag in EMBEDDING:
            found.append(f"{where}: <{tag}>")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            if RUNS.match(name):
                found.append(f"{where}: <{tag} {name}={value!r}>")
            if name.lower() in URL_ATTRIBUTES and (refused_scheme(value) or name.lower() == "srcdoc"):
                found.append(f"{where}: <{tag} {name}={value!r}>")
    return found


def _feed_problems(xml: str, where: str) -> list[str]:
    root = lxml.etree.fromstring(xml.encode("utf-8"))
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("encoded", "content") and element.text:
            found += _html_problems(element.text, f"{where} <{local}>")
        if element.get("href") and refused_scheme(element.get("href")):
            found.append(f"{where}: link {element.get('href')!r}")
    return found


@pytest.fixture(scope="module")
def unchecked(tmp_path_factory):
    """The site built with every attempt and the check's refusals switched off (only its refusals:
    everything else about the build is as usual), served on 127.0.0.1."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tip_site.core import content_files, schema

    # Files published as they are (a page, a picture) have the check alone between them and the site.
    in_content = [a for a in REFUSED + REMOVED if a.path.endswith(".md") or a.replaces is not None]
    site, _ = _site_with(tmp_path_factory.mktemp("unchecked"), in_content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content_files, "check_markup", lambda *args: None)
        patch.setattr(schema, "markup_in_text", lambda text: None)
        patch.setitem(schema._CONVERTERS, "url", schema._words)
        build(load_config(config_file=str(site.root / "mkdocs.yml"), strict=False))
    with serve(site.site_dir) as url:
        yield SimpleNamespace(site_dir=site.site_dir, url=url)


def test_unchecked_attempts_reach_no_page_feed_email_or_calendar_in_a_form_that_runs(unchecked):
    files = _built_files(unchecked.site_dir)
    assert "library/script/index.html" in files and "help/index.html" in files  # the attempts were built
    problems = []
    for name, text in files.items():
        if name.endswith(".html"):
            problems += _html_problems(text, name)
        elif name.endswith(".xml"):
            problems += _feed_problems(text, name)
        elif name.endswith(".ics"):
            problems += [f"{name}: {line}" for line in text.splitlines() if line.startswith(("URL:", "ATTACH")) and refused_scheme(line.split(":", 1)[1])]
    assert not problems, "\n".join(problems)


def _pages_to_visit(site_dir: Path) -> list[str]:
    pages = ["", "library/", "help/", "groups/tip/", "priorities/awareness/", "governance/", "membership/", "events/", "newsletters/", "feed.xml"]
    for attempt in REFUSED + REMOVED:
        if attempt.path.startswith("content/resources/"):
            pages.append(f"library/{attempt.name}/")
        elif attempt.path.startswith("content/events/"):
            pages.append(f"events/{attempt.name}/")
        elif attempt.path.startswith("docs/"):
            pages.append(f"{attempt.name}/")
    pages += [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.glob("newsletters/20*/index.html"))]
    pages += [p.relative_to(site_dir).as_posix() for p in sorted(site_dir.glob("newsletters/20*/email.html"))]
    return [page for page in pages if (site_dir / page).exists() or (site_dir / page / "index.html").exists()]


@pytest.mark.parametrize("bypass_csp", [True, False], ids=["sanitiser-alone", "with-csp"])
def test_no_alert_fires_in_chromium(chromium, unchecked, bypass_csp):
    context = chromium.new_context(bypass_csp=bypass_csp)
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        visited = _pages_to_visit(unchecked.site_dir)
        assert len(visited) > 40
        for path in visited:
            page.goto(unchecked.url + path)
            page.mouse.move(200, 300)  # hover handlers, had any survived
            page.keyboard.press("Tab")
            page.wait_for_timeout(30)
        page.goto(unchecked.url + "library/?q=alert")
        page.wait_for_timeout(300)
    finally:
        context.close()
    assert not dialogs, dialogs
