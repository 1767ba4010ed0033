"""A table of mistakes editors make, each with the message they must read.

Every case is checked twice: by the core (file, line, field, message) and by a
real `mkdocs build`, plain and `--strict` (run in this process, as the command
line runs it), which must stop with the message, no traceback, and nothing
written to site/. tests/test_editor_mistakes.py has the larger table.
"""

from __future__ import annotations

import pytest

from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, TinySite, edited, problem_reported, run_in_process
from tip_site.core import SiteInvalid, load_site

NEWS = "content/newsletters/2025-q1.md"
RES = "content/resources/toolkit.md"
EVT = "content/events/cop-2025-q1.md"
GROUPS = "content/data/groups.yml"
PRIORITIES = "content/data/priorities.yml"


def news(old: str, new: str) -> dict:
    return edited(NEWS, VALID_NEWSLETTER, old, new)


def res(old: str, new: str) -> dict:
    return edited(RES, VALID_RESOURCE, old, new)


def evt(old: str, new: str) -> dict:
    return edited(EVT, VALID_EVENT, old, new)


# (case id, files to write over the valid examples, path, line, field, words in the message)
# Issue 14: a YAML mistake now names the field it belongs to (the cases below say which).
CASES = [
    ("yaml-colon-in-value", news("title: Spring 2025", "title: Spring: 2025"), NEWS, 2, "title", "put the value in double quotes"),
    ("yaml-tab-indent", news("summary: News", "summary:\n\t- News"), NEWS, 7, "summary", "use spaces instead"),
    ("yaml-unclosed-list", news("groups: [tip, cop]", "groups: [tip, cop"), NEWS, 7, "groups", "a list in [ ] or { } is not closed"),
    ("yaml-duplicate-key", news("quarter: 1", "quarter: 1\nquarter: 2"), NEWS, 5, "quarter", "the key 'quarter' appears twice"),
    ("missing-required", res("summary: Practical steps for teams.\n", ""), RES, 2, "summary", "this required field is missing"),
    ("empty-title", res("title: A trauma informed toolkit", 'title: ""'), RES, 3, "title", "this required field is empty"),
    ("blank-title", res("title: A trauma informed toolkit", 'title: "   "'), RES, 3, "title", "this text is empty"),
    ("wrong-type-int", news("year: 2025", "year: twenty"), NEWS, 3, "year", "expected a whole number, found 'twenty'"),
    ("wrong-type-bool", news("priorities: [awareness]", "priorities: [awareness]\ndraft: maybe"), NEWS, 9, "draft", "expected true or false"),
    ("wrong-type-list-of-fields", res("organisation: Leicester City Council", "organisation:\n  name: x"), RES, 9, "organisation", "expected text, found a group of fields"),
    ("unknown-key", res("summary:", "sumary:"), RES, 4, "sumary", "did you mean 'summary'?"),
    ("unknown-group", news("groups: [tip, cop]", "groups: [tip, cpo]"), NEWS, 7, "groups[1]", "unknown group 'cpo' — did you mean 'cop'?"),
    ("group-in-capitals", news("groups: [tip, cop]", "groups: [TIP]"), NEWS, 7, "groups[0]", "should be written in lower case"),
    ("unknown-priority", res("priorities: [workforce]", "priorities:\n  - awarness"), RES, 9, "priorities[0]", "did you mean 'awareness'?"),
    ("unknown-type", res("type: toolkit", "type: tool-kit"), RES, 5, "type", "did you mean 'toolkit'?"),
    ("unknown-audience", res("audiences: [practitioners]", "audiences: [parents]"), RES, 6, "audiences[0]", "unknown audience 'parents'"),
    ("repeated-list-item", res("groups: [cop]", "groups: [cop, cop]"), RES, 7, "groups[1]", "'cop' is listed twice"),
    ("impossible-date", news("published: 2025-03-14", "published: 2025-02-30"), NEWS, 5, "published", "2025-02-30 is not a real date"),
    ("date-wrong-format", res("published: 2024-06-01", "published: 1 June 2024"), RES, 10, "published", "write it as YYYY-MM-DD"),
    ("quarter-out-of-range", news("quarter: 1", "quarter: 5"), NEWS, 4, "quarter", "5 is out of range"),
    ("quarter-disagrees-with-date", news("published: 2025-03-14", "published: 2025-05-14"), NEWS, 5, "published", "is not in quarter 1 of 2025"),
    ("two-issues-one-quarter", {"content/newsletters/again.md": VALID_NEWSLETTER}, "content/newsletters/again.md", 4, "quarter", "quarter 1 of 2025 already has an issue: content/newsletters/2025-q1.md"),
    # The copy is blamed, at its id line, never the published original (issue 14).
    ("duplicate-resource-id", {"content/resources/copy.md": VALID_RESOURCE}, "content/resources/copy.md", 2, "id", "the id 'toolkit' is already used by content/resources/toolkit.md"),
    ("bad-id", res("id: toolkit", "id: My Toolkit"), RES, 2, "id", "like 'my-toolkit'"),
    ("bad-url", res("url: https://example.org/toolkit", "url: www.example.org"), RES, 11, "url", "starting with https://"),
    ("no-url-no-file", res("url: https://example.org/toolkit\n", ""), RES, 2, "url", "neither a web address nor an attached file"),
    ("missing-attachment", res("url: https://example.org/toolkit", "attachments:\n  - file: guide.pdf\n    title: The guide"), RES, 12, "attachments[0].file", "the file 'guide.pdf' does not exist"),
    ("event-ends-before-start", evt("end: 2025-02-10 12:00", "end: 2025-02-10 09:00"), EVT, 7, "end", "ends before it starts"),
    ("event-bad-time", evt("start: 2025-02-10 10:00", "start: 2025-02-10 25:00"), EVT, 6, "start", "is not a real date and time"),
    ("event-unknown-kind", evt("kind: meeting", "kind: meting"), EVT, 4, "kind", "did you mean 'meeting'?"),
    ("script-in-body", {RES: VALID_RESOURCE + "\n<script>alert(1)</script>\n"}, RES, 16, None, "the HTML element <script> is not allowed"),
    ("iframe-in-body", {RES: VALID_RESOURCE + "\n<iframe src='https://x.example'></iframe>\n"}, RES, 16, None, "<iframe> is not allowed"),
    ("event-handler", {NEWS: VALID_NEWSLETTER + '\n<img src="a.png" onerror="alert(1)">\n'}, NEWS, 13, None, "'onerror' could run script"),
    ("javascript-link", {EVT: VALID_EVENT + "\n[Click](javascript:alert(1))\n"}, EVT, 14, None, "'javascript:' address"),
    ("non-utf8", {RES: VALID_RESOURCE.encode("utf-8").replace(b"Practical", b"Pr\xe9ctical")}, RES, 4, None, "not saved as UTF-8"),
    ("no-front-matter", {RES: "# Just a heading\n"}, RES, 1, None, "does not start with front matter"),
    ("front-matter-not-closed", {RES: VALID_RESOURCE.replace("---\n\nHow", "\nHow")}, RES, 1, None, "front matter is not closed"),
    ("data-duplicate-group", {GROUPS: "- id: tip\n  short_name: T\n  name: A\n  who_it_is_for: x\n  purpose: x\n  how_to_join: x\n- id: tip\n  short_name: T\n  name: B\n  who_it_is_for: x\n  purpose: x\n  how_to_join: x\n"}, GROUPS, 7, "[1].id", "the id 'tip' is used twice (first on line 1)"),
    ("data-bad-yaml", {GROUPS: "- id: tip\n  name: [unclosed\n"}, GROUPS, 2, "[0].name", "a list in [ ] or { } is not closed"),
    ("data-unknown-group-activity", {PRIORITIES: "- id: awareness\n  number: 1\n  title: A\n  summary: B\n  activities:\n    cpo: [x]\n"}, PRIORITIES, 6, "[0].activities.cpo", "unknown group 'cpo' — did you mean 'cop'?"),
    ("page-unknown-key", {"docs/about.md": "---\ntitel: About\n---\n\n# About\n"}, "docs/about.md", 2, "titel", "did you mean 'title'?"),
]


