"""Every vendor code → a friendly explanation and next steps, in en, pt-BR and zh-CN.

The data is ``resources/catalog/*.json`` (format: ``resources/catalog/SCHEMA.md``), loaded
and validated once, then served from memory::

    from app import catalog
    catalog.lookup("17")                     # every domain's entry 17
    catalog.lookup("5310", "cloud_api")
    catalog.search("cartão", lang="pt-BR")
    catalog.explain_error(KeyDeskError("cloud_api", "5310"), lang="zh-CN")

This package imports nothing of the rest of the app but ``app.i18n`` (and the error type).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from app.catalog.index import Catalog, fold
from app.catalog.labels import heading
from app.catalog.loader import load_directory
from app.catalog.model import DOMAINS, SEVERITIES, CatalogError, Entry, Text
from app.domain.errors import KeyDeskError
from app.i18n import LANGUAGES, resolve_language

__all__ = [
    "DOMAINS",
    "LANGUAGES",
    "SEVERITIES",
    "Catalog",
    "CatalogError",
    "Entry",
    "Text",
    "catalog_dir",
    "explain_error",
    "fold",
    "load_catalog",
    "lookup",
    "search",
]

log = logging.getLogger(__name__)

_lock = threading.Lock()
_cache: dict[Path, Catalog] = {}


def catalog_dir() -> Path:
    from app.paths import resources_dir

    return resources_dir() / "catalog"


def load_catalog(directory: Path | None = None, *, reload: bool = False) -> Catalog:
    """The catalog of ``directory`` (default: the shipped one), loaded once and cached.
    Raises :class:`CatalogError` naming the file and entry when the data is invalid."""
    path = (directory or catalog_dir()).resolve()
    with _lock:
        if reload or path not in _cache:
            _cache[path] = Catalog(load_directory(path))
        return _cache[path]


def lookup(code: str | int, domain: str | None = None) -> list[Entry]:
    """Every entry for ``code`` (only ``domain``'s when given). See :meth:`Catalog.lookup`."""
    return load_catalog().lookup(code, domain)


def search(text: str, lang: str | None = None, domain: str | None = None) -> list[Entry]:
    return load_catalog().search(text, lang, domain)


def explain_error(err: KeyDeskError, lang: str | None = None) -> dict[str, Any]:
    """What to tell the user about ``err``: title, explanation, action, technician_action,
    causes, severity, retryable, vendor_text, lang (plus domain, code, related).

    Never raises: an unknown code (or a broken catalog, which is logged) gives a generic
    "unknown code, contact support" explanation so an error report is never lost.
    """
    language = resolve_language(lang)
    entry = None
    try:
        entry = load_catalog().get(err.domain, err.code)
    except CatalogError:
        log.exception("the error catalog could not be loaded")
    if entry is None:
        info: dict[str, Any] = {
            "domain": err.domain,
            "code": err.code,
            "title": f"{heading(language, 'unknown')} {err.code}",
            "explanation": heading(language, "unknown_explanation").format(
                domain=err.domain, code=err.code
            ),
            "action": heading(language, "unknown_action"),
            "technician_action": None,
            "causes": [],
            "severity": "error",
            "retryable": bool(err.retryable),
            "vendor_text": None,
            "related": [],
            "lang": language,
            "known": False,
        }
        return info
    info = entry.to_dict(language)
    info.pop("seed_note", None)
    info.pop("vendor_symbol", None)
    # The raiser knows best whether this particular failure can be retried.
    if err.retryable is not None:
        info["retryable"] = err.retryable
    info["known"] = True
    return info
