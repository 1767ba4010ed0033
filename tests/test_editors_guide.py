"""The editors' guide on the real site: linked from every page's footer, with its reference generated from the schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tip_site.core.schemas import EVENT, NEWSLETTER, PAGE, RESOURCE

GUIDE = ["editors/", "editors/check-messages/", "editors/front-matter/"]


def test_guide_is_linked_from_the_footer_not_the_public_menu(real_site: Path):
    for page, prefix in (("index.html", ""), ("groups/cop/index.html", "../../")):
        html = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
        menus = {a["href"] for a in html.select("nav.md-nav--primary a[href], nav.tip-site-menu a[href]")}
        assert not any(href.startswith(prefix + "editors/") for href in menus), page
        assert html.select_one(f"nav.tip-footer-links a[href='{prefix}editors/']").get_text() == "Editors' guide"
    guide = BeautifulSoup((real_site / "editors/index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"].split("#")[0] for a in guide.select("article a[href]")}
    assert {"check-messages/", "front-matter/"} <= {href.removeprefix("../") for href in hrefs}


def test_reference_on_the_site_lists_every_field(real_site: Path):
    html = BeautifulSoup((real_site / "editors/front-matter/index.html").read_text(encoding="utf-8"), "html.parser")
    cells = {code.get_text() for code in html.select("table td:first-child code")}
    for schema in (NEWSLETTER, RESOURCE, EVENT, PAGE):
        for field in schema.fields:
            assert field.name in cells
    assert len(html.select("details")) == 3  # a starting file for newsletters, resources and events



@pytest.mark.parametrize("path", GUIDE)
def test_guide_pages_pass_axe_with_every_example_open(page, real_site_url: str, path: str):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(real_site_url + path)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:4]) for v in violations]
