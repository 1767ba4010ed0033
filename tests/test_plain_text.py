"""Front matter and data files hold plain text: markup in any text field is refused, at its line."""

from __future__ import annotations

import pytest

from tip_site.core.plain_text import markup_in_text
from tip_site.core.problems import Problems
from tip_site.core.schema import Reader
from tip_site.core.schemas import RESOURCE, SUPPORT
from tip_site.core.yaml_source import parse_yaml


@pytest.mark.parametrize(
    "text, words",
    [
        ("<script>alert(1)</script>", "holds HTML"),
        ("Safe <b onmouseover=alert(1)>bold</b>", "holds HTML"),
        ('"><img src=x onerror=alert(1)>', "holds HTML"),
        ("</title><script>alert(1)</script>", "holds HTML"),
        ("<!-- hidden -->", "holds HTML"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "holds HTML"),
        ("&#60;svg onload=alert(1)&#62;", "holds HTML"),
        ('" onmouseover="alert(1)', "event handler"),
        ("x' onfocus = 'alert(1)", "event handler"),
        ("javascript:alert(1)", "'javascript:' address"),
        ("Click (JaVaScRiPt:alert(1))", "'javascript:' address"),
        ("data:text/html,<b>x</b>", "holds HTML"),
        ("data:text/html;base64,PHNjcmlwdD4=", "'data:' address"),
    ],
)
def test_markup_is_refused(text, words):
    found = markup_in_text(text)
    assert found is not None and words in found[0], found


@pytest.mark.parametrize(
    "text",
    [
        "Children & young people's services",
        'The "Healthy Minds" guide',
        "Ages 5 < 11 > 3",
        "JavaScript: a guide for web teams",
        "Our data: five groups, one partnership",
        "Everyone = welcome",
        "Notes on inclusion",
        "Tom &amp; Jerry",
        "Q&A: 10:00–12:00",
    ],
)
def test_plain_text_passes(text):
    assert markup_in_text(text) is None


def _read(schema, yaml_text: str) -> list[tuple[int | None, str | None, str]]:
    problems = Problems()
    Reader("content/x.md", problems, {"resource_type": ("guide",), "audience": ("all",), "group": ("tip",), "priority": ("p",)}, line_offset=1).read(parse_yaml(yaml_text), schema)
    return [(p.line, p.field, p.message) for p in problems.errors]


def test_every_text_field_of_front_matter_refuses_markup_at_its_line():
    front = (
        "id: x\ntitle: A <b>bold</b> title\nsummary: fine\ntype: guide\naudiences: [all]\ngroups: [tip]\npriorities: [p]\n"
        "organisation: '\" onmouseover=\"alert(1)'\npublished: 2025-01-01\nurl: https://example.org\n"
        "attachments:\n  - file: a.pdf\n    title: <img src=x onerror=alert(1)>\n"
    )
    found = _read(RESOURCE, front)
    assert [(line, field) for line, field, _ in found] == [(3, "title"), (9, "organisation"), (14, "attachments[0].title")], found


@pytest.mark.parametrize(
    "url, words",
    [
        ("javascript:alert(1)", "uses 'javascript:'"),
        ("JAVA&#x09;SCRIPT:alert(1)", "uses 'javascript:'"),
        ("data:text/html,x", "uses 'data:'"),
        ('https://example.org/"onmouseover="alert(1)', "not a web address"),
        ("https://example.org/<script>", "not a web address"),
        ("www.example.org", "not a web address"),
    ],
)
def test_data_file_addresses_follow_the_one_rule(url, words):
    support = f"last_reviewed: 2025-01-01\nnext_review: 2026-01-01\nservices:\n  - id: s\n    name: S\n    description: D\n    url: '{url}'\n"
    found = _read(SUPPORT, support)
    assert found and words in found[0][2] and found[0][0] == 8, found
