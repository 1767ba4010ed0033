"""A 1,000-resource site, committed as a bulk import: every feed passes the W3C validator's rules.

Hundreds of items reach the site in the same second (two commits in one
second, as a script would make them), and many share a publication day: no two
entries of a feed may share an atom:updated, and no item may appear twice.
"""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from feed_rules import atom_problems, rss_problems
from sitekit import TinySite, commit_all
from tip_site.benchmark.synthetic_content import write_synthetic_content

SITE_URL = "https://trauma-informed-llr.github.io/"


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("large") / "project"
    root.mkdir()
    site = TinySite(root)
    write_synthetic_content(root, resources=1000)
    later = sorted((root / "content/resources").glob("*.md"))[-100:]
    held_back = {path: path.read_text(encoding="utf-8") for path in later}
    for path in later:
        path.unlink()
    commit_all(root, "Bulk import", "2026-01-10 09:00:00")
    for path, text in held_back.items():
        path.write_text(text, encoding="utf-8")
    commit_all(root, "The rest of the import, in the same second", "2026-01-10 09:00:00")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TIP_BUILD_DATE", "2026-03-01")
        env.setenv("SITE_URL", SITE_URL)
        # Strict, as CI builds: synthetic items link only to items published by their own date.
        result = site._run("-m", "mkdocs", "build", "--strict", "--site-dir", str(root.parent / "site"))
    assert result.returncode == 0, result.output
    return root.parent / "site"


def test_every_feed_of_a_thousand_resources_passes_the_validator_rules(large_site):
    feeds = sorted(p for p in large_site.rglob("*.xml") if p.name in ("feed.xml", "atom.xml"))
    assert len(feeds) == 2 * (2 + 3 + 5)
    for feed in feeds:
        url = SITE_URL + feed.relative_to(large_site).as_posix()
        check = rss_problems if feed.name == "feed.xml" else atom_problems
        assert check(feed.read_bytes(), url) == [], feed
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo and len(parsed.entries) == len({e.id for e in parsed.entries})


def test_items_come_newest_to_the_site_first_with_unique_updates(large_site):
    atom = (large_site / "atom.xml").read_bytes()
    updated = re.findall(rb"<updated>([^<]+)</updated>", atom)[1:]
    assert len(updated) == 50 and len(set(updated)) == 50
    entries = feedparser.parse(atom).entries
    added = [e.published_parsed for e in entries]
    assert added == sorted(added, reverse=True)
    # Resources published after the import wait for their date: from then on they are the newest.
    assert entries[0].published_parsed[:3] > (2026, 1, 10)
