"""The library's list pages, filled in from a shared shell, are the pages main.html renders."""

from __future__ import annotations

import re
import shutil

from sitekit import VALID_EVENT, VALID_RESOURCE, TinySite

TYPES = ["guide", "toolkit", "training"]
AUDIENCES = ["practitioners", "leaders", "families"]


def _resource(number: int) -> str:
    return (
        VALID_RESOURCE.replace("id: toolkit", f"id: resource-{number:02}")
        .replace("title: A trauma informed toolkit", f"title: Resource {number}" + (" & more" if number % 4 else ""))
        .replace("summary: Practical steps for teams.", "summary: " + ("Parents' steps." if number % 3 else f"Steps, {number}."))
        .replace("type: toolkit", f"type: {TYPES[number % 3]}")
        .replace("audiences: [practitioners]", f"audiences: [{', '.join(sorted({AUDIENCES[number % 2], AUDIENCES[number % 3]}))}]")
        .replace("How to use the toolkit.", f"## Step {number}\n\nHow to use it.")
        # Some carry a content note: shown on the page and on its card in every list.
        .replace("url: https://example.org/toolkit", "url: https://example.org/toolkit" + (f"\ncontent_note: Mentions abuse ({number})." if number % 6 == 0 else ""))
    )


def _html_pages(site_dir):
    return {path.relative_to(site_dir).as_posix(): path.read_bytes() for path in site_dir.rglob("*.html")}


def test_every_list_page_is_the_page_main_html_renders(tmp_path):
    (tmp_path / "shells").mkdir()
    shells = TinySite(tmp_path / "shells").with_examples()
    for number in range(70):  # enough for several pages of 20 in the whole library and in each value
        shells.write(f"content/resources/resource-{number:02}.md", _resource(number))
    for number in range(6):  # titles and summaries with and without characters that escaping changes
        shells.write(f"content/events/event-{number}.md", VALID_EVENT.replace("id: cop-2025-q1", f"id: event-{number}")
                     .replace("title: Community of Practice meeting", f"title: Meeting {number}" + (" & talk" if number % 2 else ""))
                     .replace("summary: The quarterly meeting.", "summary: " + ("The members' meeting." if number % 3 else "A meeting."))
                     # From none to five headings: the contents list is shown only from three.
                     .replace("Agenda to follow.", "".join(f"## Part {k}\n\nText.\n\n" for k in range(number)) or "Agenda to follow."))
    main_only = TinySite.__new__(TinySite)
    main_only.root = tmp_path / "main-only"
    shutil.copytree(shells.root, main_only.root)
    # The same pages, each rendered by main.html from start to end.
    (main_only.root / "overrides/tip-shell.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    outputs = {}
    for site in (shells, main_only):
        result = site.build()
        assert result.returncode == 0, result.output
        outputs[site.root.name] = result.output
    filled = re.search(r"Speed-ups: (\d+) of \d+ pages from (\d+) shells", outputs["shells"])
    assert filled and int(filled.group(1)) > 20 and int(filled.group(2)) >= 2, "the shells were not used"

    ours, main = _html_pages(shells.site_dir), _html_pages(main_only.site_dir)
    assert ours.keys() == main.keys()
    lists = [path for path in ours if path.startswith(("library/page/", "library/type/", "library/audience/"))]
    assert {"library/page/4/index.html", "library/type/guide/page/2/index.html", "library/audience/leaders/page/2/index.html"} <= set(lists)
    assert len(lists) > 20 and "events/event-5/index.html" in ours
    different = [path for path in ours if ours[path] != main[path]]
    assert not different, different
    # The per-page parts did vary between pages of one shell.
    most, fewest = ours["events/event-5/index.html"].decode(), ours["events/event-0/index.html"].decode()
    assert "Table of contents" in most and "Table of contents" not in fewest
    one = ours["library/resource-01/index.html"].decode()
    assert 'class="tip-content-note"' in ours["library/resource-12/index.html"].decode() and 'class="tip-content-note"' not in one
    assert "Mentions abuse (12)" in ours["library/index.html"].decode()
