"""Friendly texts for reader codes, from the error catalog (``app.catalog``).

Decoding never fails because of the catalog: an unknown code, or a catalog that cannot be
loaded (logged by the catalog), reads as the bare code number.
"""

from __future__ import annotations

import functools
import logging

from app.catalog import CatalogError, load_catalog

log = logging.getLogger(__name__)

METHOD = "open_door_method"
EVENT_ERROR = "reader_event_error"
REQUEST_ERROR = "reader_request_error"
EVENT_TYPE = "reader_event_type"


@functools.lru_cache(maxsize=1024)
def describe(domain: str, code: str | int, lang: str = "en") -> str | None:
    """The catalog's short title for ``code`` in ``domain``, or None when unknown."""
    try:
        entry = load_catalog().get(domain, code)
    except CatalogError:
        log.exception("the error catalog could not be loaded")
        return None
    return entry.text(lang).title if entry is not None else None


def text_or_code(domain: str, code: int | str | None) -> str | None:
    """The friendly text, else the code number as text (None for no code)."""
    if code is None:
        return None
    return describe(domain, code) or str(code)
