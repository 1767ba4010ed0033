"""`mkdocs serve` run for real on a tiny site: a free port on 127.0.0.1, bounded waits, always stopped."""

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

START_TIMEOUT = 90  # seconds: a first build on a busy two-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"gave up after {timeout:.0f}s waiting for {what}")


@contextmanager
def mkdocs_serve(root: Path) -> Iterator[str]:
    """Start `mkdocs serve` in `root` and yield its base URL once the first build is served."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    log = open(root / "serve.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        if server.poll() is not None:
            raise AssertionError("mkdocs serve stopped:\n" + (root / "serve.log").read_text())
        try:
            return fetch(url)[0] == 200
        except OSError:
            return False

    try:
        wait_for(up, START_TIMEOUT, "mkdocs serve to start")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
