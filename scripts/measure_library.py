#!/usr/bin/env python3
"""Build a copy of the site with N generated resources and measure the library index.

    .venv/bin/python scripts/measure_library.py 5000

Prints what the index page loads (bytes raw and gzip-compressed), and how long
filtering takes per keystroke and per click in headless Chromium. Figures
only, no pass/fail: the benchmark of issue 8 owns the targets.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts"), str(REPO / "tests")]

from generate_resources import generate_resources  # noqa: E402

MEASURE_FILTER = """
async ([words, checkbox]) => {
  const root = document.querySelector('[data-tip-library]');
  const ready = () => new Promise(resolve => {
    if (root.dataset.results === 'ready') return resolve();
    new MutationObserver((m, o) => { if (root.dataset.results === 'ready') { o.disconnect(); resolve(); } })
      .observe(root, {attributes: true});
  });
  const input = document.querySelector('#tip-library-q');
  input.value = 'a'; input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(r => setTimeout(r, 50)); await ready();  // the first keystroke fetches the cards
  const typing = [];
  for (let i = 1; i <= words.length; i++) {
    const start = performance.now();
    input.value = words.slice(0, i); input.dispatchEvent(new Event('input', {bubbles: true}));
    await ready();
    typing.push(performance.now() - start);
  }
  input.value = ''; input.dispatchEvent(new Event('input', {bubbles: true})); await ready();
  const clicks = [];
  for (let i = 0; i < 6; i++) {
    const box = document.querySelector(checkbox);
    const start = performance.now();
    box.click();
    await ready();
    clicks.push(performance.now() - start);
  }
  return {typing, clicks, count: document.querySelector('#tip-library-count').textContent};
}
"""


def make_project(folder: Path, count: int) -> None:
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    for part in ("docs", "overrides", "content/data"):
        shutil.copytree(REPO / part, folder / part)
    generate_resources(count, folder / "content/resources")


def page_weight(site: Path) -> list[tuple[str, int, int]]:
    """Each file the index page loads: (path, bytes, gzip -9 bytes)."""
    html = (site / "library/index.html").read_text(encoding="utf-8")
    assets = re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html)
    paths = ["library/index.html"] + [os.path.normpath(f"library/{a}") for a in assets if "://" not in a] + ["library/index.json"]
    rows = []
    for path in paths:
        data = (site / path).read_bytes()
        rows.append((path, len(data), len(gzip.compress(data, 9))))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_project(project, args.count)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TIP_BUILD_DATE": "2026-01-01"}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env, check=True)
        print(f"built {args.count} resources in {time.perf_counter() - started:.1f} s")
        site = project / "site"
        rows = page_weight(site)
        for path, raw, packed in rows:
            print(f"  {path:60} {raw / 1024:9.1f} kB raw {packed / 1024:8.1f} kB gzip")
        print(f"  {'index page and everything it loads':60} {sum(r[1] for r in rows) / 1024:9.1f} kB raw {sum(r[2] for r in rows) / 1024:8.1f} kB gzip")
        # Material's search starts a worker on every page, which fetches the whole search index at once.
        worker = next((site / "assets/javascripts/workers").glob("search.*.min.js"))
        search_rows = [(p.relative_to(site).as_posix(), len(d := p.read_bytes()), len(gzip.compress(d, 9))) for p in (worker, site / "search/search_index.json")]
        for path, raw, packed in search_rows:
            print(f"  {path:60} {raw / 1024:9.1f} kB raw {packed / 1024:8.1f} kB gzip")
        every = rows + search_rows
        print(f"  {'... with Material search as configured today':60} {sum(r[1] for r in every) / 1024:9.1f} kB raw {sum(r[2] for r in every) / 1024:8.1f} kB gzip")
        shards = sorted((site / "library/cards").glob("*.json"))
        packed = sum(len(gzip.compress(s.read_bytes(), 9)) for s in shards)
        print(f"  (cards, fetched when shown or searched: {len(shards)} shards, {packed / 1024:.1f} kB gzip in all)")

        from browser import CHROMIUM_ARGS, chromium_path, serve
        from playwright.sync_api import sync_playwright

        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url + "library/")
            page.wait_for_selector(".tip-filter:not([hidden])")
            result = page.evaluate(MEASURE_FILTER, ["relational practice", "input[name=audience][value=schools]"])
            browser.close()
        for name in ("typing", "clicks"):
            times = result[name]
            print(f"{name:7}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)} changes (filter + list + count, in Chromium)")
        print(f"last count shown: {result['count']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
