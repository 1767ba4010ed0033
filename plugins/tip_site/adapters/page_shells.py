"""Pages made by the hundred, rendered from one shell per shape instead of one template run each.

Resource pages, newsletter issues, event pages and the library's lists differ
from one another only in their title, description, address, content, contents
list, feed links and the target of the "Skip to content" link: the rest of
each — head, header, navigation, footer, scripts — is the same for all those
of one shape (same depth, same other meta). The first of each shape is
rendered by the theme's main.html and cut around those values; the second is
rendered both ways, and only if the two match does the shell serve the rest;
rendering_proof.py then proves it again on a sample of the pages it serves.
A page whose title or description could be written differently in different
places (tags, entities, odd spaces) is rendered by main.html as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.structure.pages import Page

from tip_site.adapters.rendering_proof import PageReads, RenderingProof
from tip_site.adapters.shared_nav import NavLinks
from tip_site.views.site_menu import page_contents
from tip_site.views.page_meta import plain_text

SHELL_TEMPLATE = "tip-shell.html"  # overrides/tip-shell.html calls `tip_page_from_shell()`
THEME_TEMPLATE = "main.html"


@dataclass(frozen=True)
class _Shell:
    pieces: tuple[str, ...]  # the text around the slots: one more than there are slots
    slots: tuple[str, ...]  # names of the page's own values (see `_values`)

    @classmethod
    def cut(cls, html: str, values: dict[str, str]) -> "_Shell | None":
        """`html` cut around the page's own values; None if its content is not there exactly once."""
        content = values["content"]
        if not content or html.count(content) != 1:
            return None
        present = [value for value in values.values() if value]
        if len(set(present)) != len(present):
            return None  # two values alike: the cut could not tell which is which
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


@dataclass
class _Shape:
    shell: _Shell | None = None
    first: dict[str, str] | None = None  # the values of the page the shell was cut from
    first_url: str = ""
    proven: bool = False
    dead: bool = False
    tries: int = 0


# Short texts that could also occur in the rest of a page: a shell is proven only by a page
# whose own are different, so a stray match in the shell would show.
_PROVING_SLOTS = ("title", "description")


class PageShells:
    """Called by overrides/tip-shell.html, for pages whose meta names that template, with the
    page's contents list and feed links already rendered."""

    def __init__(self, nav_links: NavLinks, proof: RenderingProof | None = None) -> None:
        self._nav_links = nav_links
        self._proof = proof  # None: no shell is used, every page is rendered by main.html
        self._shapes: dict[tuple, _Shape] = {}
        self.filled = 0  # pages filled in from a shell, for the build's log

    @property
    def shells(self) -> int:
        return sum(1 for shape in self._shapes.values() if shape.proven)

    @property
    def unproved(self) -> int:
        """Shapes whose pages differ beyond the slots (a template writes something of each page's own)."""
        return sum(1 for shape in self._shapes.values() if shape.dead and shape.first_url)

    def report(self) -> str:
        return f"{self.filled} pages filled in from {self.shells} shells"

    @pass_context
    def __call__(self, context: Context, toc: str, feed_links: str) -> Markup:
        proof = self._proof
        if proof is None or proof.plain:
            return self._render(context)
        page: Page = context["page"]
        values = _values(page, toc, feed_links) if _outside_nav(page) else None
        key = ("shell", *self._key(page, context["base_url"]), proof.extras) if values is not None else None
        shape = self._shapes.setdefault(key, _Shape()) if key is not None else None
        if shape is not None and proof.failed(key):
            shape.proven, shape.dead = False, True
        if shape is not None and shape.proven:
            self.filled += 1
            proof.used(key, f"the shell of pages like {shape.first_url}")
            return Markup(shape.shell.fill(values))
        if shape is None or shape.dead:
            return self._render(context)
        if shape.shell is None:
            # The template's reads of the page show whether it writes anything of the page's own.
            with PageReads(context.environment, page) as reads:
                html = self._render(context)
            if reads.per_page:
                proof.per_page_reads.update(reads.per_page)
                shape.dead, shape.first_url = True, page.url
                return html
            shape.shell, shape.first, shape.first_url = _Shell.cut(html, values), values, page.url
            shape.tries += 1
            shape.dead = shape.shell is None and shape.tries >= 3
            return html
        html = self._render(context)
        if all(values[slot] != shape.first[slot] for slot in _PROVING_SLOTS if shape.first[slot]):
            # The shell must give exactly what main.html gave for this page.
            shape.proven = shape.shell.fill(values) == html
            shape.dead = not shape.proven
        return html

    def _key(self, page: Page, base_url: str) -> tuple:
        """What the rest of the page depends on, as MkDocs and our plugins set it.

        (The proof adds whatever else a hook or plugin gave the page.)"""
        links = self._nav_links(page, base_url)
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in ("title", "description")))
        section = page.url.split("/", 1)[0]
        # Whether each text is there at all, and whether escaping changes it (then it has two slots).
        texts = tuple((bool(text), str(escape(text)) != text) for text in (plain_text(page.meta.get("title")), plain_text(page.meta.get("description"))))
        # Whether the contents list is shown (partials/toc.html: from three headings) shapes the page too.
        return base_url, section, links, meta, texts, bool(page_contents(page.toc)), "<h1" in (page.content or "")

    @staticmethod
    def _render(context: Context) -> Markup:
        # The context MkDocs and the plugins gave tip-shell.html (not the variables it set): the
        # page comes out as if MkDocs had rendered main.html itself.
        template = context.environment.get_template(THEME_TEMPLATE)
        return Markup(template.render(context.parent))


def _outside_nav(page: Page) -> bool:
    """False for a page in the navigation, or with links of its own around the content."""
    return not (page.parent is not None or page.previous_page or page.next_page or page.edit_url)


def _values(page: Page, toc: str, feed_links: str) -> dict[str, str] | None:
    """The page's own values as the theme writes them, or None if unsure.

    MkDocs' templates do not escape by default: the title and description are
    written as they are in some places and escaped (`| e`) in others, so each
    has two slots when escaping changes it.
    """
    title = plain_text(page.meta.get("title"))  # front matter reaches templates escaped (views/page_meta.py)
    description = plain_text(page.meta.get("description"))
    if not title or not _plain(title) or not _plain(description):
        return None
    first = next(iter(page.toc), None)
    return {
        "content": page.content or "",
        **_text("title", title),
        **_text("description", description),
        "url": page.canonical_url or "",
        "skip": f'<a href="#{first.id}" class="md-skip">' if first else "",
        "toc": toc,
        "feed_links": feed_links,
    }


def _text(name: str, text: str) -> dict[str, str]:
    escaped = str(escape(text))
    return {name: text, f"{name}_escaped": escaped if escaped != text else ""}


def _plain(text: str) -> bool:
    """Text every template writes the same way: no tags, entities or runs of spaces."""
    return text == " ".join(text.split()) and "<" not in text and ">" not in text and not re.search(r"&#?\w+;", text)
