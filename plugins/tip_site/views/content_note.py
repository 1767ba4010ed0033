"""A page's content note (front matter `content_note`), placed right after its title.

After the title rather than before it, so that someone who uses the skip link,
which jumps to the title, still meets the note before the content.
"""

from __future__ import annotations

import html


def with_content_note(page_html: str, note: str | None) -> str:
    if not note:
        return page_html
    block = (
        '<div class="tip-content-note" role="note" aria-label="Content note">'
        f"<p><strong>Content note:</strong> {html.escape(str(note))}</p></div>"
    )
    end_of_title = page_html.find("</h1>")
    if end_of_title < 0:
        return block + page_html
    cut = end_of_title + len("</h1>")
    return page_html[:cut] + block + page_html[cut:]
