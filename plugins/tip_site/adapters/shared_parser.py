"""One Markdown parser for the whole build, for the pages made by the hundred.

MkDocs builds a new Python-Markdown parser, with every extension, for each
page it renders: about a tenth of rendering a resource page's text. The pages
our views assemble by the hundred (resources, newsletter issues, events, the
library's lists) share one parser instead. Each is still rendered by the
installed engine's own `Page.render` (MkDocs', or ProperDocs' where it stands
in for MkDocs), which registers its per-page steps — raw HTML ids, anchors,
relative links, the title — on the parser it makes: here it is handed the
shared parser, reset, with the previous page's steps taken off, instead of a
new one. So whatever the engine does with the parser stays the engine's.
The engine and extensions it is used with are guarded (speedups.py);
tests/test_shared_parser.py renders pages both ways and compares everything.
"""

from __future__ import annotations

import types

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files

_REGISTRIES = ("preprocessors", "inlinePatterns", "treeprocessors", "postprocessors")


class SharedParser:
    """The parser, made once per build with the site's extensions, and lent to one page at a time."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._arguments = (list(config.markdown_extensions), dict(config.mdx_configs or {}))
        self.markdown = markdown.Markdown(extensions=self._arguments[0], extension_configs=self._arguments[1])
        self._own = {name: set(self._registry(name)._data) for name in (*_REGISTRIES, "blockprocessors")}
        self.lent = 0  # pages the engine rendered with it

    def _registry(self, name: str):
        md = self.markdown
        return md.parser.blockprocessors if name == "blockprocessors" else getattr(md, name)

    def lend(self, extensions, extension_configs=None, **options) -> markdown.Markdown:
        """What the engine's `markdown.Markdown(...)` gets: the shared parser, as good as new."""
        if options or (list(extensions), dict(extension_configs or {})) != self._arguments:
            return markdown.Markdown(extensions=extensions, extension_configs=extension_configs or {}, **options)
        for name, own in self._own.items():  # the previous page's per-page steps
            registry = self._registry(name)
            for step in [step for step in registry._data if step not in own]:
                registry.deregister(step)
        self.markdown.reset()
        self.lent += 1
        return self.markdown


class _EngineMarkdown(types.ModuleType):
    """The `markdown` module as the engine's pages module sees it while a page renders."""

    def __init__(self, parser: SharedParser) -> None:
        super().__init__("markdown")
        self._parser = parser

    def __getattr__(self, name: str):
        if name == "Markdown":
            return self._parser.lend
        return getattr(markdown, name)


class SharedParserPage(pages.Page):
    def __init__(self, file: File, config: MkDocsConfig, parser: SharedParser) -> None:
        super().__init__(None, file, config)
        self._parser = parser

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # The engine's own render, handed the shared parser where it would make a new one.
        real = pages.markdown
        pages.markdown = _EngineMarkdown(self._parser)
        try:
            super().render(config, files)
        finally:
            pages.markdown = real
