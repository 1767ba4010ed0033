"""The pure parts of feeds: item ids, feed HTML, and the checks that stand in for the W3C validator."""

from __future__ import annotations

import datetime as dt

import pytest

from feed_rules import atom_problems, html_problems, rss_problems
from tip_site.views.feeds.content import feed_html
from tip_site.views.publication import IdScheme
from tip_site.views.uk_time import london_midnight

PAGE = "https://trauma-informed-llr.github.io/newsletters/2025-q1/"


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ('<h1 id="t">Spring<a class="headerlink" href="#t">¶</a></h1><p>Hello</p>', "<p>Hello</p>"),
        ('<h2 id="a">Agenda<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>', '<h2 id="a">Agenda</h2>'),
        ('<p><a href="../../library/toolkit/">toolkit</a></p>', '<p><a href="https://trauma-informed-llr.github.io/library/toolkit/">toolkit</a></p>'),
        ('<p><img src="chart.png" alt="A chart" style="width:50%"></p>', '<p><img src="https://trauma-informed-llr.github.io/newsletters/2025-q1/chart.png" alt="A chart"></p>'),
        ('<div class="admonition note" role="note" aria-label="Note"><p>Read</p></div>', '<div class="admonition note"><p>Read</p></div>'),
        ("<p>Text<!-- a comment --></p>", "<p>Text</p>"),
        ('<p>Icon <svg viewBox="0 0 1 1"><path d="M0"/></svg>done</p>', "<p>Icon done</p>"),
        ("<p><custom-tag>kept words</custom-tag></p>", "<p>kept words</p>"),
        ('<p>Issue</p><nav aria-label="More issues"><ul><li><a href="../2025-q2/" rel="next">Next issue</a></li></ul></nav>', "<p>Issue</p>"),
        ('<p>About</p><h2 id="r">Related</h2><ol class="tip-results" data-feed-exclude><li><a href="../x/">X</a></li></ol><p>End</p>',
         "<p>About</p><p>End</p>"),
        ("", ""),
    ],
)
def test_page_html_is_made_fit_for_a_feed(fragment, expected):
    assert feed_html(fragment, PAGE) == expected


def test_feed_html_passes_the_validator_html_rules():
    html = feed_html('<table><tr><th scope="col">Area</th></tr></table><p><a href="#x" onclick="x()">x</a></p><input type="checkbox" disabled>', PAGE)
    assert html_problems("content", html) == []


@pytest.mark.parametrize(
    "scheme, kind, item_id, expected",
    [
        (IdScheme("trauma-informed-llr.github.io", 2026), "resource", "toolkit", "tag:trauma-informed-llr.github.io,2026:resource/toolkit"),
        (IdScheme("Trauma-Informed-LLR.github.io", 2026), "newsletter", "2025-q1", "tag:trauma-informed-llr.github.io,2026:newsletter/2025-q1"),
    ],
)
def test_item_ids_are_tag_uris_of_kind_and_permanent_id(scheme, kind, item_id, expected):
    assert scheme.item_id(kind, item_id) == expected


@pytest.mark.parametrize(
    "day, offset_hours",
    [(dt.date(2025, 3, 29), 0), (dt.date(2025, 3, 30), 0), (dt.date(2025, 3, 31), 1), (dt.date(2025, 10, 25), 1), (dt.date(2025, 10, 27), 0)],
)
def test_dates_start_at_uk_midnight_with_that_day_s_offset(day, offset_hours):
    assert london_midnight(day).utcoffset() == dt.timedelta(hours=offset_hours)


GOOD_RSS = """<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>
<title>T</title><link>https://ex.org/</link><description>D</description>
<atom:link href="https://ex.org/feed.xml" rel="self" type="application/rss+xml"/>
<item><title>Item</title><link>https://ex.org/a/</link><description>S</description>
<content:encoded>&lt;p&gt;&lt;a href="https://ex.org/b/"&gt;b&lt;/a&gt;&lt;/p&gt;</content:encoded>
<guid isPermaLink="false">tag:ex.org,2026:resource/a</guid><pubDate>Fri, 14 Mar 2025 00:00:00 +0000</pubDate></item>
</channel></rss>"""

