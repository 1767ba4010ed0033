"""`mkdocs serve` reuses unchanged pages' conversion on a rebuild: the preview is the same as without it."""

from __future__ import annotations

import os
import re

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_NEWSLETTER, VALID_RESOURCE, TinySite
from tip_site.adapters.serve_livereload import SCRIPT_PATH

PAGES = ["", "library/", "library/toolkit/", "library/second/", "newsletters/2025-q1/", "events/", "editors/front-matter/", "about/"]
SECOND = VALID_RESOURCE.replace("id: toolkit", "id: second").replace("title: A trauma informed toolkit", "title: A second resource").replace(
    "How to use the toolkit.", "See [the toolkit](toolkit.md) and [how to use this one](#how-to-use-it).\n\n## How to use it\n\nCarefully.")


def get(url: str) -> str:
    try:
        return fetch(url)[1]
    except OSError:  # a rebuild on a busy machine outlasts one request's timeout: ask again
        return ""


def comparable(page: str, url: str) -> str:
    page = page.replace(url, "URL/")
    return re.sub(rf'<script src="{re.escape(SCRIPT_PATH)}"[^>]*></script>', "", page)  # its ids differ per request


def serve_after_edits(site: TinySite, env_off: bool) -> dict[str, str]:
    previous = os.environ.get("TIP_SERVE_FULL_RENDER")
    if env_off:
        os.environ["TIP_SERVE_FULL_RENDER"] = "1"
    try:
        site.write("content/resources/toolkit.md", VALID_RESOURCE)
        with mkdocs_serve(site.root) as url:
            # Two edits: the second rebuild reuses every page but the edited one.
            for words in ("First edit of the toolkit.", "Second edit of the toolkit."):
                site.write("content/resources/toolkit.md", VALID_RESOURCE.replace("How to use the toolkit.", words))
                wait_for(lambda: words in get(url + "library/toolkit/"), what=words)
            return {path: comparable(get(url + path), url) for path in PAGES}
    finally:
        os.environ.pop("TIP_SERVE_FULL_RENDER", None)
        if previous is not None:
            os.environ["TIP_SERVE_FULL_RENDER"] = previous


def test_rebuilds_that_reuse_unchanged_pages_give_the_same_preview(tiny_site: TinySite):
    tiny_site.with_examples()
    tiny_site.write("content/resources/second.md", SECOND)
    tiny_site.write("content/newsletters/2025-q1.md", VALID_NEWSLETTER + "\nRead [the second resource](../library/second.md).\n")
    reused = serve_after_edits(tiny_site, env_off=False)
    converted = serve_after_edits(tiny_site, env_off=True)
    assert "Second edit of the toolkit." in reused["library/toolkit/"]
    assert "First edit" not in reused["library/toolkit/"]
    for path in PAGES:
        assert reused[path] == converted[path], path
    assert 'href="../toolkit/"' in reused["library/second/"] and 'href="#how-to-use-it"' in reused["library/second/"]


class FakePage:
    """What the cache reads and sets on a page, as MkDocs' conversion leaves it."""

    def __init__(self, uri: str) -> None:
        self.file = type("File", (), {"src_uri": uri})()
        self.toc, self._title_from_render, self.present_anchor_ids, self.links_to_anchors = [], None, set(), {}


def convert(cache, uri: str, markdown: str, html_for_markdown) -> tuple[str, bool]:
    """One page through the cache as the plugin drives it: (its HTML, whether it was reused)."""
    page = FakePage(uri)
    reused = cache.unchanged(uri, markdown)
    page._title_from_render = f"Title of {uri}"
    html = cache.converted(page, "" if reused else html_for_markdown(markdown))
    return html, reused


def test_each_rebuild_proves_the_cache_first_then_reuses_unchanged_pages():
    from tip_site.adapters.render_cache import RenderCache

    cache = RenderCache()
    pages = {"a.md": "# A", "b.md": "# B", "c.md": "# C"}
    for build in range(3):
        cache.begin("scope")
        results = {uri: convert(cache, uri, md, lambda m: f"<p>{m}</p>") for uri, md in pages.items()}
        assert all(html == f"<p>{pages[uri]}</p>" for uri, (html, _) in results.items())
        # The first build converts all; later ones convert the first page again (the proof) and reuse the rest.
        assert [reused for _, reused in results.values()] == ([False] * 3 if build == 0 else [False, True, True])
    cache.begin("another scope")  # a page added or removed, or mkdocs.yml changed: nothing is reused
    assert not any(convert(cache, uri, md, lambda m: f"<p>{m}</p>")[1] for uri, md in pages.items())


def test_a_failed_proof_switches_the_cache_off():
    from tip_site.adapters.render_cache import RenderCache

    cache = RenderCache()
    pages = {"a.md": "# A", "b.md": "# B"}
    cache.begin("scope")
    for uri, md in pages.items():
        convert(cache, uri, md, lambda m: f"<p>{m}</p>")
    cache.begin("scope")
    # The engine now converts the same Markdown differently: the proof sees it.
    results = [convert(cache, uri, md, lambda m: f"<div>{m}</div>") for uri, md in pages.items()]
    assert results == [("<div># A</div>", False), ("<div># B</div>", False)]
    assert cache.disabled


def test_a_page_whose_conversion_warned_is_converted_again():
    import logging

    from tip_site.adapters.render_cache import RenderCache

    cache = RenderCache()

    def warn_for_b(markdown: str) -> str:
        if "B" in markdown:
            logging.getLogger("mkdocs.structure.pages").warning("a link in b.md leads nowhere")
        return f"<p>{markdown}</p>"

    pages = {"a.md": "# A", "b.md": "# B", "c.md": "# C"}
    for _ in range(3):
        cache.begin("scope")
        results = {uri: convert(cache, uri, md, warn_for_b)[1] for uri, md in pages.items()}
    assert results == {"a.md": False, "b.md": False, "c.md": True}  # a: the proof; b: warned, so a strict preview says so again
