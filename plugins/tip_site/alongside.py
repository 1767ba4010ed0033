"""Work the build hands to a helper process, done on the machine's other core while MkDocs renders.

MkDocs renders pages one after another on one core. Work whose result no page
needs (the search index, the feeds and calendars, the email editions) is sent,
as it becomes ready, to one helper process (`python -m tip_site.alongside`),
which does it in the order it was sent; the build waits for it only before it
publishes, and stops if any of it failed. `InThisProcess` runs the very same
calls at once in the build's own process: with the speed-ups off, and when no
helper can be started. The same calls in the same order write the same bytes.

Calls travel pickled, so their functions and classes must be importable by
name (module-level) and their arguments plain data. They may be named as
"module:attribute" strings: the build then need not import what only the
helper runs.
"""

from __future__ import annotations

import importlib
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Protocol

MODULE = "tip_site.alongside"


class HelperFailed(Exception):
    """Work sent to the helper failed: the build must not publish a site missing its result."""


Target = Callable[..., Any] | str  # a function or class, or "module:attribute" naming one


class Alongside(Protocol):
    def start(self, name: str, factory: Target, *args: Any) -> None: ...  # keep factory(*args) as `name`
    def call(self, name: str, method: str, *args: Any) -> None: ...  # `name`.method(*args)
    def finish(self) -> None: ...  # wait until all is done; HelperFailed if any failed
    def abandon(self) -> None: ...  # the build has stopped: stop the work


def resolved(target: Target) -> Callable[..., Any]:
    """The function or class itself, imported if given by name."""
    if not isinstance(target, str):
        return target
    module, _, attribute = target.partition(":")
    found: Any = importlib.import_module(module)
    for part in attribute.split("."):
        found = getattr(found, part)
    return found


class InThisProcess:
    """Each call done at once, here."""

    def __init__(self) -> None:
        self._objects: dict[str, Any] = {}

    def start(self, name: str, factory: Target, *args: Any) -> None:
        self._objects[name] = resolved(factory)(*args)

    def call(self, name: str, method: str, *args: Any) -> None:
        getattr(self._objects[name], method)(*args)

    def finish(self) -> None:
        self._objects.clear()

    def abandon(self) -> None:
        self._objects.clear()


class InHelperProcess:
    """Calls sent through a pipe to a helper process; `finish` waits for its one answer.

    Each call is pickled at once (what it sends is what it was given then) and written to the
    pipe by a thread of its own, so the build never waits while the helper is busy.
    """

    def __init__(self, preload: tuple[str, ...] = ()) -> None:
        self._errors = tempfile.TemporaryFile()  # the helper's own error output, read only if it fails
        package_root = str(Path(__file__).resolve().parents[1])  # the helper imports this very copy of tip_site
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH")))))
        self._process = subprocess.Popen(
            [sys.executable, "-m", MODULE, *preload], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors, env=environment,
        )
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write_outbox, name="tip-alongside-writer", daemon=True)
        self._writer.start()
        self._closed = False

    def start(self, name: str, factory: Target, *args: Any) -> None:
        self._send(("start", name, factory, args))

    def call(self, name: str, method: str, *args: Any) -> None:
        self._send(("call", name, method, args))

    def _send(self, message: object) -> None:
        if not self._closed:
            self._outbox.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def _write_outbox(self) -> None:
        broken = False
        while (data := self._outbox.get()) is not None:
            if broken:
                continue  # the helper has stopped: finish() says why
            try:
                self._process.stdin.write(data)
                self._process.stdin.flush()  # at once: the helper may be waiting for just this
            except (OSError, ValueError):
                broken = True
        try:
            self._process.stdin.close()
        except OSError:
            pass

    def _close(self) -> None:
        if not self._closed:
            self._send(None)  # nothing more, says the last message
            self._closed = True
            self._outbox.put(None)  # and the writer stops
        self._writer.join()

    def finish(self) -> None:
        self._close()
        answer = self._process.stdout.read()
        self._process.wait()
        try:
            outcome, detail = pickle.loads(answer)
        except Exception:  # noqa: BLE001 - no answer at all: the helper stopped before it could give one
            outcome, detail = "failed", f"the helper process stopped (exit status {self._process.returncode}) {self._last_error()}".strip()
        self._errors.close()
        if outcome != "done":
            raise HelperFailed(detail)

    def abandon(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._close()  # the writer finds the pipe closed and stops
        for stream in (self._process.stdin, self._process.stdout, self._errors):
            try:
                stream.close()
            except OSError:
                pass

    def _last_error(self) -> str:
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        return f"({lines[-1]})" if lines else ""


def alongside(helper: bool, preload: tuple[str, ...] = ()) -> Alongside:
    """A helper process if `helper` and one can be started, else this process.

    The helper imports the `preload` modules as it starts, while the build is busy with other things.
    """
    if helper and sys.executable:
        try:
            return InHelperProcess(preload)
        except OSError:
            pass
    return InThisProcess()


def main() -> int:
    """The helper: do each call as it comes; answer once, ("done", None) or ("failed", what and why)."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    here = InThisProcess()
    failed = None
    try:
        for module in sys.argv[1:]:  # what the calls will need, imported before they come
            importlib.import_module(module)
        while (message := pickle.load(stdin)) is not None:
            if failed is not None:
                continue  # the build will stop: read the rest, do nothing
            kind, name, target, args = message
            try:
                if kind == "start":
                    here.start(name, target, *args)
                else:
                    here.call(name, target, *args)
            except Exception as error:  # noqa: BLE001 - told to the build, which stops with it
                failed = f"{name}: {type(error).__name__}: {error}"
    except EOFError:  # the build has gone: nobody to answer
        return 1
    here.finish()
    pickle.dump(("done", None) if failed is None else ("failed", failed), stdout)
    stdout.flush()
    return 0 if failed is None else 1


if __name__ == "__main__":
    sys.exit(main())
