"""An assembled page's HTML and contents list, from its parts and its editor's rendered Markdown.

Headings come out as the toc extension writes them (ids, permalinks), so an
assembled page looks and links exactly like one rendered from Markdown: the
adapter measures the site's configured style once, with `HeadingStyle.probe`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from markdown import Markdown
from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique

from tip_site.views.generated_page import AssembledPage, EditorMarkdown, Heading

_PROBE = "Tipprobeheading"


@dataclass(frozen=True)
class TocEntry:
    level: int
    id: str
    title: str  # HTML, as MkDocs keeps a heading's title


@dataclass(frozen=True)
class HeadingStyle:
    """How the site's Markdown configuration writes a heading; `template` holds {level}, {id}, {title}."""

    template: str
    slugify: Callable[[str, str], str] = default_slugify
    separator: str = "-"

    @classmethod
    def probe(cls, extensions: list, extension_configs: dict) -> "HeadingStyle":
        """Render one heading with the site's extensions and keep its shape."""
        html = Markdown(extensions=extensions, extension_configs=extension_configs).convert("# " + _PROBE)
        toc = extension_configs.get("toc", {})
        slugify = toc.get("slugify", default_slugify)
        separator = toc.get("separator", "-")
        template = (
            html.replace(slugify(_PROBE, separator), "{id}").replace(_PROBE, "{title}")
            .replace("<h1", "<h{level}").replace("</h1>", "</h{level}>")
        )
        return cls(template, slugify, separator)

    def heading(self, level: int, anchor: str, title: str) -> str:
        return self.template.replace("{level}", str(level)).replace("{id}", anchor).replace("{title}", title)


def assemble(page: AssembledPage, editor_html: str, editor_toc: list[TocEntry], style: HeadingStyle) -> tuple[str, list[TocEntry]]:
    """The page's HTML and its contents in order, given the HTML and contents of its editor's Markdown.

    The editor's headings keep their ids; ours take the next free one (`_1`, `_2`…) if theirs is taken.
    """
    used = {entry.id for entry in editor_toc}
    html: list[str] = []
    toc: list[TocEntry] = []
    for part in page.parts:
        if isinstance(part, Heading):
            title = escape(part.text, quote=False)
            anchor = unique(style.slugify(part.text, style.separator), used)
            html.append(style.heading(part.level, anchor, title))
            toc.append(TocEntry(part.level, anchor, title))
        elif isinstance(part, EditorMarkdown):
            if editor_html or part.within:
                html.append(part.wrapped(editor_html))
            toc += editor_toc
        else:
            html.append(part.html + "\n")  # Python-Markdown leaves a blank line after a raw HTML block
    return "\n".join(html).strip("\n"), toc
