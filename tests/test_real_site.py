"""The project's own content builds strictly and shows the partnership's data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitekit import REPO
from tip_site.core import load_site


@pytest.fixture
def built_site(real_site: Path) -> Path:
    return real_site


def page_text(site: Path, path: str) -> str:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").get_text(" ", strip=True)


def test_site_names_every_group_priority_and_sector(built_site: Path):
    site = load_site(REPO)
    everything = " ".join(page_text(built_site, str(p.relative_to(built_site))) for p in built_site.rglob("*.html"))
    assert len(site.groups) == 3 and len(site.priorities) == 5 and len(site.sectors) == 11
    for name in [g.name for g in site.groups] + [p.title for p in site.priorities] + [s.name for s in site.sectors]:
        assert name in everything, name
    membership = page_text(built_site, "membership/index.html")
    for sector in site.sectors:
        assert sector.name in membership


def test_each_group_has_its_page(built_site: Path):
    for group_id, name in [("tip", "Trauma Informed Partnership Network"), ("cop", "Community of Practice Group"), ("tis", "Trauma Informed Schools Forum")]:
        html = BeautifulSoup((built_site / "groups" / group_id / "index.html").read_text(), "html.parser")
        assert name in html.find("h1").get_text()


def test_check_command_accepts_the_real_content():
    proc = subprocess.run([sys.executable, "-m", "tip_site.check", str(REPO)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
