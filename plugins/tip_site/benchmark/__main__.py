"""`./scripts/benchmark`: build synthetic sites of growing size, ours against plain Material.

For each size it writes N resources, Q newsletter issues and E events, builds
them with our plugins (--strict) and, alternating pair by pair, the same
Markdown as ordinary pages with plain Material (search plugin only). It prints
wall time, peak memory and milliseconds per page for every build, the ratio of
each pair, the page weight of a first visit measured in Chromium, and the
time from saving a content file to seeing the change in `mkdocs serve` (median
of 5 edits, with and without --dirty). Figures only: it never fails because a
figure misses its target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tip_site.benchmark.projects import make_our_project, make_plain_project
from tip_site.benchmark.synthetic_content import BUILD_DATE
from tip_site.benchmark.timed_build import BuildFailed, BuildFigures, timed_build

SEARCH_QUERY = "reflective supervision"


@dataclass
class SizeResult:
    resources: int
    ours: list[BuildFigures] = field(default_factory=list)
    plain: list[BuildFigures] = field(default_factory=list)
    weights: dict[str, object] = field(default_factory=dict)
    off: list[BuildFigures] = field(default_factory=list)  # ours with TIP_SPEEDUPS=0
    save_to_visible: list[object] = field(default_factory=list)

    @property
    def time_ratio(self) -> float:
        return statistics.median(o.seconds / p.seconds for o, p in zip(self.ours, self.plain))

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(o.cpu_seconds / p.cpu_seconds for o, p in zip(self.ours, self.plain))

    @property
    def memory_ratio(self) -> float:
        return statistics.median(o.peak_mb / p.peak_mb for o, p in zip(self.ours, self.plain))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    repo = Path(args.project).resolve()
    if not (repo / "mkdocs.yml").is_file():
        print(f"{repo}: no mkdocs.yml here — run from the project folder or pass --project", file=sys.stderr)
        return 2
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="tip-benchmark-")).resolve()
    print(f"Benchmark: sizes {', '.join(f'{n:,}' for n in args.sizes)} resources, {args.newsletters} newsletters, "
          f"{args.events} events, {args.repeats} pair(s) each; work in {workdir}")
    print(f"Python {sys.version.split()[0]}; builds use TIP_BUILD_DATE={BUILD_DATE}\n")
    _compile_our_package()
    sites = _sites_folder(args.sites_on_disk, workdir)
    print(f"Built sites go to {sites}" + ("" if args.sites_on_disk or sites.parent == workdir else " (memory: see --sites-on-disk)") + "\n")
    results = []
    try:
        for size in args.sizes:
            results.append(_run_size(size, args, repo, workdir, sites))
    except BuildFailed as failed:
        print(f"\n{failed}", file=sys.stderr)
        return 1
    finally:
        if sites.parent != workdir:
            shutil.rmtree(sites, ignore_errors=True)
    _print_summary(results)
    return 0


def _sites_folder(on_disk: bool, workdir: Path) -> Path:
    """Where builds write their sites: a memory-backed folder (tmpfs) unless asked for the disk.

    On this project's shared VM, the kernel time of writing a site after deleting the previous
    one varied from 0.1 to 1 s for the same build, with where on disk its folder happened to
    lie: noise that swamped the comparison. In memory, both builds write the same way.
    """
    shm = Path("/dev/shm")
    if not on_disk and shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="tip-benchmark-sites-", dir=shm))
    sites = workdir / "sites"
    sites.mkdir(parents=True, exist_ok=True)
    return sites


def _compile_our_package() -> None:
    """Our modules' bytecode, written once before timing, as pip writes it for an installed package.

    Plain Material's modules were compiled when pip installed them; ours are an editable
    install, and where PYTHONDONTWRITEBYTECODE is set (as on this project's machines) every
    build would otherwise compile our modules afresh.
    """
    import compileall

    import tip_site

    compileall.compile_dir(str(Path(tip_site.__file__).parent), quiet=1)


def _run_size(size: int, args: argparse.Namespace, repo: Path, workdir: Path, sites: Path) -> SizeResult:
    ours_dir, plain_dir = workdir / f"ours-{size}", workdir / f"plain-{size}"
    counts = make_our_project(repo, ours_dir, size, args.newsletters, args.events)
    make_plain_project(ours_dir, plain_dir)
    result = SizeResult(size)
    print(f"== {counts.resources:,} resources, {counts.newsletters} newsletters, {counts.events} events ==")
    env = {"TIP_BUILD_DATE": BUILD_DATE}
    for pair in range(1, args.repeats + 1):
        # Alternate which build goes first, so neither always meets a warm or a cold cache.
        order = ("ours", "plain") if pair % 2 else ("plain", "ours")
        figures = {}
        for which in order:
            if which == "ours":
                figures[which] = timed_build(ours_dir, sites / f"site-ours-{size}", strict=True, extra_env=env)
            elif not args.no_plain:
                figures[which] = timed_build(plain_dir, sites / f"site-plain-{size}", strict=False)
        result.ours.append(figures["ours"])
        line = f"  pair {pair}: ours  {_build(figures['ours'])}"
        if "plain" in figures:
            result.plain.append(figures["plain"])
            ratio = figures["ours"].seconds / figures["plain"].seconds
            cpu = figures["ours"].cpu_seconds / figures["plain"].cpu_seconds
            memory = figures["ours"].peak_mb / figures["plain"].peak_mb
            largest = figures["ours"].largest_process_mb / max(figures["plain"].largest_process_mb, 1)
            line += (f"\n          plain {_build(figures['plain'])}"
                     f"\n          ratio {ratio:.2f}× time, {cpu:.2f}× CPU time, {memory:.2f}× peak memory"
                     f" ({largest:.2f}× for the largest process)")
        print(line, flush=True)
    if args.speedups_off:
        result.off = [timed_build(ours_dir, sites / f"site-off-{size}", strict=True, extra_env={**env, "TIP_SPEEDUPS": "0"})
                      for _ in range(args.repeats)]
        for number, figures in enumerate(result.off, 1):
            print(f"  speed-ups off, build {number}: {_build(figures)}", flush=True)
    if args.serve_rebuilds and size == min(args.sizes):
        _serve_memory(ours_dir, sites / f"site-serve-{size}", args.serve_rebuilds, env)
    if args.profile:
        _profile(ours_dir, workdir, sites, size, env)
    if not args.no_weight:
        result.weights = _page_weights(sites, size, not args.no_plain)
    if args.serve_edits:
        result.save_to_visible = _save_to_visible(ours_dir, args.serve_edits, env)
    print()
    return result


def _serve_memory(project: Path, site_dir: Path, rebuilds: int, env: dict[str, str]) -> None:
    """Resident memory of one `mkdocs serve` process over many rebuilds (it must stay flat)."""
    import subprocess

    from tip_site.benchmark.timed_build import BUILD_ENV

    command = [sys.executable, "-m", "tip_site.benchmark.serve_memory", str(rebuilds), str(site_dir)]
    run = subprocess.run(command, cwd=project, env={**os.environ, **BUILD_ENV, **env}, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"  mkdocs serve memory: the rebuilds failed:\n{run.stderr[-2000:]}")
        return
    memory = [float(line.split()[2]) for line in run.stdout.splitlines() if line.startswith("rebuild ")]
    third, last = memory[min(2, len(memory) - 1)], memory[-1]
    print(f"  mkdocs serve memory: {memory[0]:.0f} MB after the first build, {third:.0f} MB after 3 rebuilds, "
          f"{last:.0f} MB after {len(memory)} ({100 * (last - third) / third:+.1f}% from 3 to {len(memory)})", flush=True)


# Seconds from one edit showing to the next save: past the quiet time after which the whole site
# is rebuilt behind a page shown first (adapters/quick_preview.py), so the save lands during it.
WHILE_REBUILDING = 4.0


def _save_to_visible(project: Path, edits: int, env: dict[str, str]) -> list[object]:
    from tip_site.benchmark.save_to_visible import measure

    found = []
    # Saves 1 s after the last one shows (an editor at work), saves that land while the whole site
    # is being rebuilt behind the page shown first (4 s after), and `--dirty` (MkDocs' own partial builds).
    for dirty, pause, label in ((False, 1.0, ""), (False, WHILE_REBUILDING, ", saved while the whole site rebuilds"), (True, 1.0, " --dirty")):
        try:
            figures = measure(project, edits, dirty=dirty, extra_env=env, pause=pause)
        except RuntimeError as failed:
            print(f"  save to visible{label}: not measured: {failed}")
            continue
        found.append(figures)
        each = ", ".join(f"{s:.2f}" for s in figures.seconds)
        print(f"  save to visible in mkdocs serve{label}: median {figures.median:.2f} s "
              f"of {len(figures.seconds)} edits ({each} s); server CPU per edit, median {figures.median_cpu:.2f} s", flush=True)
    return found


def _build(figures: BuildFigures) -> str:
    return (f"{figures.seconds:7.2f} s  {figures.pages:6,} pages  {figures.ms_per_page:6.1f} ms/page  "
            f"peak {figures.peak_mb:6.0f} MB, largest process {figures.largest_process_mb:4.0f} MB  (CPU {figures.cpu_seconds:.2f} s)")


def _page_weights(sites: Path, size: int, with_plain: bool) -> dict[str, object]:
    from tip_site.benchmark.page_weight import Browser, sidebar_item_links

    weights: dict[str, object] = {}
    with Browser(sites / f"site-ours-{size}") as browser:
        for label, path in (("home", ""), ("library index", "library/")):
            weight = browser.first_visit(path)
            weights[label] = weight
            print(f"  first visit, {label + ':':15} " + (_weight(weight) if weight else "no such page"))
        item = _first_item_page(sites / f"site-ours-{size}")
        if item:
            weight = browser.first_visit(item)
            links, item_links = sidebar_item_links(sites / f"site-ours-{size}", item) or (0, 0)
            print(f"  first visit, a resource page: {_weight(weight)}; sidebar: {links} links, {item_links} to single items")
        search = browser.search(SEARCH_QUERY)
        weights["search"] = search
        print(f"  search, before it is opened: {_weight(search.before_interaction)}")
        print(f"  search, opened until the first results for '{SEARCH_QUERY}': {_weight(search.until_first_results)}"
              f" ({search.results_shown} results shown)")
        print(f"  search, first results {search.seconds_to_first_results:.2f} s after the click, nothing cached (in the page;"
              f" median of {search.visits} visits; {search.tool_seconds:.2f} s as the test tool saw it)")
    if with_plain:
        with Browser(sites / f"site-plain-{size}") as browser:
            weight = browser.first_visit("")
            weights["plain home"] = weight
            print(f"  plain Material, first visit, home: {_weight(weight)}")
    return weights


def _first_item_page(site_dir: Path) -> str | None:
    pages = sorted(site_dir.glob("library/*/index.html"))
    return pages[0].parent.relative_to(site_dir).as_posix() + "/" if pages else None


def _weight(weight) -> str:
    text = f"{weight.kb:8.1f} kB compressed in {weight.files:3} files"
    if weight.other_hosts:
        text += f"  (and {len(weight.other_hosts)} request(s) to other hosts: {', '.join(weight.other_hosts[:3])})"
    return text


def _profile(project: Path, workdir: Path, sites: Path, size: int, env: dict[str, str]) -> None:
    import pstats

    out = workdir / f"profile-{size}.prof"
    timed_build(project, sites / f"site-profile-{size}", strict=True, extra_env=env, profile_to=out)
    print(f"  profile written to {out}; the costliest calls in our code (cumulative):")
    stats = pstats.Stats(str(out))
    ours = [(key, value) for key, value in stats.stats.items() if "tip_site" in key[0]]  # type: ignore[attr-defined]
    ours.sort(key=lambda item: item[1][3], reverse=True)
    for (file, line, name), (_, calls, _, cumulative, _) in ours[:15]:
        print(f"    {cumulative:7.2f} s  {calls:8,} calls  {Path(file).name}:{line} {name}")


def _print_summary(results: list[SizeResult]) -> None:
    if not results:
        return
    print("== Summary ==")
    for result in results:
        ours = statistics.median(o.seconds for o in result.ours)
        line = f"  {result.resources:6,} resources: ours {ours:7.2f} s, peak {max(o.peak_mb for o in result.ours):5.0f} MB"
        if result.plain:
            plain = statistics.median(p.seconds for p in result.plain)
            line += (f"; plain {plain:7.2f} s, peak {max(p.peak_mb for p in result.plain):5.0f} MB; "
                     f"median ratio {result.time_ratio:.2f}× time, {result.cpu_ratio:.2f}× CPU, {result.memory_ratio:.2f}× memory")
        if result.off:
            off = statistics.median(o.seconds for o in result.off)
            off_cpu = statistics.median(o.cpu_seconds for o in result.off)
            on_cpu = statistics.median(o.cpu_seconds for o in result.ours)
            line += f"\n           speed-ups off {off:7.2f} s (CPU {off_cpu:.2f} s): on is {ours / off:.2f}× the time, {on_cpu / off_cpu:.2f}× the CPU of off"
        for figures in result.save_to_visible:
            during = " while rebuilding" if figures.pause == WHILE_REBUILDING else ""
            line += f"; save to visible{' (--dirty)' if figures.dirty else during} {figures.median:.2f} s"
        print(line)
    by_size = {r.resources: r for r in results}
    if 1000 in by_size and 5000 in by_size:
        grow = statistics.median(o.seconds for o in by_size[5000].ours) / statistics.median(o.seconds for o in by_size[1000].ours)
        line = f"  growth 1,000 → 5,000 resources: ours {grow:.2f}×"
        if by_size[1000].plain and by_size[5000].plain:
            plain_grow = statistics.median(p.seconds for p in by_size[5000].plain) / statistics.median(p.seconds for p in by_size[1000].plain)
            line += f", plain Material {plain_grow:.2f}×"
        print(line)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=[200, 1000, 5000], help="numbers of resources, comma-separated (default 200,1000,5000)")
    parser.add_argument("--newsletters", type=int, default=40, help="newsletter issues per site (default 40)")
    parser.add_argument("--events", type=int, default=60, help="events per site (default 60)")
    parser.add_argument("--repeats", type=int, default=2, help="build pairs per size (default 2)")
    parser.add_argument("--workdir", help="where projects and sites go (default: a new temporary folder)")
    parser.add_argument("--project", default=".", help="the project whose configuration is benchmarked (default .)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Material builds")
    parser.add_argument("--no-weight", action="store_true", help="skip measuring page weight in Chromium")
    parser.add_argument("--speedups-off", action="store_true", help="also build ours with the speed-ups off (TIP_SPEEDUPS=0), as many times as --repeats")
    parser.add_argument("--serve-rebuilds", type=int, default=30, help="rebuilds of one `mkdocs serve` process at the smallest size, memory printed (default 30; 0 skips)")
    parser.add_argument("--profile", action="store_true", help="also build ours once under cProfile and list our costliest calls")
    parser.add_argument("--serve-edits", type=int, default=5, help="edits timed from save to visible in mkdocs serve, per size (default 5; 0 skips)")
    parser.add_argument("--sites-on-disk", action="store_true", help="write built sites under --workdir, not to memory (/dev/shm)")
    return parser.parse_args(argv)


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


if __name__ == "__main__":
    raise SystemExit(main())
