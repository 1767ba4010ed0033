"""Quick preview: in `mkdocs serve`, a saved item's page shows first, and the whole site follows.

A rebuild of the whole site takes seconds at a thousand resources, and an
editor who saves a resource wants to see that page. So when the only change
since the last good build is one saved resource, newsletter issue, event or
hand-written page of docs/ (unless its title in the navigation changed):

1. a watcher of our own (inotify, through watchdog) hears of the save within
   milliseconds; MkDocs' server, which polls every half second, follows later;
2. the file is read again with the check's own loader and per-file checks
   (core/item_reload.py), an item's page made as the site makes it (views/item_page.py),
   and rendered with the last good build's configuration, navigation, templates
   and plugins, through MkDocs' own steps for one page (`_populate_page`,
   `_build_page`, as its `--dirty` builds do), into the served folder;
3. open browsers are told to reload, as the server tells them after a build;
4. once no save has come for two seconds, the whole site is rebuilt as ever, in a
   thread of its own, into a staging folder that replaces the served one only
   once it is whole (adapters/staged_site.py); browsers then reload again. What
   the preview ends on is always the whole build's site.

A save during step 4 stops that rebuild (`Superseded`) at its next page. Anything
else (a new or removed file, data, templates, a problem in the file, a warning
while rendering, a failed last build) skips steps 2 and 3: the browser waits for
the whole build, as before.

Proofs at run time, with that behaviour as the fallback: the server and MkDocs'
build module must have the parts this uses; and each page shown first is
compared with the same page of the whole build that follows (when nothing else
changed in between). Any difference turns quick pages off for the session, with
an INFO line saying where. Off switch: TIP_SERVE_FULL_RENDER=1 (as for the render
cache), or the speed-ups off (`speedups: false`, TIP_SPEEDUPS=0).
"""

from __future__ import annotations

import inspect
import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tip_site.adapters.logged_warnings import LoggedWarnings
from tip_site.core.content_inventory import is_system_file
from tip_site.core.item_reload import reloaded
from tip_site.core.model import Page as DocsPage
from tip_site.views.item_page import item_page

log = logging.getLogger("mkdocs.plugins.tip_site")

OFF_SWITCH = "TIP_SERVE_FULL_RENDER"
# After a page shown first, the whole site is rebuilt once no save has come for this long: an
# editor saving again and again is not slowed by rebuilds that the next save would stop.
QUIET_SECONDS = 2.0
# A save is a few events (opened, modified, closed) within milliseconds: it is read once they stop.
SETTLE_SECONDS = 0.03
_SERVER_PARTS = ("_epoch_cond", "_visible_epoch", "_wanted_epoch", "_want_rebuild", "root")
_PAGE_STEPS = {"_populate_page": ("page", "config", "files"), "_build_page": ("page", "config", "doc_files", "nav", "env")}


class Superseded(Exception):
    """A newer save came while the whole site was being rebuilt: that rebuild stops, the next one starts."""


class _Discard:
    """Stands in for the helper process (alongside.py) while one page is rendered: its index entry
    and kept HTML are the whole rebuild's to make."""

    def start(self, *args: Any) -> None: ...
    def call(self, *args: Any) -> None: ...
    def finish(self) -> None: ...
    def abandon(self) -> None: ...


FileStates = dict[str, tuple[int, int]]


def file_states(paths: list[Path]) -> FileStates:
    """Each file under `paths` (folders or files): its modification time and size."""
    files = [str(path) for path in paths if path.is_file()]
    files += [os.path.join(folder, name) for path in paths if path.is_dir() for folder, _, names in os.walk(path) for name in names]
    return {file: state for file in files if (state := _state(file)) is not None}


