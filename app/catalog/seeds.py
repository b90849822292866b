"""Read the two vendor seed documents into (domain, code, vendor text) rows, and check the
catalog against them (used by the tests and by ``keydesk self-test``).

The documents are plain text copied from vendor pages, so the parsers follow their actual
shape: the cloud table is "CODE rest-of-line"; the reader page glues code and description
together ("17Card lost or cancelled") under a heading per table.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.catalog.index import Catalog
from app.paths import resources_dir


@dataclass(frozen=True)
class SeedCode:
    domain: str
    code: str
    vendor_text: str
    vendor_symbol: str | None
    line: int  # 1-based, in its file
    file: str


_CLOUD_LINE = re.compile(r"^(\d{3,4})\*? (.+)$")  # "500* Server error." is HTTP 500
_NUMBERED = re.compile(r"^(\d+)(\D.*)$")
_REQUEST = re.compile(r"^([A-Za-z_]+)(\d+)\s*//+<?\s*(.*?)\s*$")
_EVENT = re.compile(r"^(.+?)(Evento\b.*)$")

_READER_SECTIONS = {
    "CodeAuthentication Method": "open_door_method",
    "CódigoDescrição do erro": "reader_event_error",
    "Códigos de Erro Requests": "reader_request_error",
    "CodeDescrição do evento": "reader_event_type",
}


def parse_cloud_seed(text: str, file: str = "") -> list[SeedCode]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _CLOUD_LINE.match(line)
        if m:
            code, rest = m.groups()
            domain = "cloud_http" if len(code) == 3 else "cloud_api"
            rows.append(SeedCode(domain, code, rest, None, n, file))
    return rows


def parse_reader_seed(text: str, file: str = "") -> list[SeedCode]:
    rows: list[SeedCode] = []
    section = None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() in _READER_SECTIONS:
            section = _READER_SECTIONS[line.strip()]
            continue
        if section in ("open_door_method", "reader_event_error"):
            m = _NUMBERED.match(line)
            if m:
                rows.append(SeedCode(section, m[1], m[2], None, n, file))
        elif section == "reader_request_error":
            m = _REQUEST.match(line)
            if m:
                rows.append(SeedCode(section, m[2], m[3], m[1], n, file))
        elif section == "reader_event_type":
            m = _EVENT.match(line)
            if m:
                # "KeepLightOn / KeepLightOff" names two event codes with one description.
                for code in m[1].split("/"):
                    rows.append(SeedCode(section, code.strip(), m[2], None, n, file))
    return rows


def parse_seed_file(path: Path) -> list[SeedCode]:
    """Rows of one seed document, recognised by its content (not by its file name)."""
    text = path.read_text(encoding="utf-8")
    if "Open Door Method" in text:
        return parse_reader_seed(text, path.name)
    if "Status code" in text:
        return parse_cloud_seed(text, path.name)
    return []


def default_seed_dir() -> Path | None:
    """``$KEYDESK_SEEDS``, ``shared/seeds`` beside the repository (the layout CI uses), or
    the verbatim copies shipped in ``resources/catalog/seeds`` (a fresh clone, a frozen build).
    """
    env = os.environ.get("KEYDESK_SEEDS")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[3] / "shared" / "seeds")
    candidates.append(resources_dir() / "catalog" / "seeds")
    return next((p for p in candidates if p.is_dir()), None)


def parse_seed_dir(directory: Path) -> list[SeedCode]:
    rows = []
    for path in sorted(directory.glob("*.txt")):
        rows.extend(parse_seed_file(path))
    return rows


def missing_from_catalog(catalog: Catalog, rows: list[SeedCode]) -> list[str]:
    """Seed rows the catalog does not account for, as readable problems (empty = complete).

    A row is accounted for when its code has an entry with the same vendor text, verbatim.
    A row the seed got wrong (see ``seed_note``) is accounted for when an entry of its domain
    that carries a seed_note lists the row's symbol or text as its symbol or an alias:
    e.g. the seed's ``accessControlErrorDuplicateRecord 286064918`` lives at 286064919.
    """
    problems = []
    for row in rows:
        entry = catalog.get(row.domain, row.code)
        if entry is not None and entry.vendor_text == row.vendor_text:
            continue
        names = {n for n in (row.vendor_symbol, row.vendor_text) if n}
        moved = [
            e
            for e in catalog.in_domain(row.domain)
            if e.seed_note and names & {e.vendor_symbol, *e.aliases}
        ]
        if moved:
            continue
        if entry is None:
            problems.append(f"{row.file}:{row.line}: {row.domain} {row.code} is not in the catalog")
        else:
            problems.append(
                f"{row.file}:{row.line}: {row.domain} {row.code} vendor text differs: "
                f"seed {row.vendor_text!r}, catalog {entry.vendor_text!r}"
            )
    return problems
