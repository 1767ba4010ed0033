"""`load_site`: everything under content/ and docs/ loaded once, checked, and frozen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tip_site.core.content_files import load_events, load_newsletters, load_pages, load_resources
from tip_site.core.data_files import load_data
from tip_site.core.content_history import content_history
from tip_site.core.former_ids import check_former_ids
from tip_site.core.meeting_spread import meeting_spread_problems
from tip_site.core.model import Site
from tip_site.core.problems import Problems, SiteInvalid
from tip_site.core.support import load_support


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
    root = Path(root).resolve()
    content = root / content_dir
    problems = Problems()
    data = load_data(content, root, problems)
    vocabularies = data.vocabularies
    newsletters = load_newsletters(content, root, vocabularies, problems, docs_dir=root / docs_dir)
    resources = load_resources(content, root, vocabularies, problems)
    events = load_events(content, root, vocabularies, problems)
    pages = load_pages(root / docs_dir, root, problems)
    support = load_support(content, root, problems)
    # One git log for every content file: when each was added, changed, and under which ids it was published.
    history = content_history(root, content_dir, (*newsletters, *resources, *events), today or dt.date.today())
    check_former_ids(root, (*newsletters, *resources, *events), history, problems)
    if problems.errors:
        raise SiteInvalid(problems.errors, problems.warnings)
    problems.extend(meeting_spread_problems((e for e in events if include_drafts or not e.draft), data.groups, today))

    def visible(items):
        return tuple(
            i for i in items
            if (include_drafts or not i.draft)
            and (today is None or getattr(i, "published", today) <= today)
        )

    return Site(
        groups=data.groups,
        priorities=data.priorities,
        sectors=data.sectors,
        audiences=data.audiences,
        resource_types=data.resource_types,
        governance=data.governance,
        newsletters=visible(newsletters),
        resources=visible(resources),
        events=visible(events),
        pages=visible(pages),
        warnings=tuple(problems.warnings),
        support=support,
        history=history,
    )
