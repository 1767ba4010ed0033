"""A content note (front matter `content_note`): on its page, right after the title; in lists, a label.

After the title rather than before it, so that someone who uses the skip link,
which jumps to the title, still meets the note before the content. Pages in
docs/, resources, newsletter issues and events may carry one; lists of them
(library cards, the archive, events, the home page) and feed items show it too.
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


def content_note_label(note: str | None, tag: str = "p") -> str:
    """A list entry's content note: a small label, then the note; nothing without one."""
    if not note:
        return ""
    return f'<{tag} class="tip-card__note"><span class="tip-label">Content note</span> {html.escape(str(note))}</{tag}>'
