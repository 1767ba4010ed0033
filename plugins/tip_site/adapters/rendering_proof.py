"""Proof, during every build, that pages made from shared parts are the pages the theme renders.

Page shells and shared navigation give a page parts rendered for another page
of the same key. Each key's parts are proved on a deterministic sample of its
pages — the first served from them, every 25th after it and always the last —
by rendering the whole page again as MkDocs and Material would (shells and
shared navigation off) and comparing every byte. On a mismatch the key is
dropped for the rest of the build, a WARNING names it and shows where the two
renderings part, and every page already written from it is rendered again in
full and rewritten, so no page of the site comes from parts that failed.

A key also carries every value a page's template context holds beyond what
MkDocs and our own plugins put there (a hook's or another plugin's per-page
value), and every attribute another plugin set on the page: pages that differ
in any of them never share parts.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Hashable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from tip_site.adapters.packed_content import INSTANCE_KEYS

log = logging.getLogger("mkdocs.plugins.tip_site")

SAMPLE_EVERY = 25
THEME_TEMPLATE = "main.html"

# What MkDocs' get_context and our plugins put in every page's context; anything else is keyed by value.
_STANDARD_CONTEXT = frozenset({
    "nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "properdocs_version",
    "build_date_utc", "config", "page", "tip_feed_links",
})
# A page's own attributes as MkDocs sets them (the shells' slots and keys cover the per-page ones).
_STANDARD_PAGE = frozenset({
    "file", "title", "children", "parent", "previous_page", "next_page", "_Page__active", "update_date",
    "canonical_url", "abs_url", "edit_url", "markdown", "_title_from_render", "content", "toc", "meta",
    "present_anchor_ids", "links_to_anchors", "_parser", *INSTANCE_KEYS,
})
_BY_VALUE = (str, int, float, bool, type(None), dt.date)


def _fingerprint(value: Any) -> Hashable:
    if isinstance(value, _BY_VALUE):
        return value
    if isinstance(value, (tuple, list)) and all(isinstance(item, _BY_VALUE) for item in value):
        return (type(value).__name__, *value)
    return ("object", id(value))  # only the very same object counts as the same value


def page_extras(context: dict, page: Page) -> tuple:
    """Whatever besides MkDocs' own values can make this page's rendering differ from another's."""
    extras = [("context", key, _fingerprint(value)) for key, value in context.items() if key not in _STANDARD_CONTEXT]
    extras += [("page", name, _fingerprint(value)) for name, value in vars(page).items() if name not in _STANDARD_PAGE]
    return tuple(sorted(extras, key=repr))


@dataclass
class _Served:
    """A page written with shared parts, and what rendering it again needs."""

    page: Page
    context: dict


@dataclass
class _KeyRecord:
    label: str
    served: list[_Served] = field(default_factory=list)
    count: int = 0
    last: tuple[_Served, str] | None = None  # the latest page served, unproved, and its output
    failed: bool = False


