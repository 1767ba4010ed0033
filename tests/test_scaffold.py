"""The scaffolding commands write valid, fully commented files that build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO, TinySite
from tip_site.core import load_site
from tip_site.core.placeholders import PLACEHOLDER_URL
from tip_site.core.schemas import EVENT, NEWSLETTER, RESOURCE


def run_script(site: TinySite, name: str, *args: str) -> subprocess.CompletedProcess:
    """Run the real wrapper in scripts/, copied into the tiny site, with this Python."""
    script = site.root / "scripts" / name
    script.parent.mkdir(exist_ok=True)
    shutil.copy(REPO / "scripts" / name, script)
    env = {**os.environ, "PYTHON": sys.executable}
    return subprocess.run([str(script), *args], cwd=site.root, env=env, capture_output=True, text=True, timeout=120)


def created(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("Created ")
    return first.removeprefix("Created ")


def test_each_command_writes_a_file_that_checks_and_builds(tiny_site: TinySite):
    tiny_site.with_examples()  # newsletter 2025-q1 exists, so the next is 2025-q2
    news = created(run_script(tiny_site, "new-newsletter"))
    resource = created(run_script(tiny_site, "new-resource", "Trauma: a guide for \"front-line\" teams #1"))
    event = created(run_script(tiny_site, "new-event", "Schools Forum: spring meeting", "--start", "2025-04-22 15:30"))
    assert news == "content/newsletters/2025-q2.md"
    assert resource == "content/resources/trauma-a-guide-for-front-line-teams-1.md"
    assert event == "content/events/schools-forum-spring-meeting-2025-04-22.md"

    assert tiny_site.check().returncode == 0  # valid as written (as drafts)
    preview = load_site(tiny_site.root, include_drafts=True)
    assert {n.id for n in preview.newsletters} == {"2025-q1", "2025-q2"}
    assert [e.start.isoformat(" ") for e in preview.events if e.draft] == ["2025-04-22 15:30:00"]

    for path in (news, resource, event):  # an editor publishes them, forgetting the example text
        file = tiny_site.root / path
        file.write_text(file.read_text().replace("draft: true", "draft: false"))
    forgotten = tiny_site.check()
    assert forgotten.returncode == 1
    for path in (news, resource, event):
        assert f"{path}\n  Error, line " in forgotten.output and "still has the example text of a new file" in forgotten.output
    refused = tiny_site.build()  # the build runs the check first: same messages, nothing written
    assert refused.returncode == 1 and not tiny_site.site_dir.exists()
    for path in (news, resource, event):
        assert f"{path}:" in refused.output and "still has the example text of a new file" in refused.output
    for path in (news, resource, event):  # the editor writes the real text
        file = tiny_site.root / path
        text = file.read_text().replace(PLACEHOLDER_URL, "https://example.org/guide")
        file.write_text(re.sub(r"Replace this with[^\"\n]*", "The real text.", text))
    result = tiny_site.build()
    assert result.returncode == 0, result.output
    for page, title in [
        ("newsletters/2025-q2", "April to June 2025"),
        ("library/trauma-a-guide-for-front-line-teams-1", 'Trauma: a guide for "front-line" teams #1'),
        ("events/schools-forum-spring-meeting-2025-04-22", "Schools Forum: spring meeting"),
    ]:
        html = BeautifulSoup((tiny_site.site_dir / page / "index.html").read_text(), "html.parser")
        assert title in html.find("h1").get_text()


@pytest.mark.parametrize("script, args, schema", [
    ("new-newsletter", (), NEWSLETTER),
    ("new-resource", ("A toolkit",), RESOURCE),
    ("new-event", ("CoP meeting",), EVENT),
], ids=["newsletter", "resource", "event"])
def test_every_field_is_explained_in_a_comment(tiny_site: TinySite, script, args, schema):
    text = (tiny_site.root / created(run_script(tiny_site, script, *args))).read_text()
    for field in schema.fields:
        assert f"\n# {field.name} ({'required' if field.required else 'optional'}): {field.doc.split()[0]}" in text, field.name
        for sub in field.fields:
            assert f"\n#   {sub.name} (" in text, f"{field.name}.{sub.name}"


def test_first_newsletter_and_refusal_to_overwrite(tiny_site: TinySite):
    first = created(run_script(tiny_site, "new-newsletter"))
    assert first.startswith("content/newsletters/") and first.endswith(".md")
    again = run_script(tiny_site, "new-resource", "A toolkit")
    assert again.returncode == 0
    repeat = run_script(tiny_site, "new-resource", "A toolkit")
    assert repeat.returncode == 1 and "content/resources/a-toolkit.md already exists" in repeat.stderr


def test_next_quarter_after_a_fourth_quarter(tiny_site: TinySite):
    from sitekit import VALID_NEWSLETTER

    tiny_site.write("content/newsletters/2025-q4.md", VALID_NEWSLETTER.replace("quarter: 1", "quarter: 4").replace("2025-03-14", "2025-11-14"))
    assert created(run_script(tiny_site, "new-newsletter")) == "content/newsletters/2026-q1.md"


def test_front_matter_reference_covers_every_field_and_its_starting_files_are_valid(tiny_site: TinySite):
    """The generated reference lists every schema field, and each 'file to copy' passes the check."""
    import re

    from tip_site.views.front_matter_reference import KINDS, front_matter_reference

    markdown = front_matter_reference(load_site(REPO))[0].markdown
    for _, schema, _, _ in KINDS:
        for field in schema.fields:
            assert f"| `{field.name}` |" in markdown, field.name
            for sub in field.fields:
                assert f"| `{field.name}.{sub.name}` |" in markdown
    blocks = re.findall(r"    ```text\n(.*?)\n    ```", markdown, re.S)
    assert len(blocks) == 3
    files = ["content/newsletters/2025-q1.md", "content/resources/trauma-toolkit.md", "content/events/cop-meeting.md"]
    for path, block in zip(files, blocks):
        front = "\n".join(line.removeprefix("    ") for line in block.splitlines())
        tiny_site.write(path, front + "\n\nThe text.\n")
    result = tiny_site.check()
    assert result.returncode == 0, result.output  # valid, as drafts: nothing is published
    assert "0 newsletter issues, 0 resources, 0 events" in result.output
    # Published unchanged, every placeholder is refused, at its line.
    for path in files:
        text = (tiny_site.root / path).read_text()
        assert "\ndraft: true\n" in text
        tiny_site.write(path, text.replace("\ndraft: true\n", "\ndraft: false\n"))
    result = tiny_site.check()
    assert result.returncode == 1
    for path in files:
        lines = (tiny_site.root / path).read_text().splitlines()
        marked = [n for n, line in enumerate(lines, 1) if "Replace this with" in line and not line.startswith("#")]
        assert len(marked) >= 6, path
        for number in marked:
            assert f"  Error, line {number}: this line still has the example text of a new file" in result.output.split(path, 1)[1].split("\n\n")[0], (path, number)


@pytest.mark.parametrize("change", [
    ("title: A trauma informed toolkit", 'title: "…"'),  # an older copy of the starting file
    ("How to use the toolkit.", "Replace this with a description of the resource."),
])
def test_placeholders_are_refused_in_scheduled_items_too(tiny_site: TinySite, change):
    from sitekit import VALID_RESOURCE

    tiny_site.with_examples()
    scheduled = VALID_RESOURCE.replace("published: 2024-06-01", "published: 2099-06-01").replace(*change)
    tiny_site.write("content/resources/toolkit.md", scheduled)
    result = tiny_site.check()
    assert result.returncode == 1, result.output
    line = next(n for n, text in enumerate(scheduled.splitlines(), 1) if change[1] in text)
    assert f"content/resources/toolkit.md\n  Error, line {line}: this line still has the example text" in result.output
