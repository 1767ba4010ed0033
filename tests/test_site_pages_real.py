"""The real site: every public page exists, is built from the data, and loads nothing from another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.core import load_site

PAGES = [
    "index.html", "about/index.html", "groups/index.html", "groups/tip/index.html", "priorities/index.html",
    "priorities/workforce/index.html", "priorities/matrix/index.html", "governance/index.html",
    "membership/index.html", "events/index.html", "help/index.html", "safety/index.html",
    "accessibility/index.html", "privacy/index.html", "contact/index.html", "404.html",
]

# <link rel=...> values that make a browser fetch something.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest", "import"}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https")


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_exists_with_a_title(real_site: Path, path: str):
    html = soup(real_site, path)
    assert html.find("h1") is not None and html.find("h1").get_text(strip=True)
    assert html.find(attrs={"data-tip-exit": True}) is not None, "Exit this page on every page"
    assert html.find("a", class_="tip-topbar__help") is not None, "Need help now? one step from every page"


def test_no_page_loads_anything_from_another_host(real_site: Path):
    offenders = []
    SITE_HOST = urlsplit(soup(real_site, "index.html").find("link", rel="canonical")["href"]).netloc
    for file in sorted(real_site.rglob("*.html")):
        html = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        # Email editions are read in mail programs, so they load the site's own
        # images by absolute address; nothing in them may come from anywhere else.
        allowed = SITE_HOST if file.name == "email.html" else None
        for tag in html.find_all(["script", "img", "iframe", "source", "video", "audio", "embed", "object", "track", "input"]):
            for attr in ("src", "data", "poster", "srcset"):
                if tag.get(attr) and is_external(tag[attr].split()[0]) and urlsplit(tag[attr]).netloc != allowed:
                    offenders.append((file.name, tag.name, tag[attr]))
        for link in html.find_all("link"):
            if LOADING_RELS & set(link.get("rel", [])) and is_external(link.get("href", "")):
                offenders.append((str(file.relative_to(real_site)), "link", link["href"]))
        for styled in html.find_all(style=True):
            offenders += [(file.name, "style", u) for u in re.findall(r"url\(['\"]?(https?:|//)[^)]*\)", styled["style"])]
    for css in real_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        offenders += [(css.name, "css", m) for m in re.findall(r"(?:@import|url\()\s*['\"]?((?:https?:)?//[^'\")\s]+)", text)]
    assert offenders == []


def test_home_shows_intent_groups_priorities_and_upcoming_events(real_site: Path):
    site = load_site(REPO)
    home = soup(real_site, "index.html")
    text = home.get_text(" ", strip=True)
    assert "prevent childhood trauma" in home.find("blockquote").get_text()
    for group in site.groups:
        assert home.find("a", href=f"groups/{group.id}/") is not None
    for priority in site.priorities:
        assert home.find("a", href=f"priorities/{priority.id}/") is not None
    assert home.find("a", href="events/") is not None
    assert "Upcoming meetings and events" in text and home.select('a[href^="events/"]')


def test_matrix_is_an_accessible_table_of_the_data(real_site: Path):
    site = load_site(REPO)
    table = soup(real_site, "priorities/matrix/index.html").find("table", class_="tip-matrix")
    assert table.find("caption").get_text(strip=True)
    assert [th.get_text(strip=True) for th in table.select('thead th[scope="col"]')][1:] == [f"{g.name} ({g.short_name})" for g in site.groups]
    rows = table.select("tbody tr")
    assert [r.find("th", scope="row").get_text(strip=True) for r in rows] == [f"{p.number}. {p.title}" for p in site.priorities]
    workforce = next(r for r, p in zip(rows, site.priorities) if p.id == "workforce")
    assert len(workforce.find_all("td")[0].find_all("li")) == len(site.priority("workforce").activities["tip"])


def test_governance_diagram_is_inline_svg_with_a_text_equivalent(real_site: Path):
    site = load_site(REPO)
    page = soup(real_site, "governance/index.html")
    svg = page.find("svg", class_="tip-diagram")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    drawn = [t.get_text() for t in svg.select("text.tip-diagram__short")]
    assert sorted(drawn) == sorted(b.short_name for b in site.governance.bodies)
    arrows = svg.select(".tip-diagram__lines path")
    assert len(arrows) == sum(1 for b in site.governance.bodies if b.reports_to)
    words = page.find("h2", id="the-structure-in-words").find_next("ul").get_text(" ", strip=True)
    for body in site.governance.bodies:
        assert body.name in words
    assert "Prevention and Early Intervention Board (PEI) , reports to the SPB" in words


def test_help_page_lists_every_service_with_review_dates(real_site: Path):
    site = load_site(REPO)
    page = soup(real_site, "help/index.html")
    for service in site.support.services:
        assert page.find("h2", string=lambda s, n=service.name: s and n in s) or service.name in page.get_text()
        if service.phone:
            assert page.find("a", href="tel:" + service.phone.replace(" ", "")) is not None
    review = page.select_one(".tip-review").get_text(" ", strip=True)
    assert f"Page last reviewed: {site.support.last_reviewed.day} {site.support.last_reviewed:%B %Y}" in review
    assert "Next review due:" in review


def test_membership_guide_says_people_may_join_several_groups(real_site: Path):
    page = soup(real_site, "membership/index.html")
    guide = page.find("h2", id="which-group-is-right-for-me")
    assert guide is not None
    assert "more than one group" in guide.find_next("p").get_text()


def test_open_graph_metadata(real_site: Path):
    page = soup(real_site, "groups/tip/index.html")
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:title"] == "Trauma Informed Partnership Network (TIP)"
    assert og["og:url"].endswith("/groups/tip/") and og["og:site_name"] and og["og:description"]


def test_404_page_helps_the_reader_on(real_site: Path):
    page = soup(real_site, "404.html")
    # Served for any missing address, so its links must work from any depth.
    hrefs = {urljoin("https://example.org/some/missing/page/", a["href"]) for a in page.select("article a")}
    assert {f"https://example.org{p}" for p in ("/", "/groups/", "/events/", "/help/")} <= hrefs
