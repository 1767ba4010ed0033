"""The browser harness the tests share with the benchmark: Debian's Chromium over a local server."""

from tip_site.benchmark.local_browser import CHROMIUM_ARGS, chromium_path, serve

__all__ = ["CHROMIUM_ARGS", "chromium_path", "serve"]
