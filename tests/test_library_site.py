"""The resource library as a visitor meets it: built pages (parsed HTML) and real Chromium.

One tiny site is built for the module: seven hand-made resources whose facets
make combined filters meaningful, plus 40 generated ones so lists run to
several pages. Expected sets come from the content model through a plain
filter written here, never from the code under test.
"""

from __future__ import annotations

import json
import sys
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from bs4 import BeautifulSoup

from browser import serve
from sitekit import REPO, TinySite
from tip_site.core import load_site

sys.path.insert(0, str(REPO / "scripts"))
from generate_resources import generate_resources  # noqa: E402

HANDMADE = {
    # id: (type, audiences, groups, priorities, extra front matter)
    "alpha": ("guide", ["practitioners"], ["cop"], ["workforce"], ""),
    "beta": ("guide", ["schools"], ["tis"], ["workforce", "prevention"], ""),
    "gamma": ("toolkit", ["practitioners", "leaders"], ["tip", "cop"], ["organisations"], "attachments:\n  - file: gamma-plan.pdf\n    title: The gamma plan\n"),
    "delta": ("report", ["leaders"], ["tip"], ["prevention"], ""),
    "epsilon": ("guide", ["practitioners", "schools"], ["cop", "tis"], ["awareness"], ""),
    "zeta": ("toolkit", ["schools"], ["tis"], ["workforce"], ""),
    "eta": ("research", ["families"], ["tip"], ["communities"], "url: https://example.org/eta\n"),
}
GAMMA_PDF = b"%PDF-1.4\n% a small test attachment\n" + b"x" * 3000 + b"\n%%EOF\n"


def handmade(resource_id: str) -> str:
    kind, audiences, groups, priorities, extra = HANDMADE[resource_id]
    if "attachments" not in extra and "url" not in extra:
        extra = f"url: https://example.org/{resource_id}\n"
    return (
        f"---\nid: {resource_id}\ntitle: The {resource_id.capitalize()} resource\n"
        f"summary: A {kind} about calm classrooms and team {resource_id} work.\ntype: {kind}\n"
        f"audiences: [{', '.join(audiences)}]\ngroups: [{', '.join(groups)}]\npriorities: [{', '.join(priorities)}]\n"
        f"organisation: Rutland County Council\npublished: 2024-05-0{len(resource_id) % 9 + 1}\n{extra}---\n\nBody of {resource_id}.\n"
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    site = TinySite(tmp_path_factory.mktemp("library"))
    for resource_id in HANDMADE:
        site.write(f"content/resources/{resource_id}.md", handmade(resource_id))
    site.write("content/resources/files/gamma-plan.pdf", GAMMA_PDF)
    generate_resources(40, site.root / "content/resources/generated", seed=7)
    result = site.build()
    assert result.returncode == 0, result.output
    return site


@pytest.fixture(scope="module")
def model(library):
    return load_site(library.root)


@pytest.fixture(scope="module")
def library_url(library):
    with serve(library.site_dir) as url:
        yield url + "library/"


def expected(model, type=(), audience=(), group=(), priority=(), words=()) -> list[str]:
    """The ids a visitor should see, in the library's order: the oracle for every filter test."""
    def keep(r):
        return (
            (not type or r.type in type)
            and (not audience or set(r.audiences) & set(audience))
            and (not group or set(r.groups) & set(group))
            and (not priority or set(r.priorities) & set(priority))
            and all(w.lower() in f"{r.title} {r.summary} {r.organisation}".lower() for w in words)
        )
    return [r.id for r in model.resources if keep(r)]


def soup(site: TinySite, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path).read_text(encoding="utf-8"), "html.parser")


def listed(page: BeautifulSoup) -> list[str]:
    return [li["data-id"] for li in page.select("ol.tip-results > li.tip-card")]


def every_page(site: TinySite, first: str) -> list[str]:
    """Ids listed on a paged list, following its 'Next page' links from `first`."""
    ids, path = [], first
    while path:
        page = soup(site, path)
        ids += listed(page)
        next_link = page.select_one(".tip-pagination a[rel=next]")
        path = urljoin(path, next_link["href"]) + "index.html" if next_link else None
    return ids


# --- Built pages, parsed ---


def test_index_lists_first_page_and_pages_list_everything_in_order(library, model):
    index = soup(library, "library/index.html")
    count = index.select_one("#tip-library-count")
    assert count["role"] == "status" and count["aria-live"] == "polite"
    assert count.get_text() == f"{len(model.resources)} resources — page 1 of 3"
    assert listed(index) == [r.id for r in model.resources][:20]
    assert every_page(library, "library/index.html") == [r.id for r in model.resources]


