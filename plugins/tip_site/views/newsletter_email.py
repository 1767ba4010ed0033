"""The email edition of a newsletter issue: one HTML file a mail program can send as it is.

Email clients ignore or strip <style>, <link> and <script>, and read the file
away from the site, so every style is inline, every address absolute, and the
layout is a 600px table (the one layout Outlook, Gmail and Apple Mail all
render alike; Outlook for Windows, which ignores max-width, gets a fixed-width
table in a conditional comment). The issue's text is the HTML MkDocs rendered for its page, so
the email says exactly what the site says. The file is also a page of the site,
so it is valid HTML (table layout by inline CSS, Outlook's own attributes only in
its conditional comments) and starts, like every page, with Exit this page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urljoin, urlsplit

import lxml.html

from tip_site.core.model import Newsletter, Site
from tip_site.views.fragment_html import inner_html
from tip_site.views.content_security import with_policy
from tip_site.views.newsletter_archive import ARCHIVE_URI, date_words, quarter_name
from tip_site.views.newsletter_pages import BODY_CLASS, EMAIL_FILE
from tip_site.views.sanitiser import clean_elsewhere
from tip_site.views.urls import group_uri, newsletter_uri, page_url, priority_uri

WIDTH = 600
PADDING = 24
TEXT = "#1f2937"  # 14.7:1 on white
HEADING = "#1a237e"
LINK = "#283593"
BRAND = "#3f51b5"  # white text on it: 6.9:1
PAGE_BG = "#eef0f6"
FONT = "font-family:Arial,Helvetica,sans-serif;"
EXIT_RED = "#b3261e"  # white text on it: 6.2:1
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"  # as on the site (extra.exit_this_page.url)
TABLE = "border-collapse:collapse;border-spacing:0;"  # what cellpadding/cellspacing/border="0" did

# Inline style of each element of the issue's text, by tag.
TAG_STYLES = {
    "h1": f"{FONT}margin:0 0 12px;font-size:28px;line-height:1.25;font-weight:bold;color:{HEADING};",
    "h2": f"{FONT}margin:28px 0 12px;font-size:22px;line-height:1.3;font-weight:bold;color:{HEADING};",
    "h3": f"{FONT}margin:24px 0 8px;font-size:18px;line-height:1.35;font-weight:bold;color:{HEADING};",
    "h4": f"{FONT}margin:20px 0 8px;font-size:16px;line-height:1.4;font-weight:bold;color:{TEXT};",
    "h5": f"{FONT}margin:16px 0 8px;font-size:15px;line-height:1.4;font-weight:bold;color:{TEXT};",
    "h6": f"{FONT}margin:16px 0 8px;font-size:14px;line-height:1.4;font-weight:bold;color:{TEXT};",
    "p": f"{FONT}margin:0 0 16px;font-size:16px;line-height:1.6;color:{TEXT};",
    "ul": f"{FONT}margin:0 0 16px;padding:0 0 0 24px;color:{TEXT};",
    "ol": f"{FONT}margin:0 0 16px;padding:0 0 0 24px;color:{TEXT};",
    "li": f"{FONT}margin:0 0 8px;font-size:16px;line-height:1.6;color:{TEXT};",
    "a": f"color:{LINK};text-decoration:underline;",
    "strong": "font-weight:bold;",
    "em": "font-style:italic;",
    "blockquote": f"margin:0 0 16px;padding:12px 16px;border-left:4px solid {BRAND};background-color:#f3f4fb;color:{TEXT};",
    "img": "display:block;max-width:100%;height:auto;border:0;outline:none;text-decoration:none;",
    "table": f"{FONT}border-collapse:collapse;width:100%;margin:0 0 16px;font-size:15px;color:{TEXT};",
    "th": "padding:8px;border:1px solid #c5cae9;background-color:#e8eaf6;text-align:left;font-weight:bold;",
    "td": "padding:8px;border:1px solid #c5cae9;vertical-align:top;",
    "hr": "border:0;border-top:1px solid #c5cae9;margin:24px 0;",
    "code": "font-family:Consolas,'Courier New',monospace;font-size:14px;background-color:#f3f4f6;",
    "pre": "font-family:Consolas,'Courier New',monospace;font-size:14px;background-color:#f3f4f6;padding:12px;white-space:pre-wrap;margin:0 0 16px;",
    "dl": "margin:0 0 16px;",
    "dt": f"{FONT}font-weight:bold;color:{TEXT};",
    "dd": f"{FONT}margin:0 0 8px 16px;color:{TEXT};",
    "figure": "margin:0 0 16px;",
    "figcaption": f"{FONT}font-size:14px;line-height:1.5;color:#4b5563;",
}

# Classes the Markdown extensions give, as inline styles (the class itself means nothing in an email).
CLASS_STYLES = {
    "admonition": f"margin:0 0 16px;padding:12px 16px;border:1px solid #c5cae9;border-left:4px solid {BRAND};background-color:#f3f4fb;",
    "admonition-title": f"{FONT}margin:0 0 8px;font-size:16px;font-weight:bold;color:{HEADING};",
}

# Parts of the page HTML that mean nothing, or do harm, in an email.
DROPPED = ("script", "style", "link", "iframe", "object", "embed", "form", "input", "button")


@dataclass(frozen=True)
class EmailEdition:
    path: str  # where it is written in the built site, e.g. "newsletters/2025-q3/email.html"
    html: str


def email_path(issue: Newsletter) -> str:
    return page_url(newsletter_uri(issue)) + EMAIL_FILE


def email_editions(
    site: Site, rendered: Mapping[str, str], site_url: str, site_name: str, exit_url: str = DEFAULT_EXIT_URL
) -> list[EmailEdition]:
    """The email edition of every published issue whose page MkDocs rendered."""
    return [
        EmailEdition(email_path(issue), email_edition(site, issue, rendered[newsletter_uri(issue)], site_url, site_name, exit_url))
        for issue in site.newsletters
        if newsletter_uri(issue) in rendered
    ]


def email_edition(
    site: Site, issue: Newsletter, page_html: str, site_url: str, site_name: str, exit_url: str = DEFAULT_EXIT_URL
) -> str:
    """One issue as a self-contained HTML email, from the HTML of its page."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    issue_url = urljoin(base, page_url(newsletter_uri(issue)))
    body = inline_styles(clean_elsewhere(issue_text(page_html), issue_url, keep_alignment=True))
    e = html.escape
    cover = ""
    if issue.cover:
        src = urljoin(base, issue.cover.src)
        height = f' height="{round(WIDTH * issue.cover.height / issue.cover.width)}"' if issue.cover.width else ""
        cover = (
            f'<tr><td style="padding:0;"><img src="{e(src)}" alt="{e(issue.cover.alt)}" width="{WIDTH}"{height} '
            f'style="{TAG_STYLES["img"]}width:100%;"></td></tr>'
        )
    topics = " · ".join(
        [_link(urljoin(base, page_url(group_uri(g))), site.group(g).short_name) for g in issue.groups]
        + [_link(urljoin(base, page_url(priority_uri(p))), f"{site.priority(p).number}. {site.priority(p).title}") for p in issue.priorities]
    )
    archive_url = urljoin(base, page_url(ARCHIVE_URI))
    cell = f"padding:0 {PADDING}px;"
    edition = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{e(issue.title)} · {e(site_name)}</title>
