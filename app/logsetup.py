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

import json
import logging
import logging.handlers
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
