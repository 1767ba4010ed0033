"""The newsletter archive as readers find it in the built site (the project's own content).

Archive order and grouping, previous/next between issues, each issue's groups
and priorities, the group and priority pages that list issues, the cover
image, and the email edition of every issue.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.adapters.content_plugin import build_date
from tip_site.core import load_site
from tip_site.core.model import Newsletter

MONTHS = {1: "January to March", 2: "April to June", 3: "July to September", 4: "October to December"}
URL_ATTRIBUTES = ("href", "src", "srcset", "background", "action", "poster", "cite")


@pytest.fixture(scope="module")
def issues() -> list[Newsletter]:
    """The published issues, oldest first, straight from the content files."""
    site = load_site(REPO, today=build_date())
    return sorted(site.newsletters, key=lambda n: (n.year, n.quarter))


def soup(site: Path, url_path: str) -> BeautifulSoup:
    file = site / url_path
    if url_path.endswith("/") or not url_path:
        file = file / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def resolve(from_path: str, href: str) -> str:
    """The site path a relative link on the page at `from_path` (a directory URL) leads to."""
    target = posixpath.normpath(posixpath.join(from_path, href))
    return target + "/" if href.endswith("/") else target


def heading_text(tag) -> str:
    for permalink in tag.select("a.headerlink"):
        permalink.decompose()
    return tag.get_text(" ", strip=True)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def issue_path(issue: Newsletter) -> str:
    return f"newsletters/{issue.year}-q{issue.quarter}/"


def test_the_real_archive_has_at_least_four_contiguous_issues(issues):
    assert len(issues) >= 4
    quarters = [n.year * 4 + n.quarter - 1 for n in issues]
    assert quarters == list(range(quarters[0], quarters[0] + len(quarters)))
    assert any(n.cover for n in issues)
    for n in issues:
        assert (n.published.month - 1) // 3 + 1 == n.quarter and n.published.year == n.year


def test_archive_groups_issues_by_year_then_quarter_newest_first(real_site: Path, issues):
    article = soup(real_site, "newsletters/").select_one("article")
    found: list[tuple[int, list[tuple[int, str, str, str]]]] = []
    for tag in article.find_all(["h2", "h3"]):
        if tag.name == "h2":
            found.append((int(heading_text(tag)), []))
            continue
        match = re.fullmatch(r"Quarter (\d): (.+)", heading_text(tag))
        assert match, heading_text(tag)
        assert match[2] == MONTHS[int(match[1])]
        title_link = tag.find_next("a")
        summary = tag.find_next("p", class_="tip-newsletter-summary")
        found[-1][1].append((int(match[1]), title_link.get_text(strip=True), resolve("newsletters/", title_link["href"]), words(summary.get_text())))

    years = sorted({n.year for n in issues}, reverse=True)
    expected = [
        (year, [(n.quarter, n.title, issue_path(n), words(n.summary)) for n in reversed(issues) if n.year == year])
        for year in years
    ]
    assert found == expected
    for year, quarters in found:
        for _, title, path, _ in quarters:
            assert heading_text(soup(real_site, path).find("h1")) == title


def test_previous_and_next_lead_to_the_neighbouring_issues(real_site: Path, issues):
    for index, issue in enumerate(issues):
        page = soup(real_site, issue_path(issue))
        pager = page.select_one("nav.tip-newsletter-pager")
        for rel, neighbour in (("prev", issues[index - 1] if index else None), ("next", issues[index + 1] if index + 1 < len(issues) else None)):
            link = pager.find("a", rel=rel)
            if neighbour is None:
                assert link is None, f"{issue.id} has a {rel} link"
                continue
            target = resolve(issue_path(issue), link["href"])
            assert target == issue_path(neighbour)
            assert heading_text(soup(real_site, target).find("h1")) == neighbour.title == link.get_text(strip=True)
        archive = pager.find("a", string=re.compile("All issues"))
        assert resolve(issue_path(issue), archive["href"]) == "newsletters/"


def test_each_issue_page_shows_its_quarter_groups_and_priorities(real_site: Path, issues):
    site = load_site(REPO, today=build_date())
    for issue in issues:
        page = soup(real_site, issue_path(issue))
        assert f"Quarter {issue.quarter} ({MONTHS[issue.quarter]}) {issue.year}" in page.select_one(".tip-newsletter-meta").get_text()
        assert page.select_one(".tip-newsletter-meta time")["datetime"] == issue.published.isoformat()
        heading = next(h for h in page.find_all("h2") if heading_text(h) == "Groups and priorities in this issue")
        links = heading.find_next("ul").find_all("a")
        targets = [resolve(issue_path(issue), a["href"]) for a in links]
        assert targets == [f"groups/{g}/" for g in issue.groups] + [f"priorities/{p}/" for p in issue.priorities]
        assert [a.get_text(strip=True) for a in links[: len(issue.groups)]] == [site.group(g).name for g in issue.groups]


@pytest.mark.parametrize("kind, field", [("groups", "groups"), ("priorities", "priorities")])
def test_group_and_priority_pages_list_their_issues_newest_first(real_site: Path, issues, kind, field):
    site = load_site(REPO, today=build_date())
    subjects = site.groups if kind == "groups" else site.priorities
    for subject in subjects:
        page = soup(real_site, f"{kind}/{subject.id}/")
        listed = [
            resolve(f"{kind}/{subject.id}/", a["href"])
            for a in page.select("article a[href]")
            if resolve(f"{kind}/{subject.id}/", a["href"]).startswith("newsletters/20")
        ]
        expected = [issue_path(n) for n in reversed(issues) if subject.id in getattr(n, field)]
        assert listed == expected, subject.id


def test_cover_images_are_published_with_their_alt_text(real_site: Path, issues):
    for issue in (n for n in issues if n.cover):
        image = soup(real_site, issue_path(issue)).select_one("img.tip-newsletter-cover")
        assert image["alt"] == issue.cover.alt
        assert (real_site / resolve(issue_path(issue), image["src"])).is_file()


# --- The email edition ---------------------------------------------------------


def email_of(real_site: Path, issue: Newsletter) -> tuple[str, BeautifulSoup]:
    page = soup(real_site, issue_path(issue))
    link = page.find("a", string=re.compile("Email version"))
    assert link is not None, f"{issue.id}: no link to the email version"
    path = resolve(issue_path(issue), link["href"])
    assert (real_site / path).is_file(), path
    return path, BeautifulSoup((real_site / path).read_text(encoding="utf-8"), "html.parser")


def test_every_email_edition_is_self_contained_for_mail_programs(real_site: Path, issues):
    for issue in issues:
        _, email = email_of(real_site, issue)
        assert not email.find_all("script"), issue.id
        assert not email.find_all("style"), issue.id
        assert not email.find_all("link"), issue.id  # no stylesheet, nor anything else to fetch
        for tag in email.find_all(True):
            for attribute in URL_ATTRIBUTES:
                for value in filter(None, re.split(r",\s*", tag.get(attribute) or "")):
                    url = urlsplit(value.split()[0])
                    assert url.scheme in ("https", "http", "mailto", "tel"), f"{issue.id}: relative {attribute}={value!r}"
                    assert url.scheme not in ("https", "http") or url.netloc, value
            assert "url(" not in (tag.get("style") or ""), f"{issue.id}: a style loads a file"


def test_every_email_edition_has_its_styles_inline_in_a_table_layout(real_site: Path, issues):
    styled = ["h1", "h2", "h3", "h4", "p", "li", "ul", "ol", "a", "td", "img", "blockquote", "table"]
    for issue in issues:
        _, email = email_of(real_site, issue)
        assert not email.find_all(class_=True), f"{issue.id}: classes mean nothing without a stylesheet"
        for tag in email.find_all(styled):
            assert tag.get("style"), f"{issue.id}: <{tag.name}> has no inline style: {str(tag)[:80]}"
        outer = email.body.find("table", recursive=False)
        assert outer is not None and outer["role"] == "presentation"
        inner = outer.find("table", role="presentation")
        # Fluid on phones, 600px at most; Outlook (no max-width) gets a fixed table in a conditional comment.
        assert "max-width:600px" in inner["style"] and "width:100%" in inner["style"]
        assert '<!--[if mso]><table role="presentation" width="600"' in str(email)
        assert email.html["lang"] == "en-GB" and email.title.get_text(strip=True).startswith(issue.title)


def test_every_email_edition_carries_the_whole_issue_with_links_to_the_site(real_site: Path, issues):
    for issue in issues:
        page = soup(real_site, issue_path(issue))
        path, email = email_of(real_site, issue)
        canonical = page.find("link", rel="canonical")["href"]
        site_root = canonical[: -len(issue_path(issue))]
        email_text = words(email.get_text(" "))
        body = page.select_one(".tip-newsletter-body")
        for block in body.find_all(["p", "li", "h2", "h3"]):
            assert words(heading_text(block)) in email_text, f"{issue.id}: missing {block.get_text()[:60]!r}"
        email_links = {a["href"] for a in email.find_all("a")}
        assert canonical in email_links  # "Read this issue on the website"
        for a in body.find_all("a", href=True):
            if not a.get("class"):
                assert site_root + resolve(issue_path(issue), a["href"]) in email_links, a["href"]
        for url in email_links | {img["src"] for img in email.find_all("img")}:
            if url.startswith(site_root):  # every page and image it points to on the site exists
                target = url[len(site_root):].split("#")[0]
                assert (real_site / target / "index.html").is_file() or (real_site / target).is_file(), url
        if issue.cover:
            cover = email.find("img", alt=issue.cover.alt)
            assert cover["src"] == f"{site_root}{issue.cover.src}"
