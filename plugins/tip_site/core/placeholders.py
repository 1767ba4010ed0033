"""Example text the new-file commands write, which must be replaced before publishing.

New files start as drafts full of prompts; the check stops one going live with
a prompt still in it.
"""

from __future__ import annotations

import re
from pathlib import Path

from tip_site.core.model import Site
from tip_site.core.problems import Problem, Problems

PROMPT = "Replace this with"  # every prompt the scaffolds write starts so
PLACEHOLDER_URL = "https://www.example.org/replace-with-its-address"
# A value left as an ellipsis, as older copies of the starting files had: `title: "…"`.
ELLIPSIS_VALUE = re.compile(r"""^\s*[\w-]+:\s*(["']?)(…|\.\.\.)\1\s*(#.*)?$""")


def prompt(words: str) -> str:
    return f"{PROMPT} {words}"


def placeholder_problems(root: Path | str, site: Site) -> list[Problem]:
    """Items to be published (now or on a later date) that still contain a prompt, at the line of each."""
    root = Path(root)
    problems = Problems()
    for item in (*site.newsletters, *site.resources, *site.events):
        if item.draft:
            continue
        lines = (root / item.source.path).read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines, start=1):
            if not line.lstrip().startswith("#") and (PROMPT in line or PLACEHOLDER_URL in line or ELLIPSIS_VALUE.match(line)):
                problems.add(item.source.path, number, None, "this line still has the example text of a new file",
                             "replace it with the real text, or keep 'draft: true' until it is ready")
    return problems.errors
