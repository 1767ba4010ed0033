"""`mkdocs serve` reuses unchanged pages' conversion on a rebuild: the preview is the same as without it."""

from __future__ import annotations

import os
import re

from mkdocs_server import fetch, mkdocs_serve, wait_for
from sitekit import VALID_NEWSLETTER, VALID_RESOURCE, TinySite

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
    return re.sub(r"<script>\s*var livereload.*?</script>", "", page, flags=re.S)


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
                wait_for(lambda: words in get(url + "library/toolkit/"), 180, words)
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