GOOD_ATOM = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:ex.org,2026:feed/site</id><title>T</title>
<updated>2025-03-14T00:00:00+00:00</updated><author><name>P</name></author>
<link href="https://ex.org/atom.xml" rel="self" type="application/atom+xml"/><link href="https://ex.org/" rel="alternate"/>
<entry><id>tag:ex.org,2026:resource/a</id><title>Item</title><updated>2025-03-14T00:00:00+00:00</updated>
<link href="https://ex.org/a/"/><summary>S</summary></entry></feed>"""


def test_the_validator_rules_accept_a_good_feed():
    assert rss_problems(GOOD_RSS.encode(), "https://ex.org/feed.xml") == []
    assert atom_problems(GOOD_ATOM.encode(), "https://ex.org/atom.xml") == []


@pytest.mark.parametrize(
    "change, problem",
    [
        (('isPermaLink="false"', ""), "is not a URL but isPermaLink"),
        (("Fri, 14 Mar", "Sat, 14 Mar"), "wrong day of the week"),
        (("Fri, 14 Mar 2025 00:00:00 +0000", "2025-03-14"), "not an RFC 822 date"),
        (("https://ex.org/b/", "../b/"), "relative URL reference"),
        (("&lt;a href", "&lt;a style=&quot;x&quot; href"), "attribute style"),
        (('<atom:link href="https://ex.org/feed.xml" rel="self" type="application/rss+xml"/>', ""), 'missing atom:link with rel="self"'),
        (("tag:ex.org,2026:resource/a", "tag:ex.org:resource/a"), "is not a valid URI"),
        (("<title>Item</title>", "<title>&lt;b&gt;Item&lt;/b&gt;</title>"), "contains HTML"),
        (("<title>Item</title>", "<title>Tips &lt;br for teams</title>"), "CharacterData"),
        (("Fri, 14 Mar 2025", "Thu, 14 Mar 1985"), "implausible date"),
        (("Fri, 14 Mar 2025", "Sat, 14 Mar 2099"), "implausible date"),
        (("tag:ex.org,2026:resource/a", "12345"), "not sufficiently unique"),
        (('isPermaLink="false"', 'isPermaLink="no"'), "isPermaLink must be"),
        (("<title>T</title>", "<title>T</title><title>U</title>"), "title appears twice"),
    ],
)
def test_the_rss_rules_catch_what_the_validator_flags(change, problem):
    bad = GOOD_RSS.replace(*change)
    assert bad != GOOD_RSS
    assert any(problem in p for p in rss_problems(bad.encode(), "https://ex.org/feed.xml"))


@pytest.mark.parametrize(
    "change, problem",
    [
        (("<author><name>P</name></author>", ""), "missing author"),
        (("<updated>2025-03-14T00:00:00+00:00</updated>\n<link", "<updated>2025-03-14</updated>\n<link"), "not an RFC 3339"),
        (('<link href="https://ex.org/a/"/>', '<link href="/a/"/>'), "relative alternate link"),
        (("</entry></feed>", "</entry><entry><id>tag:ex.org,2026:resource/a</id><title>Again</title><updated>2025-03-14T00:00:00+00:00</updated><link href=\"https://ex.org/c/\"/><summary>S</summary></entry></feed>"), "duplicate"),
        (("</entry></feed>", "</entry><entry><id>tag:ex.org,2026:resource/b</id><title>Same day</title><updated>2025-03-14T00:00:00+00:00</updated><link href=\"https://ex.org/c/\"/><summary>S</summary></entry></feed>"),
         "two entries with the same value for atom:updated"),
        (("<updated>2025-03-14T00:00:00+00:00</updated><author>", "<updated>1989-03-14T00:00:00+00:00</updated><author>"), "implausible date"),
        (("<updated>2025-03-14T00:00:00+00:00</updated>\n<link", "<updated>2099-03-14T00:00:00+00:00</updated>\n<link"), "implausible date"),
        (("<id>tag:ex.org,2026:resource/a</id>", "<id> tag:ex.org,2026:resource/a</id>"), "whitespace not permitted"),
        (("<id>tag:ex.org,2026:feed/site</id>", "<id>https://Ex.org/feed</id>"), "not in canonical form"),
        (('<link href="https://ex.org/a/"/>', '<link href="https://ex.org/a/"/><link href="https://ex.org/b/"/>'), "duplicate alternate links"),
        (('<link href="https://ex.org/a/"/>', '<link href="https://ex.org/a/"/><link rel="sibling" href="https://ex.org/b/"/>'), "unregistered link relationship"),
        (("<title>Item</title>", "<title>&lt;b&gt;Item&lt;/b&gt;</title>"), "contains HTML without declaring it"),
    ],
)
def test_the_atom_rules_catch_what_the_validator_flags(change, problem):
    bad = GOOD_ATOM.replace(*change)
    assert bad != GOOD_ATOM
    assert any(problem in p for p in atom_problems(bad.encode(), "https://ex.org/atom.xml"))
