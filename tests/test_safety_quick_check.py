"""The quick check that lets most Markdown bodies skip the line-by-line safety scan."""

from __future__ import annotations

import pytest

from tip_site.core.problems import Problems
from tip_site.core.safety import _ANY_RULE_COULD_MATCH, _any_rule_could_match, check_markdown_safety


@pytest.mark.parametrize(
    "body",
    [
        "Plain text about data sharing and a script for the meeting.",
        "See https://example.org/data: the figures.",
        "[Click](JavaScript :alert(1))",
        "[Click](DATA\t: text/html,x)",
        "An <em>inline</em> element",
        "Café, naïve: no address here.",
        "[Click](javaſcript:alert(1))",  # the long s: re.I matches it, lower() leaves it
        "ſcript:",
        "",
    ],
)
def test_the_quick_check_agrees_with_the_rules_pattern(body):
    assert _any_rule_could_match(body) == bool(_ANY_RULE_COULD_MATCH.search(body))


@pytest.mark.parametrize("body", ["[Click](JavaScript :alert(1))", "[Click](javaſcript:alert(1))"])
def test_script_addresses_are_refused_in_any_letter_case(body):
    problems = Problems()
    check_markdown_safety(body, "content/events/x.md", 5, problems)
    assert [p.line for p in problems.errors] == [5]
