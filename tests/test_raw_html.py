"""Ready-made HTML in generated pages skips Python-Markdown, and the page comes out the same."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from tip_site.views.raw_html import put_back, set_aside

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition", "pymdownx.details", "pymdownx.superfences"]
CARD = '<ol class="tip-results"><li class="tip-card"><h3><a href="../x/">A &amp; B</a></h3></li></ol>'


@pytest.mark.parametrize(
    ("markdown", "set_aside_count"),
    [
        (f"# Title\n\n{CARD}\n\nText after.\n", 1),
        (f"{CARD}\n", 1),  # first and last line of the page
        ('<dl class="tip-details"><div><dt>Type</dt><dd>Guide</dd></div></dl>\n\n<p class="x">One</p>\n', 2),
        (f"Text right before\n{CARD}\n", 0),  # no blank line before: part of a paragraph
        ("```html\n\n<p>shown as code</p>\n\n```\n", 0),  # inside fenced code
        ('<div markdown="1">\n\n*Markdown* inside\n\n</div>\n', 0),  # md_in_html reads it
        ('<div markdown="1">**Markdown** inside</div>\n', 0),
        ('<a href="x/">inline element</a>\n', 0),  # not a block: Markdown wraps it in <p>
        ("<p>opens here\nand closes on the next line</p>\n", 0),  # only one-line blocks
        ("<p>one</p> and <div>two</div>\n", 0),  # does not close the element it opens
        ("    <p>indented: code</p>\n", 0),
        ("- item\n\n  <p>in a list</p>\n", 0),
    ],
)
def test_only_whole_ready_made_blocks_are_set_aside_and_the_page_renders_the_same(markdown, set_aside_count):
    shortened, blocks = set_aside(markdown)
    assert len(blocks) == set_aside_count
    expected = python_markdown.markdown(markdown, extensions=EXTENSIONS)
    assert put_back(python_markdown.markdown(shortened, extensions=EXTENSIONS), blocks) == expected


def test_nothing_set_aside_leaves_the_html_alone():
    assert put_back("<!--tip-raw-0--> stays", []) == "<!--tip-raw-0--> stays"

