"""The check's output for GitHub: workflow annotations, escaped; and the review report."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitekit import VALID_RESOURCE, TinySite
from tip_site.check import annotation
from tip_site.core import Problem

RES = "content/resources/toolkit.md"


@pytest.mark.parametrize("problem, expected", [
    (Problem("content/resources/toolkit.md", 4, "sumary", "unknown field 'sumary' in a resource", "did you mean 'summary'?"),
     "::error file=content/resources/toolkit.md,line=4,title=sumary%3A content problem::unknown field 'sumary' in a resource%0AHow to fix: did you mean 'summary'?"),
    (Problem("docs/about.md", None, None, "100% sure\r\nsecond line"),
     "::error file=docs/about.md,title=Content problem::100%25 sure%0D%0Asecond line"),
    (Problem("content/data/a,b:c.yml", 2, "x", "m", None, "warning"),
     "::warning file=content/data/a%2Cb%3Ac.yml,line=2,title=x%3A warning::m"),
])
def test_annotation_format(problem, expected):
    assert annotation(problem) == expected


def run_check(site: TinySite, *args: str, github: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "tip_site.check", ".", *args], cwd=site.root, env=env, capture_output=True, text=True)


def test_check_prints_annotations_only_in_github_actions(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("type: toolkit", "type: tool-kit") + "\n[x](../nowhere.md)\n")
    plain = run_check(tiny_site, github=False)
    github = run_check(tiny_site, github=True)
    assert plain.returncode == github.returncode == 1
    assert "::error" not in plain.stdout
    annotations = [line for line in github.stdout.splitlines() if line.startswith("::")]
    assert f"::error file={RES},line=5,title=type%3A content problem::unknown resource type 'tool-kit'%0AHow to fix: did you mean 'toolkit'?" in annotations
    # The report for people stays, above the annotations.
    assert github.stdout.startswith(plain.stdout.split("\n1 error")[0])


def test_review_report_lists_what_is_past_its_next_review(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write(RES, VALID_RESOURCE.replace("published: 2024-06-01", "published: 2024-06-01\nlast_reviewed: 2024-06-01\nnext_review: 2025-01-31"))
    tiny_site.write("docs/about.md", "---\ntitle: About\nnext_review: 2025-12-31\n---\n\n# About\n")
    governance = tiny_site.root / "content/data/governance.yml"
    governance.write_text(governance.read_text() + "last_reviewed: 2024-02-15\n")
    env = {**os.environ, "TIP_BUILD_DATE": "2025-03-01"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-m", "tip_site.check", ".", "--reviews"], cwd=tiny_site.root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert f"{RES}\n  Warning, line 12: next_review: this resource was due for review on 2025-01-31 (29 days ago)" in out
    assert "content/data/governance.yml\n  Warning, line" in out and "were due on 2025-02-15 (14 days ago)" in out
    assert "docs/about.md" not in out  # not due until the end of the year
    assert "2 review reminders on 2025-03-01." in out


def test_review_report_asks_for_the_terms_of_reference_review_date(tiny_site: TinySite):
    tiny_site.with_examples()
    result = subprocess.run([sys.executable, "-m", "tip_site.check", ".", "--reviews"], cwd=tiny_site.root, capture_output=True, text=True)
    assert "the Terms of Reference have no date of their last yearly review" in result.stdout


def every_kind_of_problem() -> list[Problem]:
    """File-level and line-level, with and without field and fix, errors and warnings, in two files."""
    kinds = []
    for path in ("content/resources/b.md", "content/data/a.yml"):
        for line in (None, 12, 3):
            for field in (None, "title"):
                for fix in (None, "do this"):
                    for severity in ("error", "warning"):
                        kinds.append(Problem(path, line, field, f"message {line} {field}", fix, severity))
    return kinds


def test_the_reporter_sorts_and_prints_every_combination_without_raising(capsys):
    from itertools import permutations

    from tip_site.check import Output, format_report
    from tip_site.core import SiteInvalid
    from tip_site.validation import build_report

    problems = every_kind_of_problem()
    for order in (problems, list(reversed(problems)), *list(permutations(problems[:4]))):
        report = format_report(list(order))
        assert report
    report = format_report(problems)
    lines = report.splitlines()
    # Grouped by file; within a file, whole-file problems first, then by line.
    assert lines[0] == "content/data/a.yml"
    wheres = [line.split(":")[0].strip() for line in lines if line.startswith("  ") and not line.startswith("      ")]
    first_file = wheres[: len(wheres) // 2]
    assert first_file == sorted(first_file, key=lambda w: (0 if w.endswith("file") else int(w.split()[-1])))
    assert "  Error, file: message None None" in report and "  Warning, line 3: title: message 3 title\n      How to fix: do this" in report
    Output(annotate=True).problems(problems)
    printed = capsys.readouterr().out
    assert printed.count("::error ") + printed.count("::warning ") == len(problems)
    assert str(SiteInvalid([p for p in problems if p.severity == "error"], [p for p in problems if p.severity == "warning"]))
    assert build_report(problems).count("\n") == len(problems)
    assert sorted(problems) == sorted(problems, key=Problem.sort_key)


def test_the_check_prints_a_file_level_warning_next_to_a_line_level_error(tiny_site: TinySite):
    """The crash of issue 14: a meeting-spread warning (no line) and a broken link in the same file."""
    from sitekit import VALID_EVENT

    tiny_site.with_examples()
    tiny_site.write("content/events/cop-2025-q1.md", VALID_EVENT + "\n[The agenda](../nowhere.md)\n")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env.update(GITHUB_ACTIONS="true", TIP_BUILD_DATE="2025-01-01")
    result = subprocess.run([sys.executable, "-m", "tip_site.check", "."], cwd=tiny_site.root, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    report = result.stdout
    assert "content/events/cop-2025-q1.md\n  Warning, file: start: the CoP meetings of 2025 are not spread" in report, report
    assert "  Error, line 14: the link '../nowhere.md' points to a page that does not exist" in report
    assert "::warning file=content/events/cop-2025-q1.md,title=start%3A warning::" in report


def reviews_on(site: TinySite, day: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIP_BUILD_DATE": day}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "tip_site.check", ".", "--reviews", *args],
                          cwd=site.root, env=env, capture_output=True, text=True)


def with_support_review(site: TinySite, next_review: str) -> None:
    support = site.root / "content/data/support.yml"
    text = support.read_text()
    lines = [line if not line.startswith("next_review:") else f"next_review: {next_review}" for line in text.splitlines()]
    lines = [line if not line.startswith("last_reviewed:") else "last_reviewed: 2024-01-10" for line in lines]
    support.write_text("\n".join(lines) + "\n")


def test_crisis_numbers_past_their_review_fail_the_strict_review_and_come_first(tiny_site: TinySite):
    tiny_site.with_examples()
    with_support_review(tiny_site, "2025-02-01")
    tiny_site.write(RES, VALID_RESOURCE.replace("published: 2024-06-01", "published: 2024-06-01\nnext_review: 2025-01-31"))
    governance = tiny_site.root / "content/data/governance.yml"
    governance.write_text(governance.read_text() + "last_reviewed: 2024-12-15\n")
    result = reviews_on(tiny_site, "2025-03-01", "--strict")
    assert result.returncode == 1, result.stdout
    out = result.stdout
    line = next(n for n, text in enumerate((tiny_site.root / "content/data/support.yml").read_text().splitlines(), 1) if text.startswith("next_review:"))
    assert out.startswith(f"content/data/support.yml\n  Warning, line {line}: next_review: the crisis and support numbers"), out
    assert "were due to be checked on 2025-02-01 (28 days ago)" in out
    assert out.index("content/data/support.yml") < out.index(RES)
    assert "2 review reminders on 2025-03-01." in out
    # Without --strict the report is the same and succeeds (editors run it on their laptops).
    assert reviews_on(tiny_site, "2025-03-01").returncode == 0


def test_the_strict_review_passes_when_nothing_is_due(tiny_site: TinySite):
    tiny_site.with_examples()
    with_support_review(tiny_site, "2025-06-01")
    governance = tiny_site.root / "content/data/governance.yml"
    governance.write_text(governance.read_text() + "last_reviewed: 2024-12-15\n")
    result = reviews_on(tiny_site, "2025-03-01", "--strict")
    assert result.returncode == 0, result.stdout
    assert "Nothing is due for review on 2025-03-01." in result.stdout
    assert reviews_on(tiny_site, "2025-06-01", "--strict").returncode == 1  # due on the day itself
