"""Indexing alongside the build (a helper process) writes what indexing in the build writes, or stops the build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tip_site.search import indexer as indexer_module
from tip_site.search.indexer import IndexAlongside, IndexFailed, IndexHere, RenderedPage, start_indexer
from tip_site.search.site_index import SearchFilter

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


def _run(indexer, pages) -> int:
    for page in pages:
        indexer.add(page)
    indexer.no_more_pages()
    return indexer.finish()


def test_the_helper_writes_the_same_bytes_as_indexing_here(tmp_path):
    pages = _pages(60)
    here, alongside = tmp_path / "here", tmp_path / "alongside"
    assert _run(IndexHere(SYNONYMS, FILTERS, here), pages) == 60
    assert _run(IndexAlongside(SYNONYMS, FILTERS, alongside), pages) == 60
    written = _files(alongside)
    assert written == _files(here)
    assert "search-index/manifest.json" in written and "search-index/pages/59.json" in written
    assert b"hidden" not in b"".join(written.values())  # the text a reader sees: no script


def test_a_helper_that_fails_stops_the_build_with_its_reason(tmp_path):
    site = tmp_path / "site"
    site.write_text("a file where the site's folder should be", encoding="utf-8")
    indexer = IndexAlongside(SYNONYMS, FILTERS, site)
    with pytest.raises(IndexFailed, match="the search index could not be made: .*Error"):
        _run(indexer, _pages(5))


def test_a_helper_that_dies_stops_the_build(tmp_path):
    indexer = IndexAlongside(SYNONYMS, FILTERS, tmp_path / "site")
    indexer.add(_pages(1)[0])
    indexer._process.kill()
    indexer._process.wait()
    with pytest.raises(IndexFailed, match="stopped"):
        _run(indexer, _pages(40))


def test_abandoning_stops_the_helper(tmp_path):
    indexer = IndexAlongside(SYNONYMS, FILTERS, tmp_path / "site")
    indexer.add(_pages(1)[0])
    indexer.abandon()
    assert indexer._process.poll() is not None


def test_no_helper_without_the_speedups_or_when_none_can_start(tmp_path, monkeypatch):
    assert isinstance(start_indexer(SYNONYMS, FILTERS, tmp_path, alongside=False), IndexHere)

    def cannot_start(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(indexer_module.subprocess, "Popen", cannot_start)
    fallback = start_indexer(SYNONYMS, FILTERS, tmp_path, alongside=True)
    assert isinstance(fallback, IndexHere)
    assert _run(fallback, _pages(3)) == 3


def test_the_helper_leaves_when_the_build_does(tmp_path):
    indexer = IndexAlongside(SYNONYMS, FILTERS, tmp_path / "site")
    indexer._process.stdin.close()  # the build's end of the pipe goes, as when the build is killed
    assert indexer._process.wait(timeout=30) == 1
    indexer.abandon()


def test_a_build_that_stops_after_pages_are_rendered_stops_its_helper(tiny_site, monkeypatch):
    from mkdocs.exceptions import PluginError

    from sitekit import run_in_process
    from tip_site.adapters.feeds_plugin import FeedsPlugin

    started: list[subprocess.Popen] = []
    real_init = IndexAlongside.__init__

    def remember(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append(self._process)

    def fails(self, **kwargs):
        raise PluginError("the feeds failed")

    monkeypatch.setattr(IndexAlongside, "__init__", remember)
    monkeypatch.setattr(FeedsPlugin, "on_post_build", fails)
    result = run_in_process(tiny_site.with_examples().root, "build", "--strict")
    assert result.returncode != 0 and "the feeds failed" in result.output
    assert len(started) == 1 and started[0].poll() is not None
    assert not (tiny_site.site_dir / "search-index").exists()  # nothing published
