"""The value objects every page generator returns.

Most generated pages are Markdown, read by MkDocs like any page in docs/.
The pages made by the hundred (resources, the library's lists, newsletter
issues, events) are given as parts instead: our views' ready-made HTML,
headings as data, and the editor's own Markdown — the only part
Python-Markdown has to read (adapters/assembled_pages.py puts them
together). Their `markdown` is the same page written out as Markdown, which
renders to the same HTML: tests/test_assembled_pages.py checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

from tip_site.views.markdown_text import text


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path of the Markdown source within the site, e.g. "groups/tip.md"
    markdown: str


@dataclass(frozen=True)
class Heading:
    """A heading our view writes; it is listed in the page's contents like any Markdown heading."""

    level: int
    text: str  # plain text


@dataclass(frozen=True)
class Html:
    """Block-level HTML a view wrote, shown as it is."""

    html: str


class LaterHtml:
    """Block-level HTML written only when the page is put together (or written out as Markdown).

    For the lists of cards on the library's pages and under each resource: made when the pages
    are, they were held all at once from the check to the build (51 MB at 5,000 resources).
    """

    __slots__ = ("_write",)

    def __init__(self, write: Callable[[], str]) -> None:
        self._write = write

    @property
    def html(self) -> str:
        return self._write()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (Html, LaterHtml)) and self.html == other.html

    def __hash__(self) -> int:
        return hash(self.html)

    def __repr__(self) -> str:
        return f"LaterHtml({self._write!r})"


@dataclass(frozen=True)
class EditorMarkdown:
    """Markdown an editor wrote: rendered by Python-Markdown, its links checked and rewritten by MkDocs."""

    written: str  # as the item holds it: trimmed only when read, so no trimmed copy waits with the page
    within: str = ""  # if given, the class of a <div> around it
    trim: str | None = ""  # the characters `markdown` trims from both ends (None: white space; "": none)

    @property
    def markdown(self) -> str:
        return self.written.strip(self.trim)

    def wrapped(self, html: str) -> str:
        """The rendered Markdown inside its <div>, as md_in_html writes one."""
        return f'<div class="{self.within}">\n{html}\n</div>' if self.within else html


Part = Union[Heading, Html, LaterHtml, EditorMarkdown]


@dataclass(frozen=True)
class AssembledPage:
    uri: str
    front_matter: str  # a YAML block, as `markdown_text.front_matter` writes it
    parts: tuple[Part, ...]
    # One of many pages alike but for their title, description, address, contents and feeds
    # (resources, issues, events, the library's lists): the theme may render them from a
    # shell cut from the first of them (adapters/page_shells.py).
    shares_shell: bool = False

    def __post_init__(self) -> None:
        if sum(isinstance(part, EditorMarkdown) for part in self.parts) > 1:
            raise ValueError(f"{self.uri}: a page has at most one part of editor's Markdown")

    @property
    def editor_markdown(self) -> str:
        """What MkDocs reads: the front matter and the editor's Markdown, if any."""
        body = next((part.markdown for part in self.parts if isinstance(part, EditorMarkdown)), "")
        return self.front_matter + body

    @property
    def markdown(self) -> str:
        """The whole page written as Markdown (tests and link checks read it; the build does not)."""
        return self.front_matter + "\n\n".join(_as_markdown(part) for part in self.parts) + "\n"


class LaterPage:
    """A page whose address is known at once, and whose contents are made only if read.

    For the link check of the site as it will be on a scheduled date: it needs every page's
    address, but the text of only the few pages linked with a '#'.
    """

    __slots__ = ("uri", "_make")

    def __init__(self, uri: str, make: Callable[[], "AssembledPage"]) -> None:
        self.uri = uri
        self._make = make

    @property
    def markdown(self) -> str:
        return self._make().markdown

    def __repr__(self) -> str:
        return f"LaterPage({self.uri!r})"


def _as_markdown(part: Part) -> str:
    if isinstance(part, Heading):
        return "#" * part.level + " " + text(part.text)
    if isinstance(part, (Html, LaterHtml)):
        return part.html
    if part.within:
        return f'<div class="{part.within}" markdown>\n\n{part.markdown.strip(chr(10))}\n\n</div>'
    return part.markdown.strip("\n")
