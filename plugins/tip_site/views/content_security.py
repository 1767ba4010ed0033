"""The Content-Security-Policy of every HTML page the site publishes, as a `<meta http-equiv>` tag.

GitHub Pages sets no headers, so the policy travels in the page itself. It
lets a page run only scripts from the site's own files, plus the few inline
scripts the theme and our templates write — each allowed by the SHA-256 hash
of its exact text, computed from the finished page (Material's first script
holds the page's relative base URL, so hashes differ from page to page). No
`'unsafe-inline'`: a script anyone slipped into content would not run, even
if it got past the check and the sanitiser. Styles likewise: the site's own
stylesheets, plus the hashes of the page's own `<style>` blocks and, through
`'unsafe-hashes'`, of its `style` attributes (a table column's alignment,
the email edition's inline styles).

The pages are the site's own output, so their scripts are found by reading
the markup the templates write (`<script>…</script>`); a `<script>` inside
content was removed long before (the sanitiser escapes any `<` in text).
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import lru_cache

META_NAME = "Content-Security-Policy"

# What the site loads: its own files. Images may also be `data:` (Material's icons, inside its CSS).
BASE_DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


# Chromium adds a banner of its own to every page an XSL stylesheet makes (the feeds' page),
# warning that it is removing XSLT; its styles and its close button's handler are inline. The
# feed page allows exactly these by hash, so the browser's banner shows and closes as the browser
# means it. (Chromium drops the banner for a site that ships an XSLT polyfill.) Read from
# Chromium 156's banner; another version's differing text is blocked, harmlessly.
CHROMIUM_XSLT_BANNER_STYLES = (
    "background-color: #d9534f; color: white; padding: 12px 44px; font-size: 16px; font-weight: bold; "
    "text-align: center; font-family: sans-serif; line-height: normal; bottom: auto; width: auto; border: none;",
    "color: white; text-decoration: underline;",
    "display: block; margin-top: 8px; font-size: 14px; font-weight: normal; cursor: pointer;",
    "vertical-align: middle; margin-right: 6px;",
    "position: absolute; top: 6px; right: 8px; background: transparent; border: none; color: inherit; "
    "font: inherit; font-size: 20px; line-height: 1; padding: 4px 8px; cursor: pointer;",
)
CHROMIUM_XSLT_BANNER_HANDLERS = ("this.getRootNode().host.remove();",)


@lru_cache(maxsize=4096)  # the same few scripts, on thousands of pages
def sha256_source(text: str) -> str:
    """The CSP source expression that allows exactly `text`: 'sha256-…'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(page_html: str, image_hosts: tuple[str, ...] = (), xslt_page: bool = False) -> str:
    """The policy for a finished page: its inline scripts and styles allowed by hash, nothing else inline.

    `image_hosts`: other origins its images come from (an email edition's, from the site's address).
    `xslt_page`: the template of the page an XSL stylesheet makes, which Chromium adds its banner to.
    """
    scripts = sorted({sha256_source(body) for body in _inline_scripts(page_html)})
    styles = sorted({sha256_source(body) for body in _elements_text(page_html, "style")})
    style_values = [html.unescape(value) for value in _style_attributes(page_html)]
    handlers = list(CHROMIUM_XSLT_BANNER_HANDLERS) if xslt_page else []
    style_values += CHROMIUM_XSLT_BANNER_STYLES if xslt_page else ()
    attributes = sorted({sha256_source(value) for value in style_values})
    directives = dict(BASE_DIRECTIVES)
    handler_hashes = ["'unsafe-hashes'", *sorted({sha256_source(h) for h in handlers})] if handlers else []
    directives["script-src"] = " ".join(["'self'", *scripts, *handler_hashes])
    directives["style-src"] = " ".join(["'self'", *styles, *(["'unsafe-hashes'", *attributes] if attributes else [])])
    if image_hosts:
        directives["img-src"] += " " + " ".join(image_hosts)
    order = ("default-src", "script-src", "style-src", "img-src", "object-src", "base-uri", "form-action")
    return "; ".join(f"{name} {directives[name]}" for name in order)


def with_policy(page_html: str, image_hosts: tuple[str, ...] = (), xslt_page: bool = False) -> str:
    """`page_html` with its policy's `<meta>` first in `<head>` (after the charset), before anything it governs.

    `xslt_page`: an XSL stylesheet's page template (XML: the tag closes itself), see `policy`.
    """
    end = "/>" if xslt_page else ">"
    content = html.escape(policy(page_html, image_hosts, xslt_page), quote=False)
    tag = f'<meta http-equiv="{META_NAME}" content="{content}"{end}'
    charset = _find_charset(page_html)
    if charset >= 0:
        return page_html[:charset] + "\n" + tag + page_html[charset:]
    head = page_html.find("<head>")
    if head < 0:
        raise ValueError("an HTML page without <head>: nowhere to put its Content-Security-Policy")
    at = head + len("<head>")
    return page_html[:at] + tag + page_html[at:]


def _find_charset(page_html: str) -> int:
    """Where the `<meta charset>` tag ends, or -1."""
    start = page_html.find("<meta charset=")
    if start < 0 or start > 2000:
        return -1
    return page_html.find(">", start) + 1


def _inline_scripts(page_html: str) -> list[str]:
    """The text of every `<script>` without a src that a browser would run (not data blocks)."""
    found = []
    for attributes, body in _elements(page_html, "script"):
        if " src=" in attributes:
            continue
        kind = _attribute(attributes, "type")
        if kind in (None, "", "text/javascript", "module", "application/javascript"):
            found.append(body)
    return found


def _elements_text(page_html: str, tag: str) -> list[str]:
    return [body for _, body in _elements(page_html, tag)]


def _elements(page_html: str, tag: str) -> list[tuple[str, str]]:
    """(attributes, text) of each `<tag …>text</tag>` in the page."""
    opening, closing = f"<{tag}", f"</{tag}>"
    found = []
    start = page_html.find(opening)
    while start >= 0:
        end_of_tag = page_html.find(">", start)
        attributes = page_html[start + len(opening) : end_of_tag]
        if end_of_tag < 0:
            break
        if attributes[:1] in ("", " ", "\n", "\t"):  # <style…> but not <styles>
            end = page_html.find(closing, end_of_tag)
            if end < 0:
                break
            found.append((attributes, page_html[end_of_tag + 1 : end]))
            start = page_html.find(opening, end)
        else:
            start = page_html.find(opening, end_of_tag)
    return found


def _attribute(attributes: str, name: str) -> str | None:
    for quote in ('"', "'"):
        marker = f" {name}={quote}"
        start = attributes.find(marker)
        if start >= 0:
            start += len(marker)
            return attributes[start : attributes.find(quote, start)].lower()
    return None


def _style_attributes(page_html: str) -> list[str]:
    values = []
    start = page_html.find(' style="')
    while start >= 0:
        start += len(' style="')
        end = page_html.find('"', start)
        values.append(page_html[start:end])
        start = page_html.find(' style="', end)
    return values