</head>
<body style="margin:0;padding:0;background-color:{PAGE_BG};">
<!--[if !mso]><!--><div style="display:none;max-height:0;overflow:hidden;">{e(issue.summary)}</div><!--<![endif]-->
<table role="presentation" style="{TABLE}width:100%;background-color:{PAGE_BG};">
<tr><td style="padding:8px;text-align:right;">
<a href="{e(exit_url)}" rel="nofollow noreferrer" style="{FONT}display:inline-block;padding:8px 14px;background-color:{EXIT_RED};color:#ffffff;font-size:14px;font-weight:bold;text-decoration:none;">Exit this page</a>
</td></tr>
<tr><td style="padding:8px 8px 24px;">
<!--[if mso]><table role="presentation" width="{WIDTH}" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" style="{TABLE}width:100%;max-width:{WIDTH}px;margin:0 auto;background-color:#ffffff;">
<tr><td style="padding:16px {PADDING}px;background-color:{BRAND};">
<p style="{FONT}margin:0;font-size:14px;line-height:1.5;color:#ffffff;"><a href="{e(base)}" style="color:#ffffff;font-weight:bold;text-decoration:none;">{e(site_name)}</a><br>Quarterly newsletter · {e(quarter_name(issue))}</p>
</td></tr>
<tr><td style="padding:8px {PADDING}px;background-color:#f3f4fb;">
<p style="{FONT}margin:0;font-size:13px;line-height:1.5;color:{TEXT};">Trouble reading this email? {_link(issue_url, "Read this issue on the website")}.</p>
</td></tr>
{cover}
<tr><td style="padding:{PADDING}px {PADDING}px 0;">
<h1 style="{TAG_STYLES['h1']}">{e(issue.title)}</h1>
<p style="{FONT}margin:0 0 16px;font-size:14px;line-height:1.5;color:#4b5563;">Published {date_words(issue.published)}</p>
<p style="{FONT}margin:0 0 24px;font-size:18px;line-height:1.5;color:{TEXT};">{e(issue.summary)}</p>
</td></tr>
<tr><td style="{cell}">
{body}
</td></tr>
<tr><td style="padding:8px {PADDING}px {PADDING}px;">
<hr style="{TAG_STYLES['hr']}">
<p style="{FONT}margin:0 0 12px;font-size:14px;line-height:1.6;color:{TEXT};"><strong style="font-weight:bold;">In this issue:</strong> {topics}</p>
</td></tr>
<tr><td style="padding:16px {PADDING}px;background-color:#f3f4fb;">
<p style="{FONT}margin:0;font-size:13px;line-height:1.6;color:{TEXT};">{e(site_name)} shares this newsletter every quarter. {_link(archive_url, "Read every issue in the archive")}.</p>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
"""
    # Opened on the site, it carries the site's Content-Security-Policy; its images come from the site's address.
    return with_policy(edition, image_hosts=("{0.scheme}://{0.netloc}".format(urlsplit(base)),))


def issue_text(page_html: str) -> str:
    """The issue's own text out of its rendered page: the contents of the body block."""
    page = lxml.html.fragment_fromstring(page_html, create_parent="div")
    found = page.find_class(BODY_CLASS)
    if not found:
        raise ValueError(f"the issue page has no '{BODY_CLASS}' block")  # a programming mistake
    block = found[0]
    return (block.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in block)


def inline_styles(fragment: str) -> str:
    """The fragment with every element styled inline and classes, permalinks and active parts removed."""
    if not fragment.strip():
        return fragment
    wrapper = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in list(wrapper.iter()):
        if not isinstance(element.tag, str) or element is wrapper:
            continue
        classes = (element.get("class") or "").split()
        if element.tag in DROPPED or (element.tag == "a" and "headerlink" in classes):
            element.drop_tree()
            continue
        if element.tag == "details":  # collapsible blocks do not open in most mail programs
            element.tag, classes = "div", [*classes, "admonition"]
        elif element.tag == "summary":
            element.tag, classes = "p", [*classes, "admonition-title"]
        style = TAG_STYLES.get(element.tag, "") + "".join(CLASS_STYLES.get(c, "") for c in classes)
        style += element.get("style") or ""
        element.attrib.pop("class", None)
        if style:
            element.set("style", style)
    return inner_html(wrapper)


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url)}" style="{TAG_STYLES["a"]}">{html.escape(label)}</a>'
