"""Refusing what editors' Markdown would put on a page outside the allow-list, at its line.

The Markdown is rendered as the site renders it (Python-Markdown, the
project's extensions), and the HTML it makes is read by a tokenizer, not by
patterns: every element, attribute, class, id and address outside
`core/html_policy.py` is refused, with the file, the line and the fix. So are
links and images whose scheme `core/link_schemes.py` refuses, however they are
written: inline, reference-style, autolinks, raw HTML, character references,
control characters. Comments are left to the sanitiser, which removes them.

Most bodies hold no HTML, attribute list, character reference or unusual
address at all: a quick look lets them skip rendering.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from markdown import Markdown

from tip_site.core import html_policy as policy
from tip_site.core.link_schemes import ALLOWED_SCHEMES, as_browsers_read_it, malformed, refused_scheme, scheme
from tip_site.core.plain_text import markup_in_text
from tip_site.core.problems import Problems

# What the site renders editors' Markdown with (mkdocs.yml), and the extensions editors
# know from Material's documentation: what any of them can turn into HTML is checked.
EXTENSIONS = (
    "toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "footnotes", "def_list", "abbr",
    "pymdownx.details", "pymdownx.superfences",
)

_SCRIPT_ELEMENTS = frozenset({"script", "noscript", "template"})
_EMBEDDING_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "audio", "video", "source", "track", "canvas"})
_FORM_ELEMENTS = frozenset({"form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "output", "datalist"})
_PAGE_ELEMENTS = frozenset({"html", "head", "body", "base", "meta", "link", "style", "title"})
_PICTURE_ELEMENTS = frozenset({"svg", "math", "picture", "map", "area"})

_CODE_ELEMENTS = frozenset({"code", "pre"})
_TEXT_FIX = "remove it, or put it between `backticks` to show it as code"

ALLOWED_SCHEME_WORDS = "an https:// address, an email address (mailto:), a phone number (tel:) or a page of this site"


@dataclass(frozen=True)
class Finding:
    """One thing the allow-list refuses: the key that finds it again, the message and the fix."""

    key: tuple
    message: str
    fix: str


def check_markup(body: str, path: str, first_line: int, problems: Problems) -> None:
    """Add a problem, at its line, for everything in `body` the allow-list refuses."""
    if not could_hold_refused_markup(body):
        return
    findings = refused_markup(_render(body))
    if not findings:
        return
    lines = body.split("\n")
    for finding in findings:
        line = _line_of(finding, lines)
        problems.add(path, first_line + line - 1 if line else None, None, finding.message, finding.fix)


def refused_markup(html: str) -> list[Finding]:
    """Everything in rendered HTML that the allow-list refuses, in order, each once."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return list(dict.fromkeys(reader.findings))


def could_hold_refused_markup(body: str) -> bool:
    """False when `body` holds nothing that could render to refused HTML: no '<' (HTML,
    autolinks), no '{' (attribute lists), no character reference, no link or image address
    with a scheme the site refuses, and no image with any scheme (one on another site)."""
    if "<" in body or "{" in body:
        return True
    if "&" in body and _has_character_reference(body):
        return True
    has_images = "![" in body
    for marker in ("](", "]:"):
        start = body.find(marker)
        while start >= 0:
            found = scheme(_address_after(body, start + len(marker)))
            if found is not None:
                if found not in ALLOWED_SCHEMES:
                    return True
                # An image on another site: an inline image's own address, or any reference definition.
                if has_images and (marker == "]:" or _closes_an_image(body, start)):
                    return True
            start = body.find(marker, start + 2)
    return False


def _closes_an_image(body: str, end: int) -> bool:
    """True if the `]` at `end` closes the text of an image, `![…]`, opened on the same line."""
    opening = body.rfind("[", body.rfind("\n", 0, end) + 1, end)
    return opening > 0 and body[opening - 1] == "!"


def _address_after(body: str, start: int) -> str:
    """The address a link destination or reference definition starting at `start` holds (control characters and all)."""
    text = body[start : start + 200].lstrip(" \t\n")
    for end, character in enumerate(text):
        if character in " \t\n)\"'":
            return text[:end]
    return text


def _has_character_reference(body: str) -> bool:
    start = body.find("&")
    while start >= 0:
        after = body[start + 1 : start + 2]
        if after == "#" or (after.isalpha() and ";" in body[start : start + 40].split(None, 1)[0]):
            return True
        start = body.find("&", start + 1)
    return False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self._in_code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not policy.allowed_tag(tag):
            self.findings.append(_element_finding(tag))
            return
        for name, value in attrs:
            finding = _attribute_finding(tag, name, value or "")
            if finding:
                self.findings.append(finding)
        if tag in _CODE_ELEMENTS:
            self._in_code += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _CODE_ELEMENTS:
            self._in_code -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _CODE_ELEMENTS and self._in_code:
            self._in_code -= 1

    def handle_data(self, data: str) -> None:
        # Markdown shows what it could not read as HTML as text: `<a/href=…>` is a tag to a
        # browser, and so is `&lt;script&gt;` pasted from elsewhere. Code shows HTML on purpose.
        if not self._in_code and ("<" in data or ":" in data or "=" in data):
            markup = markup_in_text(data)
            if markup is not None:
                self.findings.append(Finding(("text", markup[0]), markup[0], _TEXT_FIX))


