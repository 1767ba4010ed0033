"""An assembled page's HTML and contents list, from its parts and its editor's rendered Markdown.

Headings come out as the toc extension writes them (ids, permalinks), so an
assembled page looks and links exactly like one rendered from Markdown: the
adapter measures the site's configured style once, with `HeadingStyle.probe`.
"""

from __future__ import annotations

from dataclasses import dataclass
import re
from html import escape, unescape
from typing import Callable

from markdown import Markdown
from markdown.extensions.toc import slugify as default_slugify
from markdown.extensions.toc import unique

from tip_site.views.generated_page import AssembledPage, EditorMarkdown, Heading, Html

_PROBE = "Tipprobeheading"
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class TocEntry:
    level: int
    id: str
    title: str  # HTML, as MkDocs keeps a heading's title


@dataclass(frozen=True)
class HeadingStyle:
    """How the site's Markdown configuration writes a heading of each level.

    `templates[level]` holds {id} and {title}; `toc_levels[level]` is the level the contents
    list gives it (the toc extension's `baselevel` shifts both), or None if it is left out.
    """

    templates: dict[int, str]
    toc_levels: dict[int, int | None]
    slugify: Callable[[str, str], str] = default_slugify
    separator: str = "-"

    @classmethod
    def probe(cls, extensions: list, extension_configs: dict) -> "HeadingStyle | None":
        """Render one heading of each level with the site's extensions and keep its shape.

        None if the shape cannot be told for sure, or if a test page assembled with it does not
        come out exactly as the same page rendered from Markdown: the caller then renders
        such pages from their Markdown.
        """
        md = Markdown(extensions=extensions, extension_configs=extension_configs)
        toc = extension_configs.get("toc", {})
        slugify = toc.get("slugify", default_slugify)
        separator = toc.get("separator", "-")
        anchor = slugify(_PROBE, separator)
        templates, toc_levels = {}, {}
        for level in range(1, 7):
            md.reset()
            html = md.convert("#" * level + " " + _PROBE)
            tokens = getattr(md, "toc_tokens", [])
            if not anchor or _PROBE in anchor or anchor in _PROBE:
                return None  # the id could not be told from the title
            template = html.replace(anchor, "{id}")
            if template.count(_PROBE) != 1 or "{title}" in template:
                return None
            templates[level] = template.replace(_PROBE, "{title}")
            toc_levels[level] = tokens[0]["level"] if tokens else None
        style = cls(templates, toc_levels, slugify, separator)
        return style if style._agrees_with(md) else None

    def heading(self, level: int, anchor: str, title: str) -> str:
        return self.templates[min(level, 6)].replace("{id}", anchor).replace("{title}", title)

    def _agrees_with(self, md: Markdown) -> bool:
        """A page of every kind of part, assembled and rendered from Markdown: the same?"""
        page = AssembledPage("probe.md", "", (
            Heading(1, "Fish & chips: <b>“quoted”</b> café"),
            EditorMarkdown("## Related resources\n\nText with *emphasis*.\n\n### Related resources\n\n#### A & B\n"),
            Heading(2, "Related resources"),
            Html('<div class="tip-card"><p>Cards</p></div>'),
            Heading(3, "Steps 1–2"),
            Heading(4, "Deep"), Heading(5, "Deeper"), Heading(6, "Deepest"),
        ))
        md.reset()
        expected_html = md.convert(page.markdown)
        expected_toc = _flattened(getattr(md, "toc_tokens", []))
        editor = next(part for part in page.parts if isinstance(part, EditorMarkdown))
        md.reset()
        editor_html = md.convert(editor.markdown)
        editor_toc = _flattened(getattr(md, "toc_tokens", []))
        try:
            html, toc = assemble(page, editor_html, editor_toc, self)
        except (KeyError, ValueError):
            return False
        return html == expected_html and toc == expected_toc


def _flattened(tokens: list) -> list[TocEntry]:
    entries: list[TocEntry] = []
    for token in tokens:
        entries.append(TocEntry(token["level"], token["id"], token["name"]))
        entries += _flattened(token["children"])
    return entries


def assemble(page: AssembledPage, editor_html: str, editor_toc: list[TocEntry], style: HeadingStyle) -> tuple[str, list[TocEntry]]:
    """The page's HTML and its contents in order, given the HTML and contents of its editor's Markdown.

    The editor's headings keep their ids; ours take the next free one (`_1`, `_2`…) if theirs is taken.
    """
    # Every id in the editor's HTML is taken, as the toc extension counts them: headings beyond
    # `toc_depth` are not in the contents list but keep their ids.
    used = {entry.id for entry in editor_toc} | {unescape(found) for found in _ID_ATTRIBUTE.findall(editor_html)}
    html: list[str] = []
    toc: list[TocEntry] = []
    for part in page.parts:
        if isinstance(part, Heading):
            title = escape(part.text, quote=False)
            anchor = unique(style.slugify(part.text, style.separator), used)
            html.append(style.heading(part.level, anchor, title))
            toc_level = style.toc_levels[min(part.level, 6)]
            if toc_level is not None:
                toc.append(TocEntry(toc_level, anchor, title))
        elif isinstance(part, EditorMarkdown):
            if editor_html or part.within:
                html.append(part.wrapped(editor_html))
            toc += editor_toc
        else:
            html.append(part.html + "\n")  # Python-Markdown leaves a blank line after a raw HTML block
    return "\n".join(html).strip("\n"), toc
