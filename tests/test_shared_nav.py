"""Material's navigation, rendered once for the pages that share it, is the navigation Material renders."""

from __future__ import annotations

import shutil

from sitekit import VALID_RESOURCE, TinySite


def _html_pages(site_dir):
    return {path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html")}


def test_every_page_is_the_same_as_with_materials_own_navigation(tmp_path):
    (tmp_path / "shared").mkdir()
    shared = TinySite(tmp_path / "shared").with_examples()
    shared.write("content/resources/second.md", VALID_RESOURCE.replace("id: toolkit", "id: second"))
    material_only = tmp_path / "material-only"
    shutil.copytree(shared.root, material_only)
    (material_only / "overrides/partials/nav.html").unlink()
    assert shared.build().returncode == 0
    plain = TinySite.__new__(TinySite)
    plain.root = material_only
    assert plain.build().returncode == 0

    ours, materials = _html_pages(shared.site_dir), _html_pages(plain.site_dir)
    assert ours.keys() == materials.keys()
    assert {"library/toolkit/index.html", "library/second/index.html", "about/index.html"} <= ours.keys()
    assert 'class="md-nav md-nav--primary"' in ours["library/second/index.html"]
    different = [path for path in ours if ours[path] != materials[path]]
    assert not different, different