def _element_finding(tag: str) -> Finding:
    if ":" in tag:  # <javascript:alert(1)>: Markdown leaves an autolink it cannot read as a tag
        return _address_finding(tag)
    shown = f"the HTML element <{tag}>"
    if tag in _SCRIPT_ELEMENTS:
        return Finding(("element", tag), f"{shown} is not allowed: it could run script", "remove it: nothing in the site's content may run script")
    if tag in _EMBEDDING_ELEMENTS:
        return Finding(("element", tag), f"{shown} is not allowed: it embeds something from elsewhere", "remove it; to share a video, a form or another page, link to it instead")
    if tag in _FORM_ELEMENTS:
        return Finding(("element", tag), f"{shown} is not allowed: it is part of a form", "remove it; to share a form, link to it instead")
    if tag in _PAGE_ELEMENTS:
        return Finding(("element", tag), f"{shown} is not allowed in content: the site sets it for the whole page", "remove it")
    if tag in _PICTURE_ELEMENTS:
        return Finding(("element", tag), f"{shown} is not allowed in content", "save the picture as an image file (.png, .jpg, .svg) and show it with ![what it shows](file.png)")
    return Finding(("element", tag), f"{shown} is not allowed in content", "use Markdown instead; the editors' guide lists the HTML the site allows")


def _attribute_finding(tag: str, name: str, value: str) -> Finding | None:
    key = ("attribute", tag, name, value)
    if name.startswith("on"):
        return Finding(key, f"the HTML attribute '{name}' could run script and is not allowed", "remove the attribute")
    if not policy.attribute_allowed(tag, name):
        return Finding(key, f"the HTML attribute '{name}' is not allowed on <{tag}>", "remove the attribute; the editors' guide lists the HTML the site allows")
    if name in policy.URL_ATTRIBUTES:
        if refused_scheme(value):
            return _address_finding(value)
        if malformed(value):
            return Finding(key, f"'{value}' is not an address", f"link to {ALLOWED_SCHEME_WORDS}")
        if tag == "img" and name == "src" and policy.image_source_problem(value):
            return Finding(key, f"the image '{value}' is on another website", "save the image with the content and give its file name: the site loads nothing from other hosts")
    elif name == "class":
        refused = [c for c in value.split() if not policy.allowed_class(tag, c)]
        if refused:
            return Finding(key, f"the class '{refused[0]}' is not allowed in content", "remove it; the editors' guide lists the classes the site allows, such as md-button")
    elif name == "id" and policy.reserved_id(value):
        return Finding(key, f"the id '{value}' is used by the site itself", "choose another id (or another heading)")
    elif name == "style" and policy.alignment(value) is None:
        return Finding(key, f"the style '{value}' is not allowed in content", "remove the style attribute: the site's own styles apply to content")
    elif name == "align" and value.lower() not in policy.ALIGNMENTS:
        return Finding(key, f"the alignment '{value}' is not allowed", "write left, right or center")
    elif name not in ("class", "id", "style", "align"):
        markup = markup_in_text(value)
        if markup is not None:
            return Finding(key, f"the HTML attribute '{name}' {markup[0].removeprefix('the text ')}", "write plain text in it")
    return None


def _address_finding(address: str) -> Finding:
    shown = as_browsers_read_it(address)
    found = refused_scheme(address) or "that"
    return Finding(
        ("address", shown),
        f"the address '{shown}' is not allowed: a '{found}:' address could run script",
        f"link to {ALLOWED_SCHEME_WORDS}",
    )


def _line_of(finding: Finding, lines: list[str]) -> int | None:
    """The first line (from 1) by which the body makes `finding`: the fewest lines whose rendering holds it."""
    low, high = 1, len(lines)
    if finding not in refused_markup(_render("\n".join(lines))):
        return None
    while low < high:
        middle = (low + high) // 2
        if finding in refused_markup(_render("\n".join(lines[:middle]))):
            high = middle
        else:
            low = middle + 1
    return low


_markdown: Markdown | None = None


def _render(body: str) -> str:
    global _markdown
    if _markdown is None:
        _markdown = Markdown(extensions=list(EXTENSIONS))
    return _markdown.reset().convert(body)
