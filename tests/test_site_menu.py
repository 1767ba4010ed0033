"""The header menu, the footer's lists, the contents rule and the home page's data: plain Python, no MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sitekit import REPO
from tip_site.core import load_site
from tip_site.views.home_page import home_data, home_page
from tip_site.views.site_menu import Link, footer_groups, menu_links, page_contents

MENU = [Link("About", "about/"), Link("The groups", "groups/"), Link("Resource library", "library/")]


def test_the_menu_marks_the_page_itself_and_its_section():
    assert [l.current for l in menu_links(MENU, "library/")] == [None, None, "page"]
    assert [l.current for l in menu_links(MENU, "library/type/guide/page/2/")] == [None, None, "true"]
    assert [l.current for l in menu_links(MENU, "groups/cop/")] == [None, "true", None]
    assert [l.current for l in menu_links(MENU, "")] == [None, None, None], "the home page is in no section"
    assert [l.current for l in menu_links(MENU, "about-us/")] == [None, None, None], "a folder is not a prefix of another"


def test_the_footer_lists_what_the_menu_leaves_out_and_only_pages_that_exist():
    nav = [*MENU, Link("Governance", "governance/"), Link("Need help now?", "help/")]
    groups = dict(footer_groups(nav, MENU, existing={"help/", "privacy/", "editors/"}))
    assert groups["The partnership"] == [Link("Governance", "governance/")]
    assert [l.url for l in groups["Help and safety"]] == ["help/"]
    assert [l.url for l in groups["This website"]] == ["privacy/", "editors/"]
    assert "Help and safety" not in dict(footer_groups(nav, MENU, existing=set()))


@dataclass
class Entry:
    title: str
    level: int
    children: list = field(default_factory=list)


def test_contents_are_listed_from_three_headings_below_the_title():
    two = [Entry("Title", 1, [Entry("A", 2), Entry("B", 2)])]
    assert page_contents(two) == []
    nested = [Entry("Title", 1, [Entry("A", 2, [Entry("A.1", 3)]), Entry("B", 2)])]
    assert [e.title for e in page_contents(nested)] == ["A", "B"]
    assert [e.title for e in page_contents([Entry("A", 2), Entry("B", 2), Entry("C", 2)])] == ["A", "B", "C"]


def test_home_page_data_routes_newsletter_and_the_next_three_meetings():
    site = load_site(REPO)
    today = dt.date(2026, 11, 27)
    with_library = home_data(site, today, {"library/index.md"})
    assert [r.title for r in with_library.routes] == ["Find resources", "Join or contact a group", "Need help now?"]
    assert [r.url for r in with_library.routes] == ["library/", "groups/", "help/"] and with_library.routes[-1].urgent
    assert [r.title for r in home_data(site, today, set()).routes][0] == "Join or contact a group"
    assert with_library.newsletter.title == site.newsletters[0].title
    upcoming = [e for e in site.events if e.start.date() >= today][:3]
    assert [m.title for m in with_library.meetings] == [e.title for e in upcoming] and len(upcoming) == 3
    page = home_page(site, today, {"library/index.md"})[0]
    assert "template: home.html" in page.markdown and "- toc" in page.markdown
    assert page.markdown.count("\n# ") == 1, "the Markdown holds the title and the two sentences only"