@pytest.mark.parametrize("files, path, line, field, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_core_reports_file_line_field_and_message(tiny_site: TinySite, files, path, line, field, words):
    tiny_site.with_examples()
    for name, text in files.items():
        tiny_site.write(name, text)
    problem = problem_reported(tiny_site.root, path, words)
    assert (problem.line, problem.field) == (line, field), str(problem)


@pytest.mark.parametrize("files, path, line, words", [(c[1], c[2], c[3], c[5]) for c in CASES], ids=[c[0] for c in CASES])
def test_build_stops_without_traceback_and_writes_nothing(tiny_site: TinySite, files, path, line, words):
    tiny_site.with_examples()
    for name, text in files.items():
        tiny_site.write(name, text)
    for args in (("build",), ("build", "--strict")):  # in-process: the same command, without starting Python again
        result = run_in_process(tiny_site.root, *args)
        assert result.returncode != 0
        where = path if line is None else f"{path}:{line}:"
        assert where in result.output and words in result.output, result.output
        assert "Traceback" not in result.output
        assert not tiny_site.site_dir.exists()


def test_every_problem_is_reported_in_one_run(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(NEWS, VALID_NEWSLETTER.replace("year: 2025", "year: twenty").replace("[tip, cop]", "[tpi]"))
    tiny_site.write(RES, VALID_RESOURCE.replace("type: toolkit", "type: nonsense"))
    with pytest.raises(SiteInvalid) as caught:
        load_site(tiny_site.root)
    fields = {(p.path, p.field) for p in caught.value.errors}
    assert {(NEWS, "year"), (NEWS, "groups[0]"), (RES, "type")} <= fields


def test_check_command_groups_problems_by_file_and_fails(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("summary:", "sumary:"))
    result = tiny_site.check()
    assert result.returncode == 1
    assert result.output.startswith(f"{RES}\n  Error, line 2: summary: this required field is missing\n")
    assert "  Error, line 4: sumary: unknown field 'sumary' in a resource\n      How to fix: did you mean 'summary'?" in result.output
    assert "Traceback" not in result.output


def test_check_command_passes_valid_content(tiny_site: TinySite):
    tiny_site.with_examples()
    result = tiny_site.check()
    assert result.returncode == 0, result.output
    assert "All content is valid: 1 newsletter issues, 1 resources, 1 events" in result.output