@pytest.mark.parametrize("facet, field", [("type", "type"), ("audience", "audiences"), ("group", "groups"), ("priority", "priorities")])
def test_each_facet_value_page_lists_exactly_its_resources(library, model, facet, field):
    values = {v.id for v in getattr(model, {"type": "resource_types", "audience": "audiences", "group": "groups", "priority": "priorities"}[facet])}
    for value in values:
        wanted = expected(model, **{facet: [value]})
        assert every_page(library, f"library/{facet}/{value}/index.html") == wanted, (facet, value)


def test_browse_links_reach_every_facet_page(library, model):
    index = soup(library, "library/index.html")
    hrefs = {a["href"] for a in index.select(".tip-browse a")}
    assert "type/toolkit/" in hrefs and "priority/communities/" in hrefs
    assert len(hrefs) == len(model.resource_types) + len(model.audiences) + len(model.groups) + len(model.priorities)


COMBINATIONS = [
    {"type": ["guide"], "audience": ["schools"]},
    {"type": ["guide", "toolkit"], "group": ["tis"], "priority": ["workforce"]},
    {"audience": ["leaders"], "group": ["tip"]},
    {"priority": ["communities", "organisations"], "audience": ["families", "practitioners"]},
]


@pytest.mark.parametrize("chosen", COMBINATIONS, ids=lambda c: "+".join(f"{k}={','.join(v)}" for k, v in c.items()))
def test_json_index_gives_exactly_the_combined_set(library, model, chosen):
    """The data the browser filters, decoded here, selects what the model says."""
    data = json.loads((library.site_dir / "library/index.json").read_text())
    keys = list(data["facets"])
    cards = []
    for n in range(-(-data["count"] // data["shardSize"])):
        cards += json.loads((library.site_dir / "library/cards" / f"{n}.json").read_text())
    found = []
    for position, card in enumerate(cards):
        masks = data["masks"][position * len(keys) : (position + 1) * len(keys)]
        has = {key: {v for i, v in enumerate(data["facets"][key]) if masks[k] >> i & 1} for k, key in enumerate(keys)}
        if all(set(chosen.get(key, ())) & has[key] or key not in chosen for key in keys):
            found.append(card[0])
    assert found == expected(model, **chosen)


def test_resource_page_shows_details_attachment_and_links(library, model):
    page = soup(library, "library/gamma/index.html")
    article = page.select_one("article")
    details = {row.dt.get_text(): row.dd.get_text(" ") for row in article.select(".tip-details__row")}
    assert details["Type"] == "Toolkit" and details["Who it is for"] == "Practitioners ,  Leaders and commissioners"
    assert details["Published by"] == "Rutland County Council"
    attachment = article.select_one(".tip-attachment")
    link = attachment.select_one(".tip-attachment__title a")
    assert link.get_text() == "The gamma plan"
    assert attachment.select_one("abbr")["title"] == "Portable Document Format"
    assert len(GAMMA_PDF) == 3042  # 3042 / 1024 = 2.971: three significant figures
    assert attachment.select_one(".tip-attachment__metadata").get_text() == "PDF, 2.97 KB"
    copied = library.site_dir / "library/gamma" / link["href"]
    assert copied.resolve().read_bytes() == GAMMA_PDF
    hrefs = {a["href"] for a in article.select("a")}
    assert {"../../groups/tip/", "../../groups/cop/", "../../priorities/organisations/"} <= hrefs
    related = article.find("h2", id="related-resources").find_next("ol").select("a")
    assert related and all(a["href"].startswith("../") for a in related)


def test_group_page_lists_its_resources_and_links_to_the_library(library, model):
    page = soup(library, "groups/tis/index.html")
    hrefs = [a["href"] for a in page.select("article a")]
    wanted = expected(model, group=["tis"])
    assert [h for h in hrefs if h.startswith("../../library/") and h.count("/") == 4] == [f"../../library/{i}/" for i in wanted[:10]]
    assert "../../library/group/tis/" in hrefs


def test_every_library_link_reaches_a_built_file(library):
    site = library.site_dir
    for html_file in (site / "library").rglob("index.html"):
        for a in soup(library, str(html_file.relative_to(site))).select("article a[href]"):
            target = urlsplit(urljoin(html_file.relative_to(site).as_posix(), a["href"]))
            if target.scheme or a["href"].startswith("#"):
                continue
            path = site / target.path
            assert (path / "index.html").is_file() or path.is_file(), f"{html_file}: {a['href']}"


def test_paged_lists_stay_out_of_the_site_search(library):
    pages = (library.site_dir / "search-index/pages").glob("*.json")
    locations = {json.loads(page.read_text(encoding="utf-8"))["u"] for page in pages}
    assert "library/" in locations and "library/gamma/" in locations
    assert not any(loc.startswith(("library/page/", "library/type/", "library/group/")) for loc in locations)


# --- Real Chromium ---


def shown_ids(page) -> list[str]:
    """Every result the script lists, pressing 'Show more' until all are shown."""
    page.wait_for_selector(".tip-library[data-results=ready]")
    more = page.locator(".tip-more")
    while more.is_visible():
        before = page.locator("#tip-library-results > li").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('#tip-library-results > li').length > {before}")
    return page.locator("#tip-library-results > li").evaluate_all("items => items.map(li => li.dataset.id)")


def wait_for_count(page, count: int) -> None:
    page.wait_for_function(f"document.querySelector('#tip-library-count').textContent.startsWith('{count} ')")


def test_combined_filters_and_words_in_chromium(page, library_url, model):
    page.goto(library_url)
    page.locator(".tip-filter").wait_for(state="visible")
    assert page.locator(".tip-browse").is_hidden()
    page.locator("summary", has_text="Type").click()
    page.get_by_label("Guide").check()
    page.get_by_label("Toolkit").check()
    page.locator("summary", has_text="Who it is for").click()
    page.get_by_label("Schools and education staff").check()
    wanted = expected(model, type=["guide", "toolkit"], audience=["schools"])
    assert shown_ids(page) == wanted
    status = page.get_by_role("status")
    assert status.inner_text() == f"{len(wanted)} resources match your filters"
    page.get_by_label("Search the library").fill("Calm  classrooms")
    narrowed = expected(model, type=["guide", "toolkit"], audience=["schools"], words=["calm", "classrooms"])
    assert 0 < len(narrowed) < len(wanted)
    wait_for_count(page, len(narrowed))
    assert shown_ids(page) == narrowed
    assert status.inner_text() == f"{len(narrowed)} resources match your filters"


def test_url_restores_a_filter_and_back_undoes_it(page, library_url, model):
    page.goto(library_url + "?group=tis&priority=workforce")
    # The boxes are ticked once library/index.json has arrived, which may be after "load".
    expect(page.get_by_label("Trauma Informed Schools Forum (TIS)")).to_be_checked()
    assert shown_ids(page) == expected(model, group=["tis"], priority=["workforce"])
    page.get_by_label("3. Equip and Support Our Workforce").uncheck()
    page.wait_for_url("**/library/?group=tis")
    assert shown_ids(page) == expected(model, group=["tis"])
    page.go_back()
    page.wait_for_url("**/library/?group=tis&priority=workforce")
    wait_for_count(page, len(expected(model, group=["tis"], priority=["workforce"])))
    assert page.get_by_label("3. Equip and Support Our Workforce").is_checked()
    assert shown_ids(page) == expected(model, group=["tis"], priority=["workforce"])


def test_without_javascript_the_facet_links_list_the_right_resources(chromium, library_url, model):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(library_url)
        assert page.locator(".tip-filter").is_hidden()
        page.locator(".tip-browse").get_by_role("link", name="Toolkit").click()
        page.wait_for_url("**/library/type/toolkit/")
        ids = page.locator("ol.tip-results > li").evaluate_all("items => items.map(li => li.dataset.id)")
        assert ids == expected(model, type=["toolkit"])[:20]
    finally:
        context.close()


# --- The project's own library ---


def test_real_library_lists_every_seed_resource_with_its_page_and_files(real_site):
    model = load_site(REPO)
    assert len(model.resources) >= 12
    index = BeautifulSoup((real_site / "library/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [li["data-id"] for li in index.select("ol.tip-results > li")] == [r.id for r in model.resources][:20]
    for resource in model.resources:
        page = BeautifulSoup((real_site / "library" / resource.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.find("h1").get_text().rstrip("¶") == resource.title
        for attachment in resource.attachments:
            assert (real_site / "library/files" / attachment.file).read_bytes() == (REPO / attachment.source).read_bytes()
        if not resource.attachments:  # a document held elsewhere says so plainly
            assert page.select_one(".tip-resource__external a")["href"] == resource.url


def test_library_content_passes_axe(page, library_url):
    from axe_playwright_python.sync_playwright import Axe

    for path in ("?type=guide", "gamma/"):
        page.goto(library_url + path)
        page.wait_for_load_state("networkidle")
        # The library's own content; the theme's header and footer are checked with the theme (issue 3).
        violations = Axe().run(page, context="article").response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
