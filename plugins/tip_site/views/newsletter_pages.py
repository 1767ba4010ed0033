"""The newsletter archive page and one page per issue.

An issue page shows the issue, links to its email edition, its groups and
priorities, and the issues before and after it. The issue's own text sits in
a `tip-newsletter-body` block so the email edition can take exactly that part
of the HTML MkDocs renders.
"""

from __future__ import annotations

import html

from tip_site.core.model import Newsletter, Site
from tip_site.views.generated_page import GeneratedPage
from tip_site.views.markdown_text import front_matter, text
from tip_site.views.newsletter_archive import ARCHIVE_URI, QUARTER_MONTHS, archive_years, date_words, neighbours, quarter_name
from tip_site.views.urls import group_uri, link, newsletter_uri, priority_uri

BODY_CLASS = "tip-newsletter-body"
EMAIL_FILE = "email.html"  # written next to the issue page's index.html

ARCHIVE_INTRO = (
    "Every quarter the partnership shares a trauma informed newsletter, communicating and highlighting "
    "the work across its three groups: the Trauma Informed Partnership Network, the Community of Practice "
    "Group and the Trauma Informed Schools Forum. Each issue has an email version and prints cleanly, so it "
    "can be passed on or saved as a PDF."
)


def newsletter_pages(site: Site) -> list[GeneratedPage]:
    pages = [GeneratedPage(ARCHIVE_URI, archive_markdown(site))]
    pages += [GeneratedPage(newsletter_uri(issue), issue_markdown(site, issue)) for issue in site.newsletters]
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
                text(issue.summary),
                "{ .tip-newsletter-summary }\n",
            ]
    return "\n".join(lines)


def issue_markdown(site: Site, issue: Newsletter) -> str:
    uri = newsletter_uri(issue)
    lines = [
        front_matter(title=issue.title, description=issue.summary),
        f"# {text(issue.title)}\n",
        f'<p class="tip-newsletter-meta">{html.escape(quarter_name(issue))} · Published {_time(issue)}</p>\n',
        text(issue.summary),
        "{ .tip-newsletter-summary }\n",
    ]
    if issue.cover:
        size = f" width={issue.cover.width} height={issue.cover.height}" if issue.cover.width else ""
        lines.append(f"![{_link_text(issue.cover.alt)}]({link(uri, issue.cover.src)}){{ .tip-newsletter-cover{size} }}\n")
    lines += [
        '<nav class="tip-newsletter-tools" aria-label="Other versions of this issue">',
        "<ul>",
        f'<li><a href="{EMAIL_FILE}">Email version of this issue</a> (one web page to send to a mailing list)</li>',
        "<li>To print this issue or save it as a PDF, use your browser's Print command.</li>",
        "</ul>",
        "</nav>\n",
        f'<div class="{BODY_CLASS}" markdown>\n',
        issue.body.strip("\n") + "\n",
        "</div>\n",
        "## Groups and priorities in this issue\n",
        "- Groups: " + ", ".join(f"[{_link_text(site.group(g).name)}]({link(uri, group_uri(g))})" for g in issue.groups),
        "- Strategic priorities: "
        + ", ".join(f"[{site.priority(p).number}. {_link_text(site.priority(p).title)}]({link(uri, priority_uri(p))})" for p in issue.priorities),
        "",
        '<nav class="tip-newsletter-pager" aria-label="More issues" markdown>\n',
        *_pager(site, issue),
        "\n</nav>\n",
    ]
    return "\n".join(lines)


def _pager(site: Site, issue: Newsletter) -> list[str]:
    uri = newsletter_uri(issue)
    around = neighbours(site, issue)
    items = []
    if around.previous:
        items.append(f"- Previous issue: [{_link_text(around.previous.title)}]({link(uri, newsletter_uri(around.previous))}){{ rel=prev }}")
    if around.next:
        items.append(f"- Next issue: [{_link_text(around.next.title)}]({link(uri, newsletter_uri(around.next))}){{ rel=next }}")
    items.append(f"- [All issues, by year]({link(uri, ARCHIVE_URI)})")
    return items


def _time(issue: Newsletter) -> str:
    return f'<time datetime="{issue.published.isoformat()}">{date_words(issue.published)}</time>'


def _link_text(value: str) -> str:
    """Data text safe inside the [ ] of a Markdown link or image."""
    return text(value).replace("[", "\\[").replace("]", "\\]")
