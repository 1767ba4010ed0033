"""Work done alongside the build (a helper process) writes what doing it in the build writes, or stops the build."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from sitekit import REPO, run_in_process
from tip_site import alongside as alongside_module
from tip_site.alongside import HelperFailed, InHelperProcess, InThisProcess, alongside
from tip_site.core.site import load_content
from tip_site.search.indexer import RenderedPage, SiteIndexer
from tip_site.search.site_index import SearchFilter
from tip_site.views.newsletter_email import BODY_CLASS
from tip_site.views.publication import IdScheme, Publication
from tip_site.views.site_outputs import SiteOutputs
from tip_site.views.site_pages import generated_pages

FILTERS = (SearchFilter("type", "Type", "Any type", (("page", "Pages"), ("resource", "Resources"))),)
SYNONYMS = {"teacher": ["schools", "education"]}


def _pages(count: int) -> list[RenderedPage]:
    pages = []
    for n in range(count):
        html = (f'<h2 id="why">Why {n}<a class="headerlink" href="#why">¶</a></h2>'
                f"<p>Support for schools &amp; colleges, number {n}.</p><script>var hidden = 1;</script>"
                f"<p>Trauma informed practice in Leicester{' and Rutland' * (n % 3)}.</p>")
        kind = "resource" if n % 2 else "page"
        pages.append(RenderedPage(f"p{n}/", f"Page {n} about training", "" if n % 4 else f"Summary {n}.", html,
                                  (f"Why {n}",), ("keyword",), (("type", kind),)))
    return pages


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _index(work, site: Path, pages) -> None:
    work.start("search", SiteIndexer, SYNONYMS, FILTERS, site)
    for page in pages:
        work.call("search", "add", page)
    work.call("search", "finish")
    work.finish()


def test_the_helper_writes_the_same_bytes_as_this_process(tmp_path):
    pages = _pages(60)
    _index(InThisProcess(), tmp_path / "here", pages)
    _index(InHelperProcess(), tmp_path / "helper", pages)
    written = _files(tmp_path / "helper")
    assert written == _files(tmp_path / "here")
    assert "search-index/manifest.json" in written and "search-index/pages/59.json" in written
    assert b"hidden" not in b"".join(written.values())  # the text a reader sees: no script


def test_a_call_that_fails_in_the_helper_stops_the_build_with_its_reason(tmp_path):
    site = tmp_path / "site"
    site.write_text("a file where the site's folder should be", encoding="utf-8")
    with pytest.raises(HelperFailed, match="search: .*Error"):
        _index(InHelperProcess(), site, _pages(5))


def test_a_helper_that_dies_stops_the_build(tmp_path):
    work = InHelperProcess()
    work.start("search", SiteIndexer, SYNONYMS, FILTERS, tmp_path / "site")
    work._process.kill()
    work._process.wait()
    with pytest.raises(HelperFailed, match="stopped"):
        for page in _pages(40):
            work.call("search", "add", page)
        work.finish()


def test_abandoning_stops_the_helper(tmp_path):
    work = InHelperProcess()
    work.start("search", SiteIndexer, SYNONYMS, FILTERS, tmp_path / "site")
    work.abandon()
    assert work._process.poll() is not None


def test_the_helper_leaves_when_the_build_does():
    work = InHelperProcess()
    work._process.stdin.close()  # the build's end of the pipe goes, as when the build is killed
    assert work._process.wait(timeout=60) == 1
    work.abandon()


def test_no_helper_with_the_speedups_off_or_when_none_can_start(tmp_path, monkeypatch):
    assert isinstance(alongside(helper=False), InThisProcess)

    def cannot_start(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(alongside_module.subprocess, "Popen", cannot_start)
    fallback = alongside(helper=True)
    assert isinstance(fallback, InThisProcess)
    _index(fallback, tmp_path / "site", _pages(3))
    assert (tmp_path / "site" / "search-index" / "pages" / "2.json").exists()


def test_feeds_calendars_and_emails_need_no_item_bodies(tmp_path):
    """The helper gets the site without the editors' Markdown: the outputs must not change."""
    today = dt.date(2026, 11, 27)
    site = load_content(REPO, "content", "docs", today).view(today=today)
    assert any(item.body for item in site.resources) and any(item.body for item in site.newsletters)
    rendered = {page.uri: f'<h1>{page.uri}</h1><div class="{BODY_CLASS}"><p>What the page of {page.uri} shows.</p></div>'
                for page in generated_pages(site, today, None)}
    publication = Publication("Trauma Informed Partnership LLR", "https://example.org/", IdScheme("example.org", 2026))
    for name, bodies in (("full", site), ("bare", site.without_bodies())):
        outputs = SiteOutputs(bodies, rendered)
        outputs.write_feeds_and_calendars(publication, str(tmp_path / name))
        outputs.write_email_editions("https://example.org/", "TIP", "https://www.bbc.co.uk/weather", str(tmp_path / name))
    full = _files(tmp_path / "full")
    assert any(path.endswith(".xml") for path in full) and any(path.endswith(".ics") for path in full)
    assert any(path.endswith("email.html") for path in full)
    assert _files(tmp_path / "bare") == full


def test_a_build_that_stops_after_pages_are_converted_stops_its_helper(tiny_site, monkeypatch):
    from mkdocs.exceptions import PluginError

    from tip_site.adapters.bundle_plugin import BundlePlugin

    started: list[subprocess.Popen] = []
    real_init = InHelperProcess.__init__

    def remember(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append(self._process)

    def fails(self, **kwargs):
        raise PluginError("the bundles failed")

    monkeypatch.setattr(InHelperProcess, "__init__", remember)
    monkeypatch.setattr(BundlePlugin, "on_post_build", fails, raising=False)
    result = run_in_process(tiny_site.with_examples().root, "build", "--strict")
    assert result.returncode != 0 and "the bundles failed" in result.output
    assert len(started) == 1 and started[0].poll() is not None
    assert not tiny_site.site_dir.exists()  # nothing published


class FailingOutputs(SiteOutputs):
    """Made in the helper (by name: tests/ is on its path) where the real outputs would be."""

    def write_feeds_and_calendars(self, publication, site_dir):
        raise OSError("disk full")


def test_a_failure_in_the_helper_stops_the_build_and_publishes_nothing(tiny_site, monkeypatch):
    from tip_site.adapters import content_plugin

    assert FailingOutputs.__module__ == "test_alongside"
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent))
    monkeypatch.setattr(content_plugin, "SITE_OUTPUTS", "test_alongside:FailingOutputs")
    result = run_in_process(tiny_site.with_examples().root, "build", "--strict")
    assert result.returncode != 0
    assert "The site could not be finished: outputs: OSError: disk full" in result.output
    assert "Traceback" not in result.output
    assert not tiny_site.site_dir.exists()  # nothing published
