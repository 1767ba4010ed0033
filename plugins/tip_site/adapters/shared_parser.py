"""One Markdown parser for the whole build, for the pages made by the hundred.

MkDocs builds a new Python-Markdown parser, with every extension, for each
page it renders: about a tenth of rendering a resource page's text. The pages
our views assemble by the hundred (resources, newsletter issues, events, the
library's lists) share one parser instead, reset between pages, with MkDocs'
own per-page steps (raw HTML ids, anchors, relative links, the title)
registered afresh for each page: `Page.render` of MkDocs 1.6, step by step.
tests/test_shared_parser.py renders pages both ways and compares everything.
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc


class SharedParser:
    """The parser, made once per build with the site's extensions."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.markdown = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
        )


class SharedParserPage(pages.Page):
    def __init__(self, file: File, config: MkDocsConfig, parser: SharedParser) -> None:
        super().__init__(None, file, config)
        self._parser = parser

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._parser.markdown
        md.reset()
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative_paths = pages._RelativePathTreeprocessor(self.file, files, config)
        relative_paths._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)

        self.content = md.convert(self.markdown)
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_paths.links_to_anchors