class RenderingProof:
    """Wired to the content plugin's on_page_context, on_post_page and on_post_build."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.env: Environment | None = None  # set in on_env
        self._config = config
        self.plain = False  # while True, shells and shared navigation render as the theme does
        self._keys: dict[Hashable, _KeyRecord] = {}
        self._page: Page | None = None
        self._context: dict | None = None
        self._used: dict[Hashable, str] = {}  # keys the current page was served from
        self._base: dict | None = None  # the first context seen: others are kept as what differs from it
        self.extras: tuple = ()
        self.pages = 0  # pages rendered in this build
        self.proved = 0
        self.failures: list[str] = []
        self.per_page_reads: set[str] = set()  # page attributes templates read that stop sharing
        self._repairing = False

    # -- called by the shared parts ------------------------------------------------------
    def used(self, key: Hashable, label: str) -> None:
        """The current page is being served from the parts of `key` (`label` names them for people)."""
        if not self._repairing:
            self._used.setdefault(key, label)

    def failed(self, key: Hashable) -> bool:
        record = self._keys.get(key)
        return record is not None and record.failed

    # -- plugin events ----------------------------------------------------------------------
    def on_page_context(self, context: dict, page: Page) -> dict:
        if self._repairing:
            return context
        self._page, self._context, self._used = page, context, {}
        self.pages += 1
        self.extras = page_extras(context, page)
        return context

    def on_post_page(self, output: str, page: Page) -> str:
        if self._repairing or page is not self._page or not self._used:
            return output
        served = _Served(page, self._kept(self._context or {}))
        records = [self._record(key, label) for key, label in self._used.items()]
        self._used = {}
        due = False
        for record in records:
            record.count += 1
            due = due or record.count == 1 or record.count % SAMPLE_EVERY == 0
        if due:
            plain = self._render_plain(page, self._restored(served.context))
            self.proved += 1
            if plain != output:
                self._fail(records, page, output, plain)
                return plain  # this page, at least, is right from the start
        for record in records:
            record.served.append(served)
            record.last = None if due else (served, output)
        return output

    def on_post_build(self) -> None:
        """Prove each key on its last page, then render again every page of any key that failed."""
        for record in list(self._keys.values()):
            if record.failed or record.last is None:
                continue
            served, output = record.last
            record.last = None
            plain = self._render_plain(served.page, self._restored(served.context))
            self.proved += 1
            if plain != output:
                self._fail([record], served.page, output, plain)
        self._keys.clear()
        self._base = self._context = self._page = None

    # -- internals ----------------------------------------------------------------------
    def _record(self, key: Hashable, label: str) -> _KeyRecord:
        record = self._keys.get(key)
        if record is None:
            record = self._keys[key] = _KeyRecord(label)
        return record

    def _kept(self, context: dict) -> dict:
        """What rendering the page again needs, kept small: how its context differs from the first."""
        if self._base is None:
            self._base = context
            return {}
        base = self._base
        kept = {key: value for key, value in context.items() if base.get(key, _MISSING) is not value}
        kept.update({key: _MISSING for key in base if key not in context})
        return kept

    def _restored(self, kept: dict) -> dict:
        context = {**(self._base or {}), **kept}
        return {key: value for key, value in context.items() if value is not _MISSING}

    def _render_plain(self, page: Page, context: dict) -> str:
        """The page as the theme renders it, with no shared part."""
        template_name = page.meta.get("template", THEME_TEMPLATE)
        if template_name == SHELL_TEMPLATE:
            template_name = THEME_TEMPLATE
        was_plain, was_active = self.plain, page.active
        self.plain, page.active = True, True
        self._config._current_page = page
        try:
            return self.env.get_template(template_name).render(context)
        finally:
            self.plain, page.active = was_plain, was_active
            self._config._current_page = None

    def _fail(self, records: list[_KeyRecord], page: Page, output: str, plain: str) -> None:
        at = next((i for i, (a, b) in enumerate(zip(output, plain)) if a != b), min(len(output), len(plain)))
        for record in records:
            if record.failed:
                continue
            record.failed = True
            self.failures.append(record.label)
            log.warning(
                f"Speed-ups: {record.label} gave {page.file.src_uri} a page different from the theme's "
                f"at character {at:,}: {output[max(0, at - 60):at + 60]!r} instead of {plain[max(0, at - 60):at + 60]!r}. "
                f"Its {len(record.served) + 1} page(s) are rendered in full. A template or plugin uses a value "
                f"of its own on each page: set `speedups: false` under tip-content in mkdocs.yml to stop this check."
            )
            self._repair(record)

    def _repair(self, record: _KeyRecord) -> None:
        """Every page already written from the failed parts, rendered in full and written again."""
        served, record.served, record.last = record.served, [], None
        self._repairing = True
        try:
            for item in served:
                page = item.page
                output = self._render_plain(page, self._restored(item.context))
                output = self._config.plugins.on_post_page(output, page=page, config=self._config)
                if output.strip():
                    write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        finally:
            self._repairing = False


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()
SHELL_TEMPLATE = "tip-shell.html"


# Attributes that differ from page to page and that no shell slot or key stands for: a template
# that reads one of them writes something of each page's own, so its pages cannot share parts.
PER_PAGE_ATTRIBUTES = frozenset({"url", "file", "abs_url", "markdown", "present_anchor_ids", "links_to_anchors", "update_date"})


class PageReads:
    """The attributes of `page` that templates read while this is open (Jinja's getattr and getitem)."""

    def __init__(self, env: Environment, page: Page) -> None:
        self._env, self._page = env, page
        self.names: set[str] = set()

    @property
    def per_page(self) -> list[str]:
        return sorted(self.names & PER_PAGE_ATTRIBUTES)

    def __enter__(self) -> "PageReads":
        env, page, names = self._env, self._page, self.names
        self._before = {name: env.__dict__.get(name, _MISSING) for name in ("getattr", "getitem")}
        getattr_, getitem = env.getattr, env.getitem

        def tracked_getattr(obj, attribute):
            if obj is page:
                names.add(attribute)
            return getattr_(obj, attribute)

        def tracked_getitem(obj, argument):
            if obj is page and isinstance(argument, str):
                names.add(argument)
            return getitem(obj, argument)

        env.getattr, env.getitem = tracked_getattr, tracked_getitem
        return self

    def __exit__(self, *exc) -> None:
        for name, before in self._before.items():
            if before is _MISSING:
                del self._env.__dict__[name]
            else:
                setattr(self._env, name, before)
