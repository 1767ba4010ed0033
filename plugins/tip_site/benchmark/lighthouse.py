"""Lighthouse on the built site, as a phone sees it: the median of several runs per page.

Run by ./scripts/lighthouse (which installs npm's lighthouse in tools/lighthouse
and builds the site). The site is served on 127.0.0.1 as GitHub Pages serves it
(gzip, ten minutes of caching) and Lighthouse drives Debian's Chromium
(CHROME_PATH): nothing is fetched from another host. Figures are printed, never
asserted: the tests check what can be checked exactly (axe, the Nu checker,
layout shift in the library) and this measures the rest. Lighthouse simulates
a slow phone on a slow network from what it observes, so a busy machine
lowers the performance score: compare runs made on a quiet one.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tip_site.benchmark.local_browser import QuietHandler, chromium_path, serve

PAGES = {
    "home": "",
    "library": "library/",
    "a resource": "library/organisational-self-assessment-framework/",
    "a newsletter issue": "newsletters/2026-q3/",
    "help": "help/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".xsl")


class _PagesLikeHandler(QuietHandler):
    """Files as GitHub Pages serves them: text compressed with gzip, cached for ten minutes."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # noqa: ANN201 - the stdlib's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def run_once(lighthouse: Path, url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    subprocess.run(
        [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env=env, timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    failing = [key for key, audit in audits.items() if audit.get("score") is not None and audit["score"] < 1
               and audit.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")]
    scores["below_full_marks"] = failing
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (its folder)")
    parser.add_argument("--lighthouse", type=Path, required=True, help="the lighthouse command")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"Lighthouse (mobile, median of {args.runs} runs) on {args.site}")
    print(f"{'page':<20} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'CLS':>7} {'LCP':>8}")
    with serve(args.site, _PagesLikeHandler) as base, tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            runs = [run_once(args.lighthouse, base + path, Path(tmp) / f"{i}.json") for i in range(args.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in (*CATEGORIES, "cls", "lcp_ms")}
            print(f"{name:<20} {median['performance']:>5.0f} {median['accessibility']:>5.0f} {median['best-practices']:>5.0f} "
                  f"{median['seo']:>5.0f} {median['cls']:>7.3f} {median['lcp_ms'] / 1000:>7.2f}s")
            below = sorted({audit for run in runs for audit in run["below_full_marks"]})
            if below:
                print(f"{'':<20} below full marks in some run: {', '.join(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
