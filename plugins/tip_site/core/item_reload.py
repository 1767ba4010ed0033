"""One saved content file read again into the site a preview already holds.

`mkdocs serve` shows the saved item's page first and rebuilds the whole site
after (adapters/quick_preview.py): this gives that first page its item, read
with the very loader and per-file checks the whole check uses. A hand-written page of
docs/ gets its front matter read again (MkDocs reads its body). Anything this
cannot vouch for alone — a new or removed file, a changed id, any problem in
the file — gives None, and the preview waits for the whole check instead.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tip_site.core.content_files import in_site_order, load_events, load_newsletters, load_pages, load_resources
from tip_site.core.data_files import load_data
from tip_site.core.model import Event, Newsletter, Page, Resource, Site
from tip_site.core.problems import Problems

Item = Resource | Newsletter | Event | Page

# Each kind of item: its folder under content/ (and the Site field holding it), its class and loader.
_KINDS = (
    ("resources", Resource, load_resources),
    ("newsletters", Newsletter, load_newsletters),
    ("events", Event, load_events),
)


def reloaded(site: Site, root: Path, content_dir: str, path: str, docs_dir: str = "docs") -> tuple[Site, Item] | None:
    """`site` with the item of `path` (from the project root) read again, and that item; or None (see above)."""
    root = root.resolve()
    content = root / content_dir
    file = root / path
    docs = root / docs_dir
    if file.is_relative_to(docs):
        return _reloaded_page(site, root, docs, file)
    for field, kind, load in _KINDS:
        items = getattr(site, field)
        old = next((item for item in items if item.source.path == path), None)
        if old is None:
            continue
        if not file.is_relative_to(content / field) or not file.is_file():
            return None
        problems = Problems()
        vocabularies = load_data(content, root, problems).vocabularies
        if field == "newsletters":
            found = load(content, root, vocabularies, problems, docs_dir=root / docs_dir, files=[file])
        else:
            found = load(content, root, vocabularies, problems, files=[file])
        if problems.errors or len(found) != 1 or found[0].id != old.id or found[0].draft != old.draft:
            return None
        new = found[0]
        if getattr(new, "published", None) != getattr(old, "published", None):
            return None  # scheduled or not, and where it stands among the others: the whole check says
        kept = in_site_order((new if item is old else item for item in items), kind)
        return dataclasses.replace(site, **{field: kept}), new
    return None


def _reloaded_page(site: Site, root: Path, docs: Path, file: Path) -> tuple[Site, Page] | None:
    """A hand-written page of docs/: its front matter read again (MkDocs reads its body)."""
    old = next((page for page in site.pages if page.path == file.relative_to(docs).as_posix()), None)
    if old is None or not file.is_file():
        return None
    problems = Problems()
    pages = load_pages(docs, root, problems)  # a few dozen files, checked as the check does
    new = next((page for page in pages if page.path == old.path), None)
    if problems.errors or new is None or new.draft != old.draft:
        return None
    return dataclasses.replace(site, pages=tuple(new if page is old else page for page in site.pages)), new
