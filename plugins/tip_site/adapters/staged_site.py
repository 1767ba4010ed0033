"""A build writes into a staging folder, which replaces site/ only once the build has succeeded.

Content errors stop the build before anything is written (see validation.py).
This covers the rest: a problem only MkDocs finds while writing (a strict
build then aborts after writing every page) or a crash half-way. Either way
the previous site/ stays as it was, whole, and no partial site is left.

Only MkDocs' public interface is used: `site_dir` is set in on_config and
restored in on_post_build, and warnings are counted with a logging handler of
our own, since a strict build aborts after on_post_build when any was logged.
Off switch: the plugin option `staged_build: false`.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.tip_site")


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class StagedSite:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.staging: Path | None = None
        self._counter: _WarningCounter | None = None

    def begin(self, config) -> None:
        """Point the build at a staging folder beside site/ (call from on_config)."""
        self.abandon()
        final = Path(config.site_dir).resolve()
        staging = final.parent / f".{final.name}.building"
        try:
            if staging.exists():
                shutil.rmtree(staging)  # left by a build that was killed
            staging.mkdir(parents=True)
        except OSError as error:
            log.debug(f"no staging folder ({error}): building straight into {final}")
            return
        self.final, self.staging = final, staging
        config.site_dir = str(staging)
        if config.strict:
            self._counter = _WarningCounter()
            logging.getLogger("mkdocs").addHandler(self._counter)

    def publish(self, config) -> None:
        """Swap the staging folder in for site/, unless a strict build is about to abort (on_post_build)."""
        if self.final is None or self.staging is None:
            return
        final, staging = self.final, self.staging
        config.site_dir = str(final)  # `gh-deploy` and later plugins read it
        if self._counter is not None and self._counter.count:
            self.abandon()  # MkDocs aborts next: the previous site stays
            return
        self._stop_counting()
        old = final.parent / f".{final.name}.previous"
        try:
            if old.exists():
                shutil.rmtree(old)
            if final.exists():
                os.replace(final, old)
            os.replace(staging, final)
        except OSError:  # site/ cannot be renamed (a mount point, say): replace its contents instead
            final.mkdir(parents=True, exist_ok=True)
            for child in final.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            for child in staging.iterdir():
                shutil.move(str(child), str(final / child.name))
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
        self.final = self.staging = None

    def abandon(self) -> None:
        """Remove the staging folder of a failed build (on_build_error), leaving site/ as it was."""
        self._stop_counting()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        self.final = self.staging = None

    def _stop_counting(self) -> None:
        if self._counter is not None:
            logging.getLogger("mkdocs").removeHandler(self._counter)
            self._counter = None
