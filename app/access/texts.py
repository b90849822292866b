"""Friendly texts for reader codes, taken from the error catalog (``app.catalog``).

The catalog is a colleague's module; this adapter only *reads* it and falls back to the
bare code number when it is missing or has no entry, so decoding never depends on it.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)

METHOD = "open_door_method"
EVENT_ERROR = "reader_event_error"
REQUEST_ERROR = "reader_request_error"
EVENT_TYPE = "reader_event_type"


@functools.cache
def _lookup_function() -> Any:
    try:
        import app.catalog as catalog
    except Exception:  # not written yet, or broken: texts fall back to numbers
        return None
    for name in ("lookup", "get_entry", "entry"):
        fn = getattr(catalog, name, None)
        if callable(fn):
            return fn
    return None


def _title(entry: Any, lang: str) -> str | None:
    if isinstance(entry, list | tuple):  # app.catalog.lookup gives every matching entry
        entry = entry[0] if entry else None
    if entry is None:
        return None
    if isinstance(entry, dict):
        return entry.get("title") or entry.get("vendor_text")
    text = getattr(entry, "text", None)
    if callable(text):
        try:
            return text(lang).title
        except Exception:
            pass
    return getattr(entry, "title", None) or getattr(entry, "vendor_text", None)


@functools.lru_cache(maxsize=1024)
def describe(domain: str, code: str | int, lang: str = "en") -> str | None:
    """The catalog's short title for ``code`` in ``domain``, or None when unknown."""
    fn = _lookup_function()
    if fn is None:
        return None
    entry = None
    for args in ((str(code), domain), (domain, str(code))):
        try:
            entry = fn(*args)
        except (KeyError, LookupError, ValueError, TypeError):
            entry = None
        except Exception:
            log.debug("catalog lookup %s/%s failed", domain, code, exc_info=True)
            entry = None
        if entry:
            break
    return _title(entry, lang)


def text_or_code(domain: str, code: int | str | None) -> str | None:
    """The friendly text, else the code number as text (None for no code)."""
    if code is None:
        return None
    return describe(domain, code) or str(code)
