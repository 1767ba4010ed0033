"""`mkdocs serve`'s memory over many rebuilds, as the server rebuilds: one process, the plugins kept.

Run in a child process of the benchmark, in a project folder:
`python -m tip_site.benchmark.serve_memory REBUILDS SITE_DIR` prints one line per rebuild
with the process's resident memory after it, in MB, and how many objects `gc.freeze` holds.
"""

from __future__ import annotations

import gc
import logging
import sys


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str]) -> int:
    rebuilds, site_dir = int(argv[0]), argv[1]
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR)
    config = load_config(site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once
    serve_url = "http://127.0.0.1:8000/"
    try:
        for number in range(1, rebuilds + 1):
            if number > 1:  # every rebuild loads the configuration again; the plugins stay
                config = load_config(site_dir=site_dir)
            config.site_url = serve_url
            build(config, serve_url=serve_url)
            print(f"rebuild {number} {_rss_mb():.1f} frozen {gc.get_freeze_count()}", flush=True)
    finally:
        config.plugins.on_shutdown()
    gc.collect()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
