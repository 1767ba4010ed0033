"""The sanitiser (nh3) and the allow-list it applies: nothing that runs survives, what editors use stays."""

from __future__ import annotations

import lxml.html
import pytest

from tip_site.core import html_policy as policy
from tip_site.core.link_schemes import refused_scheme
from tip_site.views.sanitiser import clean_content, clean_elsewhere

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/x.js></SCRIPT>",
    '<IMG SRC="javascript:alert(1);">',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<IMG SRC=`javascript:alert(1)`>",
    '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
    "<IMG SRC=# onmouseover=\"alert(1)\">",
    "<img src=x onerror=alert(1)>",
    '<IMG SRC="jav\tascript:alert(1);">',
    '<IMG SRC="jav&#x09;ascript:alert(1);">',
    '<IMG SRC=" &#14;  javascript:alert(1);">',
    '<SCRIPT/XSS SRC="https://xss.example/x.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(1)>',
    '<<SCRIPT>alert(1);//<</SCRIPT>',
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object type="text/x-scriptlet" data="https://xss.example/x.html"></object>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
    '<LINK REL="stylesheet" HREF="javascript:alert(1);">',
    '<BASE HREF="javascript:alert(1);//">',
    '<TABLE BACKGROUND="javascript:alert(1)"><TD BACKGROUND="javascript:alert(1)">x</TD></TABLE>',
    '<DIV STYLE="background-image: url(javascript:alert(1))">x</DIV>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">over the exit button</p>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    '<details open ontoggle=alert(1)><summary>x</summary></details>',
    '<a href="https://example.org" data-tip-exit>fake exit</a>',
    '<a class="tip-exit__button md-dialog" href="https://evil.example">fake exit</a>',
    '<h2 id="__config">x</h2><div id="tip-search">y</div><img name="getElementById">',
    "<!--[if gte IE 4]><SCRIPT>alert(1);</SCRIPT><![endif]-->",
    '<a href="https://example.org" target="_blank" rel="opener">x</a>',
    "<template><img src=x onerror=alert(1)></template>",
    '<abbr title="<script>alert(1)</script>">x</abbr><img src="a.png" alt="&lt;img src=x onerror=alert(1)&gt;">',
    '<input autofocus onfocus=alert(1)>',
]


def _elements(html: str):
    return lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div").iter()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_nothing_that_runs_or_hijacks_the_page_survives(hostile):
    for on_site, clean in ((True, clean_content(hostile)), (False, clean_elsewhere(hostile, "https://example.org/a/"))):
        for element in _elements(clean):
            if not isinstance(element.tag, str):
                continue
            assert element.tag == "div" or element.tag in policy.TAGS, clean
            for name, value in element.attrib.items():
                assert not name.startswith("on"), clean
                assert name not in ("style", "srcdoc", "formaction", "background", "target", "name") or name == "style" and policy.alignment(value), clean
                assert not name.startswith("data-"), clean
                if name in ("href", "src", "cite"):
                    assert refused_scheme(value) is None, clean
                if name == "id" and on_site:  # feed readers and mail programs run none of the site's scripts
                    assert not policy.reserved_id(value), clean
                if name == "class" and on_site:
                    assert all(policy.allowed_class(element.tag, c) for c in value.split()), clean
        assert "alert(" not in clean.replace("&lt;", "<") or "<" not in clean, clean


KEPT = [
    '<h2 id="agenda">Agenda<a class="headerlink" href="#agenda" title="Permanent link">¶</a></h2>',
    '<p><a href="../about/#why">About</a> <a href="https://example.org/">Site</a> <a href="mailto:a@example.org">Mail</a> <a href="tel:999">999</a></p>',
    '<p><img alt="A chart" height="200" src="images/chart.png" width="300"></p>',
    '<div class="admonition warning"><p class="admonition-title">Take care</p><p>Text</p></div>',
    '<details class="note" open=""><summary>More</summary><p>Hidden</p></details>',
    '<table><thead><tr><th style="text-align: left;">a</th><th align="right">b</th></tr></thead></table>',
    '<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup> <abbr title="Hyper Text">HTML</abbr></p>',
    '<div class="language-python highlight"><pre><span></span><code><span class="nb">print</span></code></pre></div>',
    '<p><a class="md-button md-button--primary" href="https://example.org/join">Join</a></p>',
    '<p lang="cy">Croeso</p>',
    "<ul><li>one</li></ul><ol start=\"3\"><li>three</li></ol><dl><dt>Term</dt><dd>Definition</dd></dl>",
]


@pytest.mark.parametrize("html", KEPT)
def test_what_editors_use_is_kept_as_it_is(html):
    assert clean_content(html) == html


def test_every_entry_of_the_allow_list_says_why():
    for table in (policy.TAGS, policy.CLASSES, *policy.ATTRIBUTES.values()):
        for name, reason in table.items():
            assert isinstance(reason, str) and len(reason.split()) >= 2, name


def test_the_allow_list_keeps_out_what_could_run():
    assert not {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "base", "meta", "link"} & set(policy.TAGS)
    every_attribute = {name for names in policy.ATTRIBUTES.values() for name in names}
    assert not [name for name in every_attribute if name.startswith("on") or name in ("srcdoc", "formaction", "name", "target")]
    assert policy.URL_ATTRIBUTES >= {name for name in every_attribute if name in ("href", "src", "cite", "action", "data", "poster")}


def test_feeds_and_emails_get_absolute_addresses_under_the_same_rule():
    html = clean_elsewhere('<p><a href="../x/">x</a> <a href="JaVaScRiPt:alert(1)">j</a> <img src="c.png" alt="A"></p><nav>site</nav>', "https://example.org/news/q1/")
    assert html == '<p><a href="https://example.org/news/x/">x</a> <a>j</a> <img src="https://example.org/news/q1/c.png" alt="A"></p>'
