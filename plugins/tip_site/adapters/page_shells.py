"""The library's list pages, rendered from one shell per shape instead of one template run each.

Thousands of list pages (by type, audience, group, priority, and page by
page) differ only in their title, address, content and the target of the
"Skip to content" link: the rest of each — head, header, navigation, footer,
scripts — is the same for all those of one shape (same depth, meta and
contents list). The first of each shape is rendered by the theme's main.html
and cut around those values; the second is rendered both ways, and only if
the two match does the shell serve the rest. A page whose title could be
written differently in different places (tags, entities, odd spaces) is
rendered by main.html as usual. Measured at 1,000 resources: 4 renderings
of main.html for 385 list pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.structure.pages import Page

from tip_site.adapters.shared_nav import NavLinks

SHELL_TEMPLATE = "tip-shell.html"  # overrides/tip-shell.html calls `tip_page_from_shell()`
THEME_TEMPLATE = "main.html"


@dataclass(frozen=True)
class _Shell:
    pieces: tuple[str, ...]  # the text around the slots: one more than there are slots
    slots: tuple[str, ...]  # "content", "title", "url" or "skip"

    @classmethod
    def cut(cls, html: str, values: dict[str, str]) -> "_Shell | None":
        """`html` cut around the page's own values; None if its content is not there exactly once."""
        content = values["content"]
        if not content or html.count(content) != 1:
            return None
        before, after = html.split(content)
        others = {name: value for name, value in values.items() if name != "content"}
        pieces_before, slots_before = _split(before, others)
        pieces_after, slots_after = _split(after, others)
        return cls(tuple(pieces_before + pieces_after), tuple(slots_before + ["content"] + slots_after))

    def fill(self, values: dict[str, str]) -> str:
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out += [values[slot], piece]
        return "".join(out)


def _split(text: str, values: dict[str, str]) -> tuple[list[str], list[str]]:
    """`text` cut at every occurrence of each value (longest first)."""
    names = sorted((name for name in values if values[name]), key=lambda n: -len(values[n]))
    pattern = re.compile("|".join(re.escape(values[name]) for name in names))
    by_value = {values[name]: name for name in names}
    pieces, slots, start = [], [], 0
    for match in pattern.finditer(text):
        pieces.append(text[start:match.start()])
        slots.append(by_value[match.group()])
        start = match.end()
    pieces.append(text[start:])
    return pieces, slots


class PageShells:
    """Called by overrides/tip-shell.html, for pages whose meta names that template."""

    def __init__(self, nav_links: NavLinks) -> None:
        self._nav_links = nav_links
        self._shells: dict[tuple, _Shell | None] = {}
        self._unproven: dict[tuple, _Shell] = {}
        self.filled = 0  # pages filled in from a shell, for the build's debug log

    def report(self) -> str:
        shells = sum(1 for shell in self._shells.values() if shell)
        return f"{self.filled} list pages filled in from {shells} shells"

    @pass_context
    def __call__(self, context: Context) -> Markup:
        page: Page = context["page"]
        base_url: str = context["base_url"]
        values = _values(page)
        if values is None:
            return self._render(context)
        key = self._shape(page, base_url)
        if key is None:
            return self._render(context)
        if key in self._shells:
            shell = self._shells[key]
            if shell is None:
                return self._render(context)
            self.filled += 1
            return Markup(shell.fill(values))
        html = self._render(context)
        if key in self._unproven:  # the second of its shape: the shell must give what main.html gave
            shell = self._unproven.pop(key)
            self._shells[key] = shell if shell.fill(values) == html else None
        else:
            shell = _Shell.cut(html, values)
            if shell is None:
                self._shells[key] = None
            else:
                self._unproven[key] = shell
        return html

    def _shape(self, page: Page, base_url: str) -> tuple | None:
        """What the rest of the page depends on; None for a page that must not come from a shell."""
        if page.parent is not None or page.previous_page or page.next_page or page.edit_url:
            return None  # in the navigation, or with links of its own around the content
        links = self._nav_links(page, base_url)
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "title"))
        section = page.url.split("/", 1)[0]
        return base_url, section, links, meta, _toc_shape(page), "<h1" in (page.content or "")

    @staticmethod
    def _render(context: Context) -> Markup:
        template = context.environment.get_template(THEME_TEMPLATE)
        return Markup(template.render(context.get_all()))


def _values(page: Page) -> dict[str, str] | None:
    """The page's own title, address and content as the theme writes them, or None if unsure."""
    title = str(page.meta.get("title") or page.title or "")
    plain = title == " ".join(title.split()) and "<" not in title and ">" not in title and not re.search(r"&#?\w+;", title)
    if not title or not plain:
        return None
    first = next(iter(page.toc), None)
    skip = f'<a href="#{first.id}" class="md-skip">' if first else ""
    return {"content": page.content or "", "title": str(escape(title)), "url": page.canonical_url or "", "skip": skip}


def _toc_shape(page: Page) -> tuple:
    """The contents list but for the id of its first entry (a slot: the skip link's target)."""
    entries = list(page.toc)
    if not entries:
        return ()
    first, rest = entries[0], entries[1:]

    def shape(link) -> tuple:
        return link.level, link.id, link.title, tuple(shape(child) for child in link.children)

    # Material's contents list leaves out a first heading of level 1: then its title is not shown either.
    title = None if first.level == 1 else first.title
    return first.level, title, tuple(shape(c) for c in first.children), tuple(shape(r) for r in rest)
