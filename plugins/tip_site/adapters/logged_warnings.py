"""The warnings and errors MkDocs logs during one piece of work, in the thread doing it.

In `mkdocs serve` the whole site may be rebuilt in one thread while a saved page is
shown first in another (quick_preview.py): each keeps to the messages of its own.
"""

from __future__ import annotations

import logging
import threading


class LoggedWarnings(logging.Handler):
    """Add to a logger (`with LoggedWarnings() as found:`); `found.messages` are those of this thread."""

    def __init__(self, logger: str = "mkdocs") -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.messages: list[str] = []
        self._logger = logging.getLogger(logger)

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())

    def __enter__(self) -> "LoggedWarnings":
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
