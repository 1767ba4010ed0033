"""The one validation the check runs and the build runs first.

`./scripts/check` and `mkdocs build` (plain or `--strict`) must agree: both
call `validate`, which loads and checks all content, then every link editors
wrote and every prompt left in a new file. Any error stops the build before
MkDocs writes anything, with the same messages as the check: the content file
and line, never the path of a page generated from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tip_site.core import Problem, Site, SiteInvalid
from tip_site.core.content_files import UNEXPECTED_FIX
from tip_site.core.placeholders import placeholder_problems
from tip_site.core.site import LoadedContent, load_content
from tip_site.views.generated_page import GeneratedPage, AssembledPage
from tip_site.views.site_links import link_problems
from tip_site.views.site_pages import generated_pages


@dataclass
class Validation:
    errors: list[Problem]
    warnings: list[Problem]
    content: LoadedContent | None = None
    site: Site | None = None  # what the live site shows today
    preview: Site | None = None  # everything, drafts and scheduled items too
    # The live site's generated pages, made for the link check: a build need not make them again.
    live_pages: list[GeneratedPage | AssembledPage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def nav_pages(nav: object) -> frozenset[str]:
    """Pages listed in a `nav` (mkdocs.yml): they exist (a strict build checks), even those other plugins add."""
    found: set[str] = set()

    def walk(entry: object) -> None:
        if isinstance(entry, str) and entry.endswith(".md") and "://" not in entry:
            found.add(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(nav)
    return frozenset(found)


def validate(
    root: Path | str, today: dt.date, content_dir: str = "content", docs_dir: str = "docs",
    other_pages: frozenset[str] = frozenset(), site_url: str | None = None,
) -> Validation:
    """Every problem in the content, the links and the prompts of new files; never raises.

    `site_url` is the build's (absolute links, calendar subscriptions): the live site's pages,
    made here for the link check, are then the very pages the build publishes.
    """
    root = Path(root).resolve()
    try:
        content = load_content(root, content_dir, docs_dir, today)
    except SiteInvalid as invalid:
        return Validation(list(invalid.errors), list(invalid.warnings))
    except Exception as error:  # a fault of ours: still a message, never a traceback
        return Validation([_unexpected(content_dir, error)], [])
    try:
        site = content.view(today=today)
        preview = content.view(include_drafts=True)
        live_pages = generated_pages(site, today, site_url)
        broken = link_problems(root, site, today, preview, docs_dir=docs_dir, other_pages=other_pages, live_pages=live_pages)
        unfinished = placeholder_problems(root, preview)  # scheduled items too: they go live unchecked
    except Exception as error:
        return Validation([_unexpected(content_dir, error)], list(content.warnings))
    errors = sorted([*content.errors, *broken, *unfinished], key=Problem.sort_key)
    return Validation(errors, list(site.warnings), content, site, preview, live_pages)


def _unexpected(content_dir: str, error: Exception) -> Problem:
    return Problem(content_dir, None, None, f"the check stopped on an unexpected problem ({type(error).__name__}: {error})", UNEXPECTED_FIX)


def build_report(errors: list[Problem]) -> str:
    """The errors as the build prints them: one line each, `file:line: field: message — fix`."""
    count = len(errors)
    heading = f"The content has {count} problem{'s' if count != 1 else ''} to fix (nothing was written to the site):"
    return "\n".join([heading, *(f"  {p}" for p in sorted(errors, key=Problem.sort_key))])
