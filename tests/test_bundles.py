"""Our own stylesheets and scripts reach a first visit as one file of each kind."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.bundles import join_parts

MATERIAL_ASSET = re.compile(r"assets/(stylesheets/(main|palette)|javascripts/bundle)\.[0-9a-f]+\.min\.(css|js)$")


@pytest.mark.parametrize(
    ("parts", "kind", "expected"),
    [
        ([("a.css", "p { x: 1 }\n"), ("b.css", "q { y: 2 }")], "css", "/* --- a.css --- */\np { x: 1 }\n\n/* --- b.css --- */\nq { y: 2 }\n"),
        ([("a.js", "var a = 1"), ("b.js", "(function () {})();\n")], "js", "/* --- a.js --- */\nvar a = 1;\n\n/* --- b.js --- */\n(function () {})();\n"),
    ],
)
def test_parts_are_joined_in_order_and_scripts_cannot_run_together(parts, kind, expected):
    assert join_parts(parts, kind) == expected


@pytest.mark.parametrize("page", ["index.html", "library/index.html", "about/index.html"])
def test_a_page_links_one_stylesheet_and_one_script_of_ours(real_site, page):
    soup = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "html.parser")
    styles = [link["href"] for link in soup.select('link[rel="stylesheet"]') if not MATERIAL_ASSET.search(link["href"])]
    scripts = [script["src"] for script in soup.select("script[src]") if not MATERIAL_ASSET.search(script["src"])]
    assert [href.rsplit("/", 3)[-3:] for href in styles] == [["assets", "tip", "site.css"]]
    assert [src.rsplit("/", 3)[-3:] for src in scripts] == [["assets", "tip", "site.js"]]


def test_the_bundles_hold_every_source_file(real_site):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV and friends
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    plugin = next(p["tip-bundle"] for p in config["plugins"] if isinstance(p, dict) and "tip-bundle" in p)
    assert set(plugin["bundles"]) == {"assets/tip/site.css", "assets/tip/site.js"}
    for bundle_path, sources in plugin["bundles"].items():
        bundle = (real_site / bundle_path).read_text(encoding="utf-8")
        for source in sources:
            text = next(p for p in (REPO / "overrides" / source, REPO / "docs" / source) if p.is_file()).read_text(encoding="utf-8")
            assert text.strip() in bundle, source