def _state(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def changed_files(seen: FileStates, touched: set[str]) -> dict[str, tuple[int, int] | None]:
    """Of the `touched` paths, those whose state differs from `seen` (None: removed); an editor's
    swap and backup files, which the site never reads, do not count."""
    return {
        path: now for path in touched
        if not is_system_file(os.path.basename(path)) and (now := _state(path)) != seen.get(path)
    }


class TouchedFiles:
    """Every file path the watched folders saw written, from a watchdog (inotify) observer of our own.

    MkDocs' server polls the same folders every half second (stat'ing every file, which
    takes a second or more while the whole site is rebuilt in another thread) and keeps no
    record of what changed. This one hears of a save within milliseconds, and says which file.
    """

    def __init__(self, watched: list[Path], on_change: Callable[[], None]) -> None:
        from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        self._paths: set[str] = set()
        self._lock = threading.Lock()
        folders = tuple(str(p) + os.sep for p in watched if p.is_dir())
        files = {str(p) for p in watched if p.is_file()}
        touched = self

        class Record(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory:
                    return
                found = False
                for path in (event.src_path, getattr(event, "dest_path", "")):
                    path = os.fsdecode(path) if path else ""
                    if path and (path in files or path.startswith(folders)):
                        with touched._lock:
                            touched._paths.add(path)
                        found = True
                if found:
                    on_change()

        # Writes, renames and removals only: the builds' own reads of every file are no news.
        only = [FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent]
        self._observer = Observer()
        for path in watched:
            if path.is_dir():
                self._observer.schedule(Record(), str(path), recursive=True, event_filter=only)
            elif path.is_file():
                self._observer.schedule(Record(), str(path.parent), recursive=False, event_filter=only)
        self._observer.daemon = True
        self._observer.start()

    def paths(self) -> set[str]:
        with self._lock:
            return set(self._paths)

    def stop(self) -> None:
        self._observer.stop()


@dataclass
class _LastBuild:
    """What one page needs from the last good build: MkDocs' objects, and each plugin as it ended."""

    config: Any
    files: Any
    nav: Any
    env: Any
    plugins: list[tuple[str, Any, dict[str, Any]]]  # name, plugin, its attributes
    content: Any  # the tip-content plugin
    ready: bool = False  # its plugins are copies of their own, for pages shown first

    def for_one_page(self) -> Any:
        """The tip-content plugin of this build, once its configuration runs copies of the plugins.

        A plugin kept between builds (tip-content) is already at work on the next build: pages
        shown first go through copies holding the attributes each plugin ended this build with.
        """
        if not self.ready:
            from mkdocs.plugins import PluginCollection

            copies = PluginCollection()
            for name, plugin, state in self.plugins:
                copy = object.__new__(type(plugin))
                vars(copy).update(state)
                copies[name] = copy
                if plugin is self.content:
                    self.content = copy
            vars(self.content).update(render_cache=None, quick=QuickPreview(on=False))  # a page alone: no cache, never stopped
            self.config.plugins = copies
            self.ready = True
        return self.content


@dataclass
class _Shown:
    uri: str
    output: bytes
    states: FileStates  # the files as the quick page saw them


class QuickPreview:
    def __init__(self, on: bool) -> None:
        self.on = on
        self.failure: str | None = None  # why quick pages turned themselves off
        self.shown = 0
        self._server: Any = None
        self._watched: list[Path] = []
        self._building: FileStates | None = None  # the files as the latest build began
        self._seen: FileStates | None = None  # the files as the browsers' pages show them
        self._last: _LastBuild | None = None  # the last build that succeeded
        self._candidate: _LastBuild | None = None  # the current build, once its post_build is reached
        self._pending: _Shown | None = None  # a quick page the next whole build is to match
        self._stop = threading.Event()  # set: the whole rebuild under way stops at its next page
        self._wanted = threading.Event()  # set: a whole rebuild is to follow a page shown first
        self._lock = threading.Lock()
        self._rebuilder: threading.Thread | None = None  # the thread rebuilding behind pages shown first
        self._builder: Callable[[], None] | None = None  # the server's: MkDocs' whole build
        self._touched: TouchedFiles | None = None
        self._saved = threading.Event()  # set by our watcher: a file was written
        self._showing = threading.RLock()  # one page shown first at a time, by our watcher or the server
        self._shown_epoch: int | None = None  # the server's epoch of the last page shown first
        self._refused: tuple[str, tuple[int, int]] | None = None  # the last file, as saved, not shown first
        self._closing = False

    # -- called by the content plugin during each build -----------------------------------
    def build_starts(self, config, root: Path) -> None:
        """on_config: what the build reads as it begins."""
        if not self.on:
            return
        watched = [Path(config.docs_dir), *(Path(w) for w in config.watch)]
        if config.config_file_path:
            watched.append(Path(config.config_file_path))
        self._watched = [p if p.is_absolute() else root / p for p in watched]
        self._building = file_states(self._watched)
        self._candidate = None
        if self._pending is not None and self._pending.states != self._building:
            self._pending = None  # something else changed too: the pages may rightly differ

    def superseded(self) -> bool:
        """Whether a newer save is waiting: the whole rebuild under way is to stop."""
        return self.on and self._server is not None and (self._stop.is_set() or self._server._want_rebuild is True)

    def build_ends(self, config, files, nav, env, content) -> None:
        """on_post_build, once every plugin has finished: remember the build, check the last quick page."""
        if not self.on:
            return
        plugins = [(name, plugin, _without_helpers(vars(plugin))) for name, plugin in config.plugins.items()]
        self._candidate = _LastBuild(config, files, nav, env, plugins, content)
        pending, self._pending = self._pending, None
        if pending is None:
            return
        file = files.get_file_from_path(pending.uri)
        whole = Path(file.abs_dest_path).read_bytes() if file is not None and os.path.isfile(file.abs_dest_path) else None
        if whole != pending.output:
            where = _first_difference(pending.output, whole or b"")
            self._turn_off(f"the quick page of {pending.uri} differed from the whole build's ({where})")

    def build_failed(self, error: Exception) -> None:
        """on_build_error: a build stopped by a newer save leaves the last good build as it was."""
        if not isinstance(error, Superseded):
            self._candidate = None
            self._last = None
            self._pending = None

    def shutdown(self) -> None:
        """on_shutdown: a whole rebuild under way stops, and removes its staging folder."""
        self._closing = True
        self._saved.set()
        self._wait_for_rebuilds()
        if self._touched is not None:
            self._touched.stop()

    # -- the server ---------------------------------------------------------------------------
    def wrap(self, server, builder: Callable[[], None]) -> Callable[[], None]:
        """The server's builder: the saved page first (when it can), then the whole site.

        Our own watcher shows a saved page within milliseconds (`_show_saves`); the server,
        which polls, calls this a little later for the same save.
        """
        if not self.on:
            return builder
        missing = _missing_parts(server)
        if missing:
            self._turn_off(f"this MkDocs has no {missing}")
            return builder
        self._server, self._builder = server, builder
        try:
            self._touched = TouchedFiles(self._watched, on_change=self._saved.set)
        except Exception as error:  # noqa: BLE001 — no watcher here: every save rebuilds the whole site
            self._turn_off(f"the watched folders cannot be followed ({type(error).__name__}: {error})")
            return builder
        logging.getLogger("mkdocs.commands.build").addFilter(_not_superseded)
        threading.Thread(target=self._show_saves, name="tip-saved-page", daemon=True).start()

        def saved_page_first() -> None:
            self._stop.set()  # a whole rebuild under way stops at its next page
            with self._showing:
                outcome = self._show_saved_page()
                if outcome == "unchanged" and self._shown_epoch is not None:
                    # Shown first already: the server's reload would only load the same page again.
                    with server._epoch_cond:
                        server._wanted_epoch = self._shown_epoch
                if outcome == "shown" or (outcome == "unchanged" and self._shown_epoch is not None):
                    self._rebuild_behind()  # browsers have the page: the whole site is rebuilt behind it
                    return
            # Browsers wait for the whole site, as MkDocs has them do.
            self._wait_for_rebuilds()
            self._stop.clear()
            self._whole_site(behind_shown_page=False)

        return saved_page_first

    def _show_saves(self) -> None:
        """Show each saved page as soon as our watcher hears of it (a thread of its own)."""
        while True:
            self._saved.wait()
            self._saved.clear()
            while self._saved.wait(SETTLE_SECONDS):  # the editor's write is done once the events stop
                self._saved.clear()
            if self._closing:
                return
            rebuilding = self._rebuilder is not None
            self._stop.set()  # the whole rebuild under way stops at its next page
            with self._showing:
                shown = self._show_saved_page() == "shown"
            if shown or rebuilding:
                self._rebuild_behind()

    def _rebuild_behind(self) -> None:
        """Rebuild the whole site in a thread of its own, after the one under way has stopped."""
        with self._lock:
            self._wanted.set()
            if self._rebuilder is None:
                self._rebuilder = threading.Thread(target=self._rebuild_while_wanted, name="tip-whole-site", daemon=True)
                self._rebuilder.start()

    def _rebuild_while_wanted(self) -> None:
        while True:
            with self._lock:
                if not self._wanted.is_set():
                    self._rebuilder = None
                    return
                self._wanted.clear()
                self._stop.clear()
            if self._quiet_for(QUIET_SECONDS):  # an editor saving again and again gets each page first
                self._whole_site(behind_shown_page=True)

    def _quiet_for(self, seconds: float) -> bool:
        """Whether no newer save came within `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.superseded():
                return False
            time.sleep(0.05)
        return not self.superseded()

    def _wait_for_rebuilds(self) -> None:
        """Stop the whole rebuild under way, if any, and wait until it has let go."""
        with self._lock:
            self._wanted.clear()
            self._stop.set()
            rebuilder = self._rebuilder
        if rebuilder is not None:
            rebuilder.join()

    def _whole_site(self, behind_shown_page: bool) -> None:
        assert self._builder is not None
        try:
            self._builder()  # a failure shows its error page (serve_errors.py)
        except Superseded:
            log.info("Another save came while the site was rebuilding: rebuilding from it.")
            return
        except Exception as error:  # noqa: BLE001 — never seen: serve_errors.py catches build failures
            log.error(f"The preview could not be rebuilt: {type(error).__name__}: {error}")
        with self._showing:
            self._seen = self._building  # the site, or its error page, as these files make it
            self._shown_epoch = None
        self._promote()
        if behind_shown_page:
            self._reload_browsers()

    def _promote(self) -> None:
        if self._candidate is not None:  # reached only by a build that succeeded (build_failed clears it)
            self._last, self._candidate = self._candidate, None

    def _show_saved_page(self) -> str:
        """Show the saved page, if one file changed alone: "shown", "unchanged" (nothing since), or "no"."""
        if self._seen is None:  # the first build, which the server ran itself
            self._promote()
            self._seen = self._building
        last = self._last
        if not self.on or last is None or self._seen is None or self._touched is None:
            return "no"
        changed = changed_files(self._seen, self._touched.paths())
        if not changed:
            return "unchanged"
        (path, now), = changed.items() if len(changed) == 1 else ((None, None),)
        if path is None or now is None or path not in self._seen:
            log.debug("quick preview: %d files changed, added or removed: the whole site is rebuilt", len(changed))
            return "no"
        if self._refused == (path, now):  # tried already (and the page may have been read): not again
            return "no"
        states = {**self._seen, path: now}
        started = time.perf_counter()
        try:
            shown = self._render(last, Path(path), states)
        except Exception as error:  # noqa: BLE001 — the whole rebuild follows and says what is wrong
            log.info(f"The saved page could not be shown first ({type(error).__name__}: {error}): the whole site is rebuilt.")
            shown = False
        if not shown:
            log.debug("quick preview: no page shown first for %s", path)
            self._refused = (path, now)
            return "no"
        self._shown_epoch = self._reload_browsers()
        self._seen = states
        self.shown += 1
        log.info(f"Shown first, in {time.perf_counter() - started:.2f} s: the page of {_shown_path(path, last)}. "
                 "The whole site follows.")
        return "shown"

    def _render(self, last: _LastBuild, path: Path, states: FileStates) -> bool:
        """Write the page of the item at `path` into the served folder; False if it cannot be done alone."""
        content = last.for_one_page()
        root = content.root
        try:
            relative = path.resolve().relative_to(root).as_posix()
        except ValueError:
            return False
        docs_dir = Path(last.config.docs_dir).resolve().relative_to(root).as_posix()
        found = reloaded(content.site, root, content.config.content_dir, relative, docs_dir)
        if found is None:
            return False
        site, item = found
        if isinstance(item, DocsPage):  # MkDocs reads it from docs/ itself
            uri = item.path
            file = last.files.get_file_from_path(uri)
        else:
            page_source = item_page(site, item, content.today, None)
            uri = page_source.uri
            file = last.files.get_file_from_path(uri)
            if file is not None:
                file.content_string = page_source.markdown if uri in content.banners else content.assembled.source_of(page_source)
        if file is None or file.page is None:
            return False
        content.site = site  # a later quick page sees this item as saved
        file.abs_dest_path = os.path.normpath(os.path.join(self._server.root, file.dest_uri))
        import mkdocs.commands.build as build_module
        from mkdocs.structure.files import InclusionLevel

        with LoggedWarnings() as warnings:
            doc_files = last.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            title = file.page.title
            build_module._populate_page(file.page, last.config, last.files)
            if file.page.title != title and file.page in last.nav.pages:
                return False  # every page's navigation shows the new title: the whole rebuild makes them
            build_module._build_page(file.page, last.config, doc_files, last.nav, last.env, excluded=file.inclusion.is_excluded())
        if warnings.messages:  # a strict build would stop: the whole rebuild shows why
            return False
        self._pending = _Shown(uri, Path(file.abs_dest_path).read_bytes(), states)
        return True

    def _reload_browsers(self) -> int:
        """As the server does once a build is done, with a new epoch: open pages reload. Returns it."""
        with self._server._epoch_cond:
            self._server._wanted_epoch = max(round(time.monotonic() * 1000), self._server._wanted_epoch + 1)
            self._server._visible_epoch = self._server._wanted_epoch
            self._server._epoch_cond.notify_all()
            return self._server._visible_epoch

    def _turn_off(self, why: str) -> None:
        self.on = False
        self.failure = why
        log.info(f"Quick preview is off: {why}. Every save now rebuilds the whole site before it shows.")


def _not_superseded(record: logging.LogRecord) -> bool:
    """MkDocs logs an error for any exception in a page's step: a rebuild stopped for a newer save is none."""
    return sys.exc_info()[0] is not Superseded


def _without_helpers(state: dict[str, Any]) -> dict[str, Any]:
    # Work for the helper process (search index, feeds) is the whole rebuild's, never one page's.
    return {key: _Discard() if _is_helper(value) else value for key, value in state.items()}


def _is_helper(value: object) -> bool:
    return all(callable(getattr(value, name, None)) for name in ("start", "call", "finish", "abandon"))


def _missing_parts(server) -> str | None:
    """What this works with, checked: the server's build epochs and flag, and MkDocs' steps for one page."""
    for name in _SERVER_PARTS:
        if not hasattr(server, name):
            return f"server.{name}"
    if not all(callable(getattr(server._epoch_cond, name, None)) for name in ("notify_all", "__enter__")):
        return "server._epoch_cond as a condition"
    if not isinstance(server._visible_epoch, int) or not isinstance(server._wanted_epoch, int):
        return "server build epochs as numbers"
    try:
        import mkdocs.commands.build as build_module
        from mkdocs.structure.files import InclusionLevel
    except ImportError:
        return "mkdocs.commands.build"
    if not hasattr(InclusionLevel, "is_in_serve"):
        return "InclusionLevel.is_in_serve"
    for name, expected in _PAGE_STEPS.items():
        step = getattr(build_module, name, None)
        try:
            parameters = tuple(inspect.signature(step).parameters) if callable(step) else ()
        except (TypeError, ValueError):
            parameters = ()
        if parameters[: len(expected)] != expected:
            return f"mkdocs.commands.build.{name}{expected}"
    return None


def _first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"from byte {at}: {a[at:at + 60]!r} against {b[at:at + 60]!r}"


def _shown_path(path: str, last: _LastBuild) -> str:
    try:
        return Path(path).resolve().relative_to(last.content.root).as_posix()
    except ValueError:
        return path
