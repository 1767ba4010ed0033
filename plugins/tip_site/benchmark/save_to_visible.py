"""Save to visible: how long an editor waits, in `mkdocs serve`, between saving a content
file and the browser showing the change.

A real `mkdocs serve` runs on the benchmark project; each edit changes one
resource's text and the clock stops when its page, fetched over HTTP, contains
the new words. MkDocs' live-reload server holds a page request while a rebuild
is under way, so this is the time a reloading browser waits (its own rendering
aside). The server's CPU time for each edit is reported beside it: on a shared
machine it barely moves when other work slows the wall clock.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tip_site.benchmark.timed_build import BUILD_ENV

START_TIMEOUT = 600  # seconds: a first build of 5,000 resources on a busy machine
EDIT_TIMEOUT = 600  # a rebuild on a machine shared with other heavy work


@dataclass(frozen=True)
class SaveToVisible:
    seconds: list[float]
    dirty: bool
    cpu_seconds: list[float]
    pause: float = 1.0  # between seeing one edit and saving the next

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else float("nan")


def measure(
    project: Path, edits: int = 5, dirty: bool = False, extra_env: dict[str, str] | None = None, pause: float = 1.0,
) -> SaveToVisible:
    """Start `mkdocs serve` in `project`, edit one resource `edits` times, time each until it shows.

    `pause`: seconds between seeing one edit and saving the next (1 s: an editor at work; longer,
    and the save may land while the whole site is being rebuilt behind the page shown first).
    """
    resource = sorted((project / "content" / "resources").glob("*.md"))[0]
    page = f"library/{resource.stem}/"  # synthetic resources' ids are their file names
    original = resource.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    env = {**os.environ, **BUILD_ENV, **(extra_env or {}), "SITE_URL": url}
    log = open(project / f"serve{'-dirty' if dirty else ''}.log", "w")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    times, cpu = [], []
    try:
        _wait(lambda: _get(url + page) is not None, START_TIMEOUT, server, project, "mkdocs serve to start")
        for number in range(1, edits + 1):
            words = f"Edited for the benchmark, save number {number} at {time.time_ns()}."
            time.sleep(pause)
            started, cpu_before = time.perf_counter(), _cpu_seconds(server.pid)
            resource.write_text(original + f"\n{words}\n", encoding="utf-8")
            _wait(lambda: words in (_get(url + page) or ""), EDIT_TIMEOUT, server, project, f"edit {number} to show")
            times.append(time.perf_counter() - started)
            if cpu_before is not None and (cpu_after := _cpu_seconds(server.pid)) is not None:
                cpu.append(cpu_after - cpu_before)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        resource.write_text(original, encoding="utf-8")
    return SaveToVisible(times, dirty, cpu, pause)


def _cpu_seconds(pid: int) -> float | None:
    """User and system time of a process so far (Linux), or None where /proc cannot tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=EDIT_TIMEOUT) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait(condition, timeout: float, server: subprocess.Popen, project: Path, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped while waiting for {what}; see {project}/serve*.log")
        if condition():
            return
        time.sleep(0.02)
    raise RuntimeError(f"gave up after {timeout:.0f} s waiting for {what}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
