"""Building the Pagefind index of a built site.

Pagefind (PyPI `pagefind-bin`, a self-contained binary) reads the HTML that
MkDocs wrote and writes `pagefind/` beside it: a small entry file, a WebAssembly
search engine, and the index split into chunks fetched per query.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Only the article is indexed: not the header, navigation or footer every page repeats.
ROOT_SELECTOR = "article.md-content__inner"
# Permalink signs and the print button sit inside the article but are not content.
EXCLUDED_SELECTORS = ".headerlink, .md-content__button"
# Directory URLs only: 404.html and other stand-alone files (email editions) stay out.
PAGES_GLOB = "**/index.html"
# Pagefind's ready-made interfaces: our own dialog replaces them, so they are never loaded.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
_ARTICLE_TAG = '<article class="md-content__inner md-typeset"'


class SearchIndexFailed(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> None:
    """Index the HTML pages of `site_dir` into `site_dir/pagefind/`."""
    from pagefind_bin import get_executable  # the binary ships inside the wheel; nothing is downloaded

    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [
        str(get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR,
        "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDED_SELECTORS,
        "--glob", PAGES_GLOB, "--silent",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexFailed(f"the search index could not be built (pagefind exited with {result.returncode}):\n{result.stdout}{result.stderr}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)


def leave_out_of_search(html: str) -> str:
    """Mark a page so Pagefind leaves all of it out (for `search: exclude: true`)."""
    return html.replace(_ARTICLE_TAG, _ARTICLE_TAG + ' data-pagefind-ignore="all"', 1)
