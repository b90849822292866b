"""Logging: a rotating file in the user's log directory, with secrets masked.

Any secret the program handles is registered here (:func:`register_secret`); a filter on
every handler replaces it with ``***`` in messages, arguments and tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from app import paths

_secrets: set[str] = set()
_lock = threading.Lock()
MIN_SECRET_LEN = 4  # shorter strings would mask ordinary words


def register_secret(value: str | None) -> None:
    if value and len(value) >= MIN_SECRET_LEN:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for s in secrets:
        if s in text:
            text = text.replace(s, "***")
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_file() -> Path:
    return paths.log_dir() / "keydesk.log"


def configure(level: int = logging.INFO, *, console: bool = False) -> Path:
    """Install the rotating file handler (and optionally stderr). Returns the log path."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_keydesk", False):
            root.removeHandler(h)
            h.close()
    path = log_file()
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    for h in handlers:
        h.setFormatter(fmt)
        h.addFilter(RedactingFilter())
        h._keydesk = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(level)
    return path
