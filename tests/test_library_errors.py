"""Resource mistakes the library depends on stop the build with the file, line and a fix."""

from __future__ import annotations

import pytest

from sitekit import VALID_RESOURCE, TinySite, edited, problem_reported

RES = "content/resources/toolkit.md"


def res(old: str, new: str) -> dict:
    return edited(RES, VALID_RESOURCE, old, new)


# (case id, files written over the valid examples, path, line, field, words in the message)
CASES = [
    ("unknown-type", res("type: toolkit", "type: leaflet"), RES, 5, "type", "unknown resource type 'leaflet'"),
    ("unknown-audience", res("audiences: [practitioners]", "audiences: [practitioners, pupils]"), RES, 6, "audiences[1]", "unknown audience 'pupils'"),
    ("unknown-group", res("groups: [cop]", "groups: [cpo]"), RES, 7, "groups[0]", "unknown group 'cpo' — did you mean 'cop'?"),
    ("unknown-priority", res("priorities: [workforce]", "priorities: [workfroce]"), RES, 8, "priorities[0]", "did you mean 'workforce'?"),
    ("missing-attachment", res("url: https://example.org/toolkit", "attachments:\n  - file: plan.pdf\n    title: Plan"), RES, 12, "attachments[0].file", "the file 'plan.pdf' does not exist in content/resources/files/"),
    ("attachment-outside-folder", res("url: https://example.org/toolkit", "attachments:\n  - file: ../../../mkdocs.yml\n    title: Plan"), RES, 12, "attachments[0].file", "points outside content/resources/files/"),
    ("duplicate-id", {"content/resources/zz-copy.md": VALID_RESOURCE}, "content/resources/zz-copy.md", 2, "id", "the id 'toolkit' is already used by content/resources/toolkit.md"),
    ("reserved-id", res("id: toolkit", "id: index"), RES, 2, "id", "the id 'index' is reserved for the library's own pages"),
]


@pytest.mark.parametrize("files, path, line, field, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_resource_mistake_names_file_line_and_field(tiny_site: TinySite, files, path, line, field, words):
    tiny_site.with_examples()
    for name, text in files.items():
        tiny_site.write(name, text)
    problem = problem_reported(tiny_site.root, path, words)
    assert (problem.line, problem.field) == (line, field), str(problem)
    assert str(problem).startswith(f"{path}:")


def test_build_stops_on_a_missing_attachment_naming_the_file(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("url: https://example.org/toolkit", "attachments:\n  - file: plan.pdf\n    title: Plan"))
    result = tiny_site.build()
    assert result.returncode != 0
    assert f"{RES}:12: attachments[0].file: the file 'plan.pdf' does not exist" in result.output
    assert "Traceback" not in result.output and not tiny_site.site_dir.exists()
