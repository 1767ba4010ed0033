"""`mkdocs serve` shows a saved item's page first, then rebuilds the whole site behind it.

The page shown first must be the page the whole build makes (the preview checks
this itself, and turns quick pages off if not); anything it cannot vouch for
alone (a mistake, a new file, data) waits for the whole build, as before.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite
from tip_site.adapters.quick_preview import QuickPreview, _LastBuild, _Shown, changed_files, file_states
from tip_site.core.item_reload import reloaded
from tip_site.core.site import load_content
from tip_site.views.item_page import item_page
from tip_site.views.related_resources import related_resources
from tip_site.views.site_pages import generated_pages

TODAY = dt.date(2026, 11, 28)
SECOND = VALID_RESOURCE.replace("id: toolkit", "id: second").replace("title: A trauma informed toolkit", "title: B second resource")


def preview(site: TinySite):
    return load_content(site.root, today=TODAY).view(include_drafts=True)


def get(url: str) -> str:
    try:
        return fetch(url)[1]
    except OSError:  # a request held by a rebuild on a busy machine: ask again
        return ""


# -- the saved file, read again alone ------------------------------------------------------

def test_a_saved_item_is_read_again_into_the_site_it_belongs_to(tiny_site: TinySite):
    tiny_site.with_examples().write("content/resources/second.md", SECOND)
    before = preview(tiny_site)
    tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("title: A trauma informed toolkit", "title: Z toolkit")
                    .replace("How to use the toolkit.", "Saved again."))
    site, item = reloaded(before, tiny_site.root, "content", "content/resources/toolkit.md")
    assert item.title == "Z toolkit" and item.body.strip() == "Saved again."
    assert [r.id for r in site.resources] == ["second", "toolkit"]  # in the library's order (by title), as the loader sorts
    assert site.newsletters == before.newsletters and site.events == before.events
    # The same as loading everything again.
    after = preview(tiny_site)
    assert site.resources == after.resources


@pytest.mark.parametrize("path, text", [
    ("content/resources/toolkit.md", VALID_RESOURCE.replace("priorities: [workforce]", "priorities: [nonsense]")),  # a mistake
    ("content/resources/toolkit.md", VALID_RESOURCE.replace("id: toolkit", "id: renamed")),  # another page
    ("content/resources/toolkit.md", VALID_RESOURCE.replace("---\n\nHow", "draft: true\n---\n\nHow")),  # leaves the live site
    ("content/resources/toolkit.md", VALID_RESOURCE.replace("published: 2024-06-01", "published: 2027-06-01")),  # scheduled
    ("content/newsletters/2025-q1.md", VALID_NEWSLETTER.replace("quarter: 1", "quarter: 3")),  # its date is not in the quarter
    ("content/events/cop-2025-q1.md", VALID_EVENT.replace("end: 2025-02-10 12:00", "end: 2025-02-10 09:00")),
    ("content/resources/new.md", SECOND.replace("id: second", "id: new")),  # a new file
    ("content/data/groups.yml", None),  # not an item
    ("docs/about.md", "---\ntitle: About\ndraft: true\n---\n\n# About\n"),  # becomes a draft
])
def test_what_one_file_cannot_vouch_for_alone_waits_for_the_whole_check(tiny_site: TinySite, path: str, text: str | None):
    tiny_site.with_examples()
    before = preview(tiny_site)
    if text is not None:
        tiny_site.write(path, text)
    assert reloaded(before, tiny_site.root, "content", path) is None


def test_an_items_page_made_alone_is_the_page_the_site_makes(tiny_site: TinySite):
    tiny_site.with_examples().write("content/resources/second.md", SECOND)
    site = preview(tiny_site)
    made = {page.uri: page for page in generated_pages(site, TODAY)}
    items = [*site.resources, *site.newsletters, *site.events]
    assert len(items) == 4
    for item in items:
        alone = item_page(site, item, TODAY)
        assert alone == made[alone.uri], alone.uri
        assert alone.markdown == made[alone.uri].markdown


def test_related_resources_for_one_are_those_for_all(tiny_site: TinySite):
    tiny_site.with_examples().write("content/resources/second.md", SECOND)
    for number in range(3):
        tiny_site.write(f"content/resources/other-{number}.md", SECOND.replace("id: second", f"id: other-{number}")
                        .replace("type: toolkit", "type: report" if number else "type: toolkit"))
    site = preview(tiny_site)
    every = related_resources(site)
    for resource in site.resources:
        assert related_resources(site, only=[resource]) == {resource.id: every[resource.id]}
    assert any(every.values())


# -- the adapter's own checks --------------------------------------------------------------

def test_only_files_whose_state_differs_count_as_changed(tmp_path: Path):
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "b.md").write_text("b")
    seen = file_states([tmp_path])
    assert changed_files(seen, {str(tmp_path / "a.md"), str(tmp_path / "gone.tmp")}) == {}  # touched, unchanged; a temporary file
    (tmp_path / ".a.md.swp").write_text("an editor's swap file")
    assert changed_files(seen, {str(tmp_path / ".a.md.swp")}) == {}
    (tmp_path / "a.md").write_text("a, saved again")
    (tmp_path / "b.md").unlink()
    changed = changed_files(seen, {str(tmp_path / "a.md"), str(tmp_path / "b.md")})
    assert changed[str(tmp_path / "b.md")] is None and changed[str(tmp_path / "a.md")] is not None


class ServerWithout:
    """A live-reload server lacking the parts the preview needs: another engine, say."""

    root = "/tmp"

    def __init__(self) -> None:
        self._want_rebuild = False


def test_a_server_without_the_parts_it_needs_gets_the_whole_build_on_every_save(caplog):
    quick = QuickPreview(on=True)
    builder = lambda: None  # noqa: E731
    with caplog.at_level("INFO", logger="mkdocs.plugins.tip_site"):
        assert quick.wrap(ServerWithout(), builder) is builder
    assert not quick.on and "server._epoch_cond" in quick.failure
    assert "Quick preview is off" in caplog.text


class FakeFiles:
    def __init__(self, uri: str, path: Path) -> None:
        self.file = type("File", (), {"abs_dest_path": str(path)})()
        self.uri = uri

    def get_file_from_path(self, uri: str):
        return self.file if uri == self.uri else None


@pytest.mark.parametrize("whole, stays_on", [(b"<html>page</html>", True), (b"<html>other</html>", False)])
def test_a_page_shown_first_that_the_whole_build_does_not_match_turns_quick_pages_off(tmp_path: Path, whole: bytes, stays_on: bool, caplog):
    written = tmp_path / "page.html"
    written.write_bytes(whole)
    quick = QuickPreview(on=True)
    quick._pending = _Shown("library/toolkit.md", b"<html>page</html>", {})
    quick._building = {}  # nothing else changed in between
    config = type("Config", (), {"plugins": {}})()
    with caplog.at_level("INFO", logger="mkdocs.plugins.tip_site"):
        quick.build_ends(config, FakeFiles("library/toolkit.md", written), None, None, None)
    assert quick.on is stays_on
    if not stays_on:
        assert "library/toolkit.md" in quick.failure and "differed from the whole build's" in caplog.text
    assert isinstance(quick._candidate, _LastBuild)


def test_a_build_stopped_for_a_newer_save_keeps_the_last_good_one():
    from tip_site.adapters.quick_preview import Superseded

    quick = QuickPreview(on=True)
    quick._last = last = object()
    quick.build_failed(Superseded())
    assert quick._last is last
    quick.build_failed(RuntimeError("a real failure"))
    assert quick._last is None


# -- in `mkdocs serve` ---------------------------------------------------------------------

KINDS = {
    "resource": ("content/resources/toolkit.md", VALID_RESOURCE, "How to use the toolkit.", "library/toolkit/",
                 "A trauma informed toolkit", "library/"),
    "newsletter issue": ("content/newsletters/2025-q1.md", VALID_NEWSLETTER, "The conference is coming.", "newsletters/2025-q1/",
                         "Spring 2025", "newsletters/"),
    "event": ("content/events/cop-2025-q1.md", VALID_EVENT, "Agenda to follow.", "events/cop-2025-q1/",
              "Community of Practice meeting", "events/"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_saved_item_shows_first_and_the_whole_site_follows(tiny_site: TinySite, kind: str):
    path, text, body, page, title, listing = KINDS[kind]
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        assert title in get(url + listing)
        new_title = f"{title} (retitled)"
        tiny_site.write(path, text.replace(body, "Saved for the quick preview.").replace(f"title: {title}", f"title: {new_title}"))
        wait_for(lambda: "Saved for the quick preview." in get(url + page), what="the saved page")
        assert new_title in get(url + page)
        # The whole site follows: the listing of its kind shows the new title too.
        wait_for(lambda: new_title in get(url + listing), what="the whole site rebuilt")
        log = (tiny_site.root / "serve.log").read_text()
    assert re.search(rf"Shown first, in [0-9.]+ s: the page of {re.escape(path)}\. The whole site follows\.", log), log
    # The preview compared the page it showed first with the whole build's: they were the same.
    assert "Quick preview is off" not in log, log


def test_a_mistake_is_never_shown_first_and_the_browser_gets_the_problems(tiny_site: TinySite):
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("priorities: [workforce]", "priorities: [nonsense]"))
        wait_for(lambda: "The preview cannot be built" in get(url + "library/toolkit/"), what="the error page")
        assert "nonsense" in get(url + "library/toolkit/")
        tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("How to use the toolkit.", "Fixed."))
        wait_for(lambda: "Fixed." in get(url + "library/toolkit/"), what="the page once fixed")
        wait_for(lambda: "The preview cannot be built" not in get(url + "library/"), what="the whole site again")
        log = (tiny_site.root / "serve.log").read_text()
    # Neither the mistake nor its fix (after a failed build, nothing is vouched for) was shown first.
    assert "Shown first" not in log, log


def test_with_the_off_switch_every_save_waits_for_the_whole_site(tiny_site: TinySite, monkeypatch):
    monkeypatch.setenv("TIP_SERVE_FULL_RENDER", "1")
    tiny_site.with_examples()
    with mkdocs_serve(tiny_site.root) as url:
        tiny_site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("How to use the toolkit.", "Saved with the switch off."))
        wait_for(lambda: "Saved with the switch off." in get(url + "library/toolkit/"), what="the saved page")
        log = (tiny_site.root / "serve.log").read_text()
    assert "Shown first" not in log, log


def test_a_rebuild_stopped_for_a_newer_save_is_no_failure(tmp_path: Path, caplog):
    import logging

    from tip_site.adapters.quick_preview import Superseded, _not_superseded
    from tip_site.adapters.serve_errors import show_errors_in_browser

    def stopped() -> None:
        raise Superseded()

    with pytest.raises(Superseded):
        show_errors_in_browser(stopped, str(tmp_path), lambda: [])()
    assert not any(tmp_path.iterdir())  # no error page: the next rebuild starts at once
    # MkDocs logs an error for an exception in a page's step; not for this one.
    record = logging.LogRecord("mkdocs.commands.build", logging.ERROR, __file__, 1, "Error reading page 'x.md':", None, None)
    try:
        raise Superseded()
    except Superseded:
        assert _not_superseded(record) is False
    try:
        raise ValueError("a real one")
    except ValueError:
        assert _not_superseded(record) is True


def test_a_newer_save_stops_the_whole_rebuild_at_its_next_page():
    quick = QuickPreview(on=True)
    quick._server = ServerWithout()
    assert not quick.superseded()
    quick._server._want_rebuild = True  # the server saw files change
    assert quick.superseded()
    quick._server._want_rebuild = False
    quick._stop.set()  # our watcher saw a save
    assert quick.superseded()
    assert not QuickPreview(on=False).superseded()


def _whole_builds(site: TinySite) -> int:
    return (site.root / "serve.log").read_text().count("Documentation built in")


def test_a_saved_hand_written_page_shows_first_too(tiny_site: TinySite):
    tiny_site.with_examples()
    about = tiny_site.root / "docs/about.md"
    text = about.read_text(encoding="utf-8")
    with mkdocs_serve(tiny_site.root) as url:
        built = _whole_builds(tiny_site)
        about.write_text(text.replace("## Background", "Saved for the quick preview.\n\n## Background", 1), encoding="utf-8")
        wait_for(lambda: "Saved for the quick preview." in get(url + "about/"), what="the saved page")
        wait_for(lambda: _whole_builds(tiny_site) > built, what="the whole site rebuilt")
        log = (tiny_site.root / "serve.log").read_text()
    assert "Shown first, in" in log and "the page of docs/about.md" in log, log
    assert "Quick preview is off" not in log, log


def test_a_page_whose_title_in_the_navigation_changes_waits_for_the_whole_site(tiny_site: TinySite):
    tiny_site.with_examples()
    config = tiny_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - About: about.md", "  - about.md"), encoding="utf-8")
    about = tiny_site.root / "docs/about.md"
    text = about.read_text(encoding="utf-8")
    with mkdocs_serve(tiny_site.root) as url:
        assert "About the partnership" in get(url + "library/")  # every page's navigation names it
        about.write_text(text.replace("title: About the partnership", "title: About us", 1), encoding="utf-8")
        wait_for(lambda: "About us" in get(url + "library/"), what="the new title in every page's navigation")
        assert "About us" in get(url + "about/")
        log = (tiny_site.root / "serve.log").read_text()
    assert "Shown first" not in log, log
