"""Logging: a rotating file in the user's log directory, with secrets masked.

Any secret the program handles is registered here (:func:`register_secret`); a filter on
every handler replaces it with ``***`` in messages, arguments and tracebacks, and
:func:`redact` does the same for everything the commands print and the audit trail.

Masking must neither damage text nor reveal the secret by the damage it does. A long
secret (``LONG_SECRET_LEN`` characters or more: tokens, hashes, keys) is masked wherever
it appears. A short one (a reader password ``2026``, a typed token ``wrong``) is masked
only where it stands as a whole value — between quotes, after ``=`` or ``:``, before
``@``/``&``/``;``/``,``/a space or the end — so ``2026-12-01T10:00`` and catalog text
like "the token is wrong" stay as they are. The product never writes a secret into free
text; masking is the net for values that slip into a URL, a query, JSON or a repr.
"""

from __future__ import annotations

import atexit
import json
import logging
import re
import threading
from pathlib import Path
from urllib.parse import quote

from app import paths

_secrets: set[str] = set()
_lock = threading.Lock()
_pattern: re.Pattern[str] | None = None
LONG_SECRET_LEN = 12  # masked anywhere from this length on: no word or date is that long
MASK = "***"
# A short secret counts as a whole value only between these (or the text's start/end).
_VALUE_START = r"(?:^|(?<=[\"'=:]))"
_VALUE_END = r"(?=$|[\"'&;,@\s)\]}])"


def register_secret(value: str | None) -> None:
    global _pattern
    if value:
        with _lock:
            if value not in _secrets:
                _secrets.add(value)
                _pattern = None


def _forms(secret: str) -> set[str]:
    """The secret as it may be written: plain, JSON-escaped, URL-quoted."""
    return {secret, json.dumps(secret, ensure_ascii=False)[1:-1], quote(secret, safe="")}


def _compiled() -> re.Pattern[str] | None:
    global _pattern
    with _lock:
        if _pattern is None and _secrets:
            forms = {f for s in _secrets for f in _forms(s)}
            longest_first = sorted(forms, key=len, reverse=True)
            parts = [re.escape(f) if len(f) >= LONG_SECRET_LEN
                     else _VALUE_START + re.escape(f) + _VALUE_END for f in longest_first]
            _pattern = re.compile("|".join(parts))
        return _pattern


def redact(text: str) -> str:
    pattern = _compiled()
    return pattern.sub(MASK, text) if pattern is not None and text else text


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


class _Held(logging.Handler):
    """Stands in for the log file until :func:`start_rotation`: keeps every record (the
    few of a window's first paint). A warning or worse opens the file at once, so a
    failure before the first paint is on disk; from then on records go straight through."""

    def __init__(self, console: bool) -> None:
        super().__init__()
        self.console = console
        self.records: list[logging.LogRecord] = []
        self.opened: list[logging.Handler] | None = None
        self.path: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.opened is None:
            self.records.append(record)
            if record.levelno >= logging.WARNING:
                self.open()
            return
        _deliver(record, self.opened)

    def open(self) -> list[logging.Handler]:
        """The file's handlers, opened once; the held records written into them in order."""
        self.acquire()  # a thread logging meanwhile waits, then writes after them
        try:
            if self.opened is None:
                self.opened, self.path = _file_handlers(self.console)
                for held in self.records:
                    _deliver(held, self.opened)
                self.records.clear()
            return self.opened
        finally:
            self.release()


def _deliver(record: logging.LogRecord, handlers: list[logging.Handler]) -> None:
    for handler in handlers:
        if record.levelno >= handler.level:
            handler.handle(record)


_exit_hook = False


def configure(level: int = logging.INFO, *, console: bool = False,
              rotate: bool = True) -> Path | None:
    """Install the rotating file handler (and optionally stderr). Returns the log path, or
    None when the log folder cannot be used: the program still runs (a command must work
    on a read-only profile), logging to stderr instead, and says so once.

    ``rotate=False`` (the window, until its first paint): the file's records are held in
    memory until :func:`start_rotation`; the path returned is where they will go."""
    global _exit_hook
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_keydesk", False):
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    if rotate:
        handlers, path = _file_handlers(console)
    else:
        handlers, path = [_Held(console)], None
        if not _exit_hook:  # held records reach the file whatever happens
            atexit.register(start_rotation)
            _exit_hook = True
        try:
            path = log_file()
        except Exception:
            path = None  # start_rotation says why, as configure does
    if console:
        handlers.append(_keydesk_handler(logging.StreamHandler()))
    for h in handlers:
        h._keydesk = True  # type: ignore[attr-defined]
        root.addHandler(h)
    return path


def start_rotation() -> Path | None:
    """Open the log file held back by ``configure(rotate=False)``, writing into it first,
    in order, what was logged meanwhile. Returns the log path (None when the folder cannot
    be used, or when nothing was held back)."""
    root = logging.getLogger()
    held = next((h for h in root.handlers if isinstance(h, _Held)), None)
    if held is None:
        return None
    opened = held.open()
    for h in opened:
        h._keydesk = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.removeHandler(held)
    return held.path


def _keydesk_handler(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    return handler


def _file_handlers(console: bool) -> tuple[list[logging.Handler], Path | None]:
    """The rotating log file; when its folder cannot be used, warnings on stderr instead
    (unless ``console`` puts everything there already)."""
    import logging.handlers  # with socket and pickle: after the window's first paint

    try:
        path = log_file()
        return [_keydesk_handler(logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"))], path
    except Exception as exc:
        import sys

        from app.inputs.messages import text

        reason = getattr(exc, "detail", "") or getattr(exc, "strerror", "") or str(exc)
        print(f"keydesk: {text('no_log_file', reason=reason)}", file=sys.stderr, flush=True)
        if console:
            return [], None
        warnings = _keydesk_handler(logging.StreamHandler())
        warnings.setLevel(logging.WARNING)
        warnings.setFormatter(_OneLine("keydesk: %(levelname)s %(message)s"))
        return [warnings], None
