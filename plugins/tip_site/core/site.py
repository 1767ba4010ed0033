"""`load_site`: everything under content/ and docs/ loaded once, checked, and frozen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from tip_site.core.active_files import check_active_files
from tip_site.core.content_files import load_events, load_newsletters, load_pages, load_resources
from tip_site.core.content_inventory import take_inventory
from tip_site.core.data_files import load_data
from tip_site.core.content_history import content_history
from tip_site.core.duplicates import GitHistory
from tip_site.core.former_ids import check_former_ids
from tip_site.core.meeting_spread import meeting_spread_problems
from tip_site.core.model import Site
from tip_site.core.problems import Problem, Problems, SiteInvalid
from tip_site.core.sense_checks import sense_problems
from tip_site.core.support import load_support


@dataclass(frozen=True)
class LoadedContent:
    """All content, drafts and scheduled items included, checked once; `view` gives what a build shows."""

    everything: Site
    warnings: tuple[Problem, ...]
    # Errors about files the site would not use (core/content_inventory.py): they stop a build,
    # but the content itself loaded, so its links can still be checked in the same run.
    errors: tuple[Problem, ...] = ()

    def view(self, include_drafts: bool = False, today: dt.date | None = None) -> Site:
        """Drafts only if `include_drafts`; with `today`, newsletters and resources published after it wait.

        Events are kept whatever their date, since upcoming ones are the point.
        """
        site = self.everything

        def visible(items):
            return tuple(
                i for i in items
                if (include_drafts or not i.draft)
                and (today is None or getattr(i, "published", today) <= today)
            )

        events = visible(site.events)
        spread = meeting_spread_problems(events, site.groups, today)
        return replace(
            site,
            newsletters=visible(site.newsletters),
            resources=visible(site.resources),
            events=events,
            pages=visible(site.pages),
            warnings=tuple(sorted((*self.warnings, *spread), key=Problem.sort_key)),
        )


def load_content(
    root: Path | str, content_dir: str = "content", docs_dir: str = "docs", today: dt.date | None = None,
) -> LoadedContent:
    """Load and check all content, raising SiteInvalid with every error found.

    `today` dates changes not yet committed, in the content's history (core/history.py).
    """
    root = Path(root).resolve()
    content = root / content_dir
    problems = Problems()
    git = GitHistory(root)  # asked only when two files share an id
    unused_files = Problems()
    inventory = take_inventory(content, root, unused_files)
    data = load_data(content, root, problems)
    vocabularies = data.vocabularies
    newsletters = load_newsletters(
        content, root, vocabularies, problems, docs_dir=root / docs_dir, files=inventory.newsletters, history=git,
    )
    resources = load_resources(content, root, vocabularies, problems, files=inventory.resources, history=git)
    events = load_events(content, root, vocabularies, problems, files=inventory.events, history=git)
    pages = load_pages(root / docs_dir, root, problems)
    support = load_support(content, root, problems)
    check_active_files(root, root / docs_dir, content, problems)
    problems.extend(sense_problems(root, newsletters, resources, events, pages, support, content_dir, today))
    # One git log for every content file: when each was added, changed, and under which ids it was published.
    history = content_history(root, content_dir, (*newsletters, *resources, *events), today or dt.date.today())
    check_former_ids(root, (*newsletters, *resources, *events), history, problems)
    problems.extend(unused_files.warnings)
    if problems.errors:
        raise SiteInvalid(sorted(problems.errors + unused_files.errors), problems.warnings)
    everything = Site(
        groups=data.groups,
        priorities=data.priorities,
        sectors=data.sectors,
        audiences=data.audiences,
        resource_types=data.resource_types,
        governance=data.governance,
        newsletters=newsletters,
        resources=resources,
        events=events,
        pages=pages,
        support=support,
        history=history,
    )
    return LoadedContent(everything, tuple(problems.warnings), tuple(unused_files.errors))


def load_site(
    root: Path | str,
    content_dir: str = "content",
    docs_dir: str = "docs",
    include_drafts: bool = False,
    today: dt.date | None = None,
) -> Site:
    """Load and check all content, raising SiteInvalid with every error found.

    `include_drafts` is for previews: drafts are otherwise left out here, so no
    page, listing or feed downstream can show one by accident. With `today`,
    newsletters and resources published after it wait (scheduling); events are
    kept, since upcoming ones are the point.
    """
    content = load_content(root, content_dir, docs_dir, today)
    if content.errors:
        raise SiteInvalid(list(content.errors), list(content.warnings))
    return content.view(include_drafts, today)
