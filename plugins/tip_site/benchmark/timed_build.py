"""One `mkdocs build` in a child process: its wall time, CPU time and peak memory.

CPU time is reported beside wall time because it barely moves when other work
shares the machine, while wall time does.

Peak memory comes from two sources and the larger is reported: the kernel's
maximum resident set size of the build process tree (exact for the largest
single process), and the sum over the whole tree sampled every 20 ms (which
catches a helper process, such as an indexer, running beside MkDocs).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BUILD_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "SITE_URL": "https://trauma-informed-llr.github.io/",
}


class BuildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class BuildFigures:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, of the build and every process it started
    peak_mb: float  # of the whole process tree: the build and any helper process beside it
    pages: int  # HTML files written
    largest_process_mb: float = 0.0  # of the single largest process (the kernel's figure)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / max(self.pages, 1)


def timed_build(project: Path, site_dir: Path, strict: bool, extra_env: dict[str, str] | None = None,
                python: str = sys.executable, profile_to: Path | None = None) -> BuildFigures:
    """Build `project` into `site_dir` and measure it; raise BuildFailed with MkDocs' output if it fails."""
    command = [python]
    if profile_to is not None:
        command += ["-m", "cProfile", "-o", str(profile_to)]
    command += ["-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, **BUILD_ENV, **(extra_env or {})}
    log = site_dir.parent / f"{site_dir.name}.log"
    with open(log, "wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = _TreeMemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    if process.returncode != 0:
        raise BuildFailed(f"mkdocs build failed in {project}:\n" + log.read_text(errors="replace")[-4000:])
    kernel_peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    cpu = usage.ru_utime + usage.ru_stime
    return BuildFigures(seconds, cpu, max(kernel_peak_mb, sampler.peak_mb), pages, kernel_peak_mb)


class _TreeMemorySampler(threading.Thread):
    """Sums the resident memory of a process and all its descendants, keeping the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.02):
            total_kb = sum(_rss_kb(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total_kb / 1024)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found = [pid]
    for current in found:
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    found += [int(child) for child in children.read().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

