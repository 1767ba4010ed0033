"""The newsletter archive page and one page per issue.

An issue page shows the issue, links to its email edition, its groups and
priorities, and the issues before and after it. The issue's own text sits in
a `tip-newsletter-body` block so the email edition can take exactly that part
of the HTML MkDocs renders.
"""

from __future__ import annotations

import html

from tip_site.core.model import Newsletter, Site
from tip_site.views.content_note import content_note_label
from tip_site.views.generated_page import AssembledPage, EditorMarkdown, GeneratedPage, Heading, Html, Part
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.newsletter_archive import ARCHIVE_URI, QUARTER_MONTHS, archive_years, date_words, neighbours, quarter_name
from tip_site.views.urls import group_uri, href, link, newsletter_uri, priority_uri

BODY_CLASS = "tip-newsletter-body"
EMAIL_FILE = "email.html"  # written next to the issue page's index.html

ARCHIVE_INTRO = (
    "Every quarter the partnership shares a trauma informed newsletter, communicating and highlighting "
    "the work across its three groups: the Trauma Informed Partnership Network, the Community of Practice "
    "Group and the Trauma Informed Schools Forum. Each issue has an email version and prints cleanly, so it "
    "can be passed on or saved as a PDF."
)


def newsletter_pages(site: Site) -> list[GeneratedPage | AssembledPage]:
    pages = [GeneratedPage(ARCHIVE_URI, archive_markdown(site))]
    pages += [issue_page(site, issue) for issue in site.newsletters]
    return pages


def archive_markdown(site: Site) -> str:
    lines = [
        front_matter(title="Newsletter archive", description="Every issue of the partnership's quarterly newsletter, newest first."),
        "# Newsletter archive\n",
        ARCHIVE_INTRO + "\n",
    ]
    years = archive_years(site)
    if not years:
        lines.append("No issue has been published yet. The first one will appear here.\n")
    for year in years:
        lines.append(f"## {year.year} {{ #year-{year.year} }}\n")
        for issue in year.issues:
            lines += [
                f"### Quarter {issue.quarter}: {QUARTER_MONTHS[issue.quarter]} {{ #{issue.id} }}\n",
                f"**[{_link_text(issue.title)}]({link(ARCHIVE_URI, newsletter_uri(issue))})**  ",
                f"Published {_time(issue)}\n",
                *([content_note_label(issue.content_note) + "\n"] if issue.content_note else []),
                text(issue.summary),
                "{ .tip-newsletter-summary }\n",
            ]
    return "\n".join(lines)


def issue_page(site: Site, issue: Newsletter) -> AssembledPage:
    uri = newsletter_uri(issue)
    parts: list[Part] = [
        Heading(1, issue.title),
        Html(f'<p class="tip-newsletter-meta">{html.escape(quarter_name(issue))} · Published {_time(issue)}</p>'),
        Html(f'<p class="tip-newsletter-summary">{html.escape(issue.summary, quote=False)}</p>'),
    ]
    if issue.cover:
        cover = issue.cover
        height, width = (f' height="{cover.height}"', f' width="{cover.width}"') if cover.width else ("", "")
        parts.append(Html(
            f'<p><img alt="{_attribute(cover.alt)}" class="tip-newsletter-cover"{height} '
            f'src="{_attribute(href(uri, cover.src))}"{width} /></p>'
        ))
    parts += [
        Html(
            '<nav class="tip-newsletter-tools" aria-label="Other versions of this issue">\n<ul>\n'
            f'<li><a href="{EMAIL_FILE}">Email version of this issue</a> (one web page to send to a mailing list)</li>\n'
            "<li>To print this issue or save it as a PDF, use your browser's Print command.</li>\n"
            "</ul>\n</nav>"
        ),
        EditorMarkdown(issue.body, within=BODY_CLASS, trim="\n"),
        Heading(2, "Groups and priorities in this issue"),
        Html(
            "<ul>\n<li>Groups: "
            + ", ".join(f'<a href="{href(uri, group_uri(g))}">{html.escape(site.group(g).name)}</a>' for g in issue.groups)
            + "</li>\n<li>Strategic priorities: "
            + ", ".join(
                f'<a href="{href(uri, priority_uri(p))}">{site.priority(p).number}. {html.escape(site.priority(p).title)}</a>'
                for p in issue.priorities
            )
            + "</li>\n</ul>"
        ),
        Html('<nav aria-label="More issues" class="tip-newsletter-pager">\n<ul>\n' + "\n".join(_pager(site, issue)) + "\n</ul>\n</nav>"),
    ]
    return AssembledPage(uri, front_matter(title=issue.title, description=issue.summary, content_note=issue.content_note), tuple(parts), shares_shell=True)


def _pager(site: Site, issue: Newsletter) -> list[str]:
    uri = newsletter_uri(issue)
    around = neighbours(site, issue)
    items = []
    if around.previous:
        items.append(f'<li>Previous issue: <a href="{href(uri, newsletter_uri(around.previous))}" rel="prev">{html.escape(around.previous.title)}</a></li>')
    if around.next:
        items.append(f'<li>Next issue: <a href="{href(uri, newsletter_uri(around.next))}" rel="next">{html.escape(around.next.title)}</a></li>')
    items.append(f'<li><a href="{href(uri, ARCHIVE_URI)}">All issues, by year</a></li>')
    return items


def _attribute(value: str) -> str:
    """An attribute value escaped as Python-Markdown escapes one."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def _time(issue: Newsletter) -> str:
    return f'<time datetime="{issue.published.isoformat()}">{date_words(issue.published)}</time>'


def _link_text(value: str) -> str:
    """Data text safe inside the [ ] of a Markdown link or image."""
    return text(value)
