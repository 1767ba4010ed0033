"""`mkdocs serve` run for real on a tiny site: a free port on 127.0.0.1, bounded waits, always stopped.

TIP_TEST_ENGINE=properdocs runs ProperDocs' serve instead (the maintained fork, where installed).

The machine may be busy (several test runs at once on two cores), so every wait is generous and
ends as soon as its condition holds: no fixed sleeps. A server that stops ends the wait at once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

START_TIMEOUT = 600  # seconds: a first build on a busy two-core machine
CHANGE_TIMEOUT = 600  # seconds: a save seen by the server, rebuilt and served
REQUEST_TIMEOUT = 120  # seconds: serve holds a request while it rebuilds
ENGINE = os.environ.get("TIP_TEST_ENGINE", "mkdocs")

# The servers now running (mkdocs_serve), so a wait gives up at once if one has stopped.
_running: dict[subprocess.Popen, Path] = {}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(condition: Callable[[], bool], timeout: float = CHANGE_TIMEOUT, what: str = "a condition") -> None:
    """Check `condition` until it holds; a request that fails or times out (a rebuild under way) counts as not yet."""
    deadline = time.monotonic() + timeout
    while True:
        _check_servers_running()
        try:
            if condition():
                return
        except OSError:
            pass
        if time.monotonic() >= deadline:
            raise AssertionError(f"gave up after {timeout:.0f}s waiting for {what}")
        time.sleep(0.25)


def _check_servers_running() -> None:
    for server, log_path in _running.items():
        if server.poll() is not None:
            raise AssertionError("mkdocs serve stopped:\n" + log_path.read_text())


@contextmanager
def mkdocs_serve(root: Path, *options: str) -> Iterator[str]:
    """Start `mkdocs serve` in `root` and yield its base URL once it answers the home page."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    log_path = root / "serve.log"
    log = open(log_path, "w")
    server = subprocess.Popen(
        [sys.executable, "-m", ENGINE, "serve", "-a", f"127.0.0.1:{port}", *options],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    _running[server] = log_path
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(url)[0] == 200, START_TIMEOUT, "mkdocs serve to start")
        yield url
    finally:
        del _running[server]
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
