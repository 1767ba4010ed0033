"""Generated pages given as parts (views/generated_page.py), built around MkDocs' own rendering.

MkDocs reads only the front matter and the editor's Markdown of such a page;
once it has rendered them, the page's HTML and contents list are completed
with our views' parts. Profiled at 1,000 resources, Python-Markdown spent as
long on the ready-made parts of a resource page as on its editor's text.
"""

from __future__ import annotations

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from tip_site.views.generated_page import AssembledPage
from tip_site.views.page_assembly import HeadingStyle, TocEntry, assemble


class AssembledPages:
    def __init__(self, config: MkDocsConfig, assemble: bool = True) -> None:
        # No style (speed-ups off, or the probe unsure): MkDocs reads each page's whole Markdown.
        self._style = HeadingStyle.probe(config.markdown_extensions, config.mdx_configs or {}) if assemble else None
        self.probe_failed = assemble and self._style is None
        self._pages: dict[str, AssembledPage] = {}
        self.whole: set[str] = set()  # uris of pages given as parts but read whole (no style)
        self.sharing_shells: set[str] = set()  # uris of pages the theme may render from a shared shell

    def __contains__(self, uri: str) -> bool:
        return uri in self._pages

    def source_of(self, page) -> str:
        """What MkDocs is to read for a generated page: an assembled page's editor part, or all the Markdown."""
        if not isinstance(page, AssembledPage):
            return page.markdown
        if page.shares_shell:
            self.sharing_shells.add(page.uri)
        if self._style is None:
            self.whole.add(page.uri)
            return page.markdown
        self._pages[page.uri] = page
        return page.editor_markdown

    def complete(self, page: Page, editor_html: str) -> str:
        """The page's whole HTML; its contents list now holds our headings too."""
        assembled = self._pages.pop(page.file.src_uri, None)
        if assembled is None:
            return editor_html
        html, entries = assemble(assembled, editor_html, _entries(page.toc), self._style)
        tokens = [{"level": e.level, "id": e.id, "name": e.title} for e in entries]
        page.toc = get_toc(nest_toc_tokens(tokens))
        page.present_anchor_ids = (page.present_anchor_ids or set()) | {e.id for e in entries}
        return html


def _entries(toc: TableOfContents) -> list[TocEntry]:
    """The contents list flattened, in the order the headings appear."""
    entries: list[TocEntry] = []

    def visit(link: AnchorLink) -> None:
        entries.append(TocEntry(link.level, link.id, link.title))
        for child in link.children:
            visit(child)

    for item in toc:
        visit(item)
    return entries
