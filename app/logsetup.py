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


class _OneLine(logging.Formatter):
    """Records without their traceback: what stands in for the log file on a person's
    terminal (a traceback is for the log, never for the user)."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info = plain.exc_text = plain.stack_info = None
        return super().format(plain)


def log_file() -> Path:
    return paths.log_dir() / "keydesk.log"


def configure(level: int = logging.INFO, *, console: bool = False) -> Path | None:
    """Install the rotating file handler (and optionally stderr). Returns the log path, or
    None when the log folder cannot be used: the program still runs (a command must work
    on a read-only profile), logging to stderr instead, and says so once."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_keydesk", False):
            root.removeHandler(h)
            h.close()
    handlers: list[logging.Handler] = []
    path: Path | None = None
    try:
        path = log_file()
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except Exception as exc:
        import sys

        from app.inputs.messages import text

        reason = getattr(exc, "detail", "") or getattr(exc, "strerror", "") or str(exc)
        print(f"keydesk: {text('no_log_file', reason=reason)}", file=sys.stderr, flush=True)
        path = None
        if not console:
            warnings = logging.StreamHandler()
            warnings.setLevel(logging.WARNING)
            warnings.setFormatter(_OneLine("keydesk: %(levelname)s %(message)s"))
            handlers.append(warnings)
    if console:
        handlers.append(logging.StreamHandler())
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(fmt)
        h.addFilter(RedactingFilter())
        h._keydesk = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(level)
    return path
