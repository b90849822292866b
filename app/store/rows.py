"""Turning bus events into table rows and back, and filters into SQL.

Any ``DeviceEvent`` is stored generically: the raw text and the payload as JSON always,
and the indexed columns (device, door, user, card, granted, time, dedupe key) filled
from the payload keys the reader contract names, where they exist.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.events import DeviceEvent
from app.domain.stored import ALARM_CODES, StoredEvent

COLUMNS = (
    "time, received, source, kind, code, severity, device, door, user, card, granted, "
    "dedupe_key, payload, raw"
)
SELECT = f"SELECT id, {COLUMNS} FROM events"


def iso_utc(value: datetime | str | None) -> str | None:
    """Fixed-width UTC ISO 8601 (microseconds, ``+00:00``): text order equals time order."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _text_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


@dataclass(frozen=True)
class Pending:
    """An event waiting for the writer, already turned into column values."""

    values: tuple[Any, ...]
    dedupe_key: str | None


def to_pending(event: DeviceEvent) -> Pending:
    p = event.payload or {}
    received = iso_utc(event.time) or iso_utc(datetime.now(UTC))
    granted = p.get("granted")
    key = _text_or_none(p.get("dedupe_key"))
    values = (
        iso_utc(p.get("time")) or received,
        received,
        event.source,
        event.kind,
        event.code,
        event.severity,
        _text_or_none(p.get("device")) or event.source,
        _int_or_none(p.get("door")),
        _text_or_none(p.get("user")),
        _text_or_none(p.get("card")),
        None if granted is None else int(bool(granted)),
        key,
        json.dumps(p, ensure_ascii=False, default=str),
        event.raw or "",
    )
    return Pending(values, key)


def to_stored(row: sqlite3.Row | tuple[Any, ...]) -> StoredEvent:
    (rid, time, received, source, kind, code, severity, device, door, user, card, granted,
     key, payload, raw) = tuple(row)
    try:
        decoded = json.loads(payload) if payload else {}
    except ValueError:
        decoded = {"_undecodable_payload": payload}
    return StoredEvent(
        id=rid,
        time=time,
        received=received,
        source=source,
        kind=kind,
        code=code,
        severity=severity,
        device=device,
        door=door,
        user=user,
        card=card,
        granted=None if granted is None else bool(granted),
        dedupe_key=key,
        payload=decoded if isinstance(decoded, dict) else {"value": decoded},
        raw=raw,
    )


_EQUALS = ("device", "door", "user", "card", "kind", "code", "severity")


def where(
    since: datetime | str | None = None,
    until: datetime | str | None = None,
    device: str | None = None,
    door: int | None = None,
    user: str | None = None,
    card: str | None = None,
    kind: str | None = None,
    code: str | None = None,
    severity: str | None = None,
    text: str | None = None,
    before_id: int | None = None,
    after_id: int | None = None,
    granted: bool | None = None,
    alarm: bool | None = None,
) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause (or "") and its parameters. ``until`` is exclusive.

    ``alarm=True``: severity "alarm" or one of :data:`ALARM_CODES` (``False``: neither).
    """
    clauses: list[str] = []
    params: list[Any] = []
    values = {"device": device, "door": door, "user": user, "card": card, "kind": kind,
              "code": code, "severity": severity}
    for name in _EQUALS:
        if values[name] is not None:
            clauses.append(f"{name} = ?")
            params.append(values[name])
    if since is not None:
        clauses.append("time >= ?")
        params.append(iso_utc(since))
    if until is not None:
        clauses.append("time < ?")
        params.append(iso_utc(until))
    if before_id is not None:
        clauses.append("id < ?")
        params.append(int(before_id))
    if after_id is not None:
        clauses.append("id > ?")
        params.append(int(after_id))
    if granted is not None:
        clauses.append("granted = ?")
        params.append(int(bool(granted)))
    if alarm is not None:
        marks = ", ".join("?" * len(ALARM_CODES))
        test = f"(severity = 'alarm' OR code IN ({marks}))"
        clauses.append(test if alarm else f"NOT {test}")
        params.extend(sorted(ALARM_CODES))
    if text:
        # A plain substring search over what the desk can read; LIKE needs its own escape.
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(device LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR "
            "payload LIKE ? ESCAPE '\\' OR raw LIKE ? ESCAPE '\\')"
        )
        params.extend([pattern] * 4)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else "", params)
