"""Read and validate ``resources/catalog/*.json`` (format: resources/catalog/SCHEMA.md).

Validation is hand-written rather than a JSON-Schema library: the rules that matter most
(three languages, causes for 5300-5316, related codes that exist, unique codes across the
files of one domain) are cross-field and cross-file, and every error must name the file
and the entry so whoever edits the data sees at once what to fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn, TypeGuard

from app.catalog.model import PLATFORMS, SEVERITIES, CatalogError, Entry, Text, current_platform
from app.i18n import LANGUAGES

TITLE_MAX = 60
DOMAIN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FILE_KEYS = {"domain", "source", "entries"}
ENTRY_KEYS = {
    "code", "vendor_text", "vendor_symbol", "aliases", "severity", "retryable",
    "related", "seed_note", "i18n",
}
TEXT_KEYS = {"title", "explanation", "action", "technician_action", "causes"}


def needs_causes(domain: str, code: str) -> bool:
    """Card read/issuance failures must list their likely causes (SCHEMA.md)."""
    card_domain = domain in ("cloud_api", "encoder")
    return card_domain and code.isdigit() and 5300 <= int(code) <= 5316


def _nonempty_str(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and value.strip() != ""


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(_nonempty_str(v) for v in value)


def _check_keys(raw: dict[str, Any], expected: set[str], fail, what: str) -> None:
    missing = sorted(expected - raw.keys())
    extra = sorted(raw.keys() - expected)
    if missing:
        fail(f"{what} is missing {', '.join(missing)}")
    if extra:
        fail(f"{what} has unknown key(s) {', '.join(extra)} (typo?)")


def _parse_text(raw: Any, lang: str, domain: str, code: str, fail) -> Text:
    if not isinstance(raw, dict):
        fail(f"i18n[{lang!r}] must be an object")
    _check_keys(raw, TEXT_KEYS, fail, f"i18n[{lang!r}]")
    for key in ("title", "explanation", "action"):
        if not _nonempty_str(raw[key]):
            fail(f"i18n[{lang!r}].{key} must be a non-empty string")
    if len(raw["title"]) > TITLE_MAX:
        fail(f"i18n[{lang!r}].title is longer than {TITLE_MAX} characters")
    tech = raw["technician_action"]
    by_platform: tuple[tuple[str, str], ...] = ()
    if isinstance(tech, dict):
        if set(tech) != set(PLATFORMS) or not all(_nonempty_str(v) for v in tech.values()):
            fail(f"i18n[{lang!r}].technician_action per platform must give a non-empty text "
                 f"for exactly {', '.join(PLATFORMS)}")
        by_platform = tuple((p, tech[p].strip()) for p in PLATFORMS)
        tech = tech[current_platform()]
    elif tech is not None and not _nonempty_str(tech):
        fail(f"i18n[{lang!r}].technician_action must be null, a non-empty string or one "
             "text per platform")
    if not _str_list(raw["causes"]):
        fail(f"i18n[{lang!r}].causes must be a list of non-empty strings")
    if needs_causes(domain, code) and not raw["causes"]:
        fail(f"i18n[{lang!r}].causes must not be empty for card failures 5300-5316")
    return Text(
        title=raw["title"].strip(),
        explanation=raw["explanation"].strip(),
        action=raw["action"].strip(),
        technician_action=tech.strip() if tech else None,
        causes=tuple(c.strip() for c in raw["causes"]),
        technician_by_platform=by_platform,
    )


def parse_entry(raw: Any, domain: str, file: str, index: int) -> Entry:
    code = raw.get("code") if isinstance(raw, dict) else None
    label = code if isinstance(code, str) else f"#{index}"

    def fail(message: str) -> NoReturn:
        raise CatalogError(file, message, label)

    if not isinstance(raw, dict):
        fail("an entry must be an object")
    _check_keys(raw, ENTRY_KEYS, fail, "entry")
    if not _nonempty_str(code) or code != code.strip():
        fail("code must be a non-empty string without surrounding spaces")
    if not _nonempty_str(raw["vendor_text"]):
        fail("vendor_text must be a non-empty string")
    symbol = raw["vendor_symbol"]
    if symbol is not None and not _nonempty_str(symbol):
        fail("vendor_symbol must be null or a non-empty string")
    for key in ("aliases", "related"):
        if not _str_list(raw[key]):
            fail(f"{key} must be a list of non-empty strings")
    if raw["severity"] not in SEVERITIES:
        fail(f"severity must be one of {', '.join(SEVERITIES)}, not {raw['severity']!r}")
    if not isinstance(raw["retryable"], bool):
        fail("retryable must be true or false")
    note = raw["seed_note"]
    if note is not None and not _nonempty_str(note):
        fail("seed_note must be null or a non-empty string")
    i18n = raw["i18n"]
    if not isinstance(i18n, dict) or set(i18n) != set(LANGUAGES):
        got = sorted(i18n) if isinstance(i18n, dict) else type(i18n).__name__
        fail(f"i18n must have exactly the languages {', '.join(LANGUAGES)} (got {got})")
    texts = {lang: _parse_text(i18n[lang], lang, domain, code, fail) for lang in LANGUAGES}
    return Entry(
        domain=domain,
        code=code,
        vendor_text=raw["vendor_text"],  # verbatim: never stripped or normalised
        severity=raw["severity"],
        retryable=raw["retryable"],
        i18n=texts,
        vendor_symbol=symbol,
        aliases=tuple(raw["aliases"]),
        related=tuple(raw["related"]),
        seed_note=note,
        file=file,
    )


def load_file(path: Path) -> tuple[str, list[Entry]]:
    """(domain, entries) of one catalog file; raises :class:`CatalogError`."""
    file = path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(file, f"cannot be read as UTF-8 JSON: {exc}") from exc
    if not isinstance(raw, dict):
        raise CatalogError(file, "the top level must be an object")
    _check_keys(raw, FILE_KEYS, lambda m: _raise(file, m), "the file")
    domain = raw["domain"]
    if not isinstance(domain, str) or not DOMAIN_NAME.match(domain):
        raise CatalogError(file, f"domain must be a lower_case name, not {domain!r}")
    if raw["source"] is not None and not isinstance(raw["source"], str):
        raise CatalogError(file, "source must be a string or null")
    if not isinstance(raw["entries"], list) or not raw["entries"]:
        raise CatalogError(file, "entries must be a non-empty list")
    entries = [parse_entry(e, domain, file, i) for i, e in enumerate(raw["entries"])]
    return domain, entries


def _raise(file: str, message: str):
    raise CatalogError(file, message)


def merge_domains(files: Iterable[tuple[str, list[Entry]]]) -> dict[str, dict[str, Entry]]:
    """Entries by domain and code, files of one domain merged; codes unique per domain,
    related codes must exist in the same domain."""
    by_domain: dict[str, dict[str, Entry]] = {}
    for domain, entries in files:
        table = by_domain.setdefault(domain, {})
        for entry in entries:
            other = table.get(entry.code)
            if other is not None:
                where = "again" if other.file == entry.file else f"also in {other.file}"
                raise CatalogError(entry.file, f"duplicate {domain} code ({where})", entry.code)
            table[entry.code] = entry
    for table in by_domain.values():
        for entry in table.values():
            for rel in entry.related:
                if rel not in table or rel == entry.code:
                    raise CatalogError(
                        entry.file, f"related code {rel!r} is not another {entry.domain} entry",
                        entry.code,
                    )
    return by_domain


def load_directory(directory: Path) -> dict[str, dict[str, Entry]]:
    """Every ``*.json`` of ``directory`` (sorted, so merging is deterministic)."""
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise CatalogError(str(directory), "no catalog files (*.json) found")
    return merge_domains(load_file(p) for p in paths)
