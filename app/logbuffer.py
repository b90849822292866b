"""The last log lines in memory, for the window's live log view (Help → Show log).

A logging handler that keeps the newest :data:`MAX_LINES` formatted lines (each cut at
:data:`MAX_LINE`, so memory stays bounded whatever is logged), with secrets masked like
every other handler. Readers ask for the lines after the last number they saw, from any
thread. There is one per process: :func:`install` attaches it to the root logger once.
"""

from __future__ import annotations

import logging
import threading
from collections import deque

from app.logsetup import RedactingFilter

MAX_LINES = 2000
MAX_LINE = 4000  # characters; a traceback of a few frames fits


class LogBuffer(logging.Handler):
    def __init__(self, max_lines: int = MAX_LINES) -> None:
        super().__init__()
        self._lines: deque[tuple[int, str]] = deque(maxlen=max_lines)
        self._next = 0
        self._guard = threading.Lock()
        self.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        self.addFilter(RedactingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a bad format string must not break the program's logging
            self.handleError(record)
            return
        if len(text) > MAX_LINE:
            text = text[:MAX_LINE] + " …"
        with self._guard:
            self._lines.append((self._next, text))
            self._next += 1

    def since(self, seen: int) -> tuple[list[str], int]:
        """The lines numbered ``seen`` and after (those still kept), and the next number."""
        with self._guard:
            return [text for n, text in self._lines if n >= seen], self._next

    def text(self) -> str:
        lines, _next = self.since(0)
        return "\n".join(lines)


def install(level: int = logging.DEBUG) -> LogBuffer:
    """The process's log buffer on the root logger (added the first time)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, LogBuffer):
            return handler
    buffer = LogBuffer()
    buffer.setLevel(level)
    root.addHandler(buffer)
    return buffer
