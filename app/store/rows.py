"""Turning bus events into table rows and back, and filters into SQL.

Any ``DeviceEvent`` is stored generically, in three places that never repeat each other:

- ``events``, a narrow row of the columns the desk filters on (device, door, user, card,
  granted, time as UTC microseconds, …): scans and indexes stay small at a million rows;
- ``event_bodies``, the payload (JSON) and the raw text together, zlib-compressed (JSON
  of one shape compresses to well under half);
- ``events_fts``, an FTS5 index of the words a person searches for (reader, code, card,
  user, name, the explained texts).
"""

from __future__ import annotations

import json
import re
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.events import DeviceEvent
from app.domain.stored import ALARM_CODES, StoredEvent

COLUMNS = (
    "time, received, source, kind, code, severity, device, door, user, card, granted, "
    "dedupe_key"
)
SELECT = f"SELECT e.id, {', '.join('e.' + c.strip() for c in COLUMNS.split(','))}, b.body " \
    "FROM events e JOIN event_bodies b ON b.id = e.id"
SEARCHED = ("device", "code", "card", "user", "user_name", "code_text", "error_text",
            "method_text")
# Alarms, as a literal expression: the partial index events_alarm is used only when a
# query repeats it exactly.
ALARM_SQL = "(severity = 'alarm' OR code IN ({}))".format(
    ", ".join(f"'{c}'" for c in sorted(ALARM_CODES)))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WORD = re.compile(r"\w+")


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


def to_us(value: datetime | str | None) -> int | None:
    """UTC microseconds since 1970 (how ``events`` keeps times), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    delta = value - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_us(us: int) -> str:
    """:func:`iso_utc` text of a stored time."""
    seconds, micro = divmod(int(us), 1_000_000)
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=micro).isoformat(
        timespec="microseconds")


class Packer:
    """Compresses bodies with one long-lived raw-deflate stream, flushed in full after
    each body: every body decodes on its own (the full flush resets the history), and no
    body pays for setting up a compressor (most of zlib's cost at 1 KB). One thread."""

    def __init__(self) -> None:
        self._co = zlib.compressobj(1, zlib.DEFLATED, -15)

    def pack(self, payload: str, raw: str) -> bytes:
        data = f"{len(payload)}\n{payload}{raw}".encode("utf-8", "surrogatepass")
        return self._co.compress(data) + self._co.flush(zlib.Z_FULL_FLUSH)


def unpack_body(body: bytes) -> tuple[str, str]:
    """(payload JSON, raw text) of a stored body."""
    text = zlib.decompressobj(-15).decompress(body).decode("utf-8", "surrogatepass")
    size, _, rest = text.partition("\n")
    n = int(size)
    return rest[:n], rest[n:]


def search_text(payload: dict[str, Any], device: str, code: str) -> str:
    words = [device, code]
    words += [str(payload[k]) for k in SEARCHED[2:] if payload.get(k) not in (None, "")]
    return " ".join(words)


def fts_query(text: str) -> str | None:
    """An FTS5 query: every word of ``text`` as a prefix (``ana sil`` finds "Ana Silva"),
    or None when ``text`` holds no word at all."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


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

    values: tuple[Any, ...]  # the COLUMNS, times in microseconds
    dedupe_key: str | None
    payload: str  # JSON
    raw: str
    search: str
    decoded: dict[str, Any] | None = None  # the payload itself (no JSON round trip)


def to_pending(event: DeviceEvent) -> Pending:
    p = event.payload or {}
    received = to_us(event.time) or to_us(datetime.now(UTC))
    granted = p.get("granted")
    key = _text_or_none(p.get("dedupe_key"))
    device = _text_or_none(p.get("device")) or event.source
    values = (
        to_us(p.get("time")) or received,
        received,
        event.source,
        event.kind,
        event.code,
        event.severity,
        device,
        _int_or_none(p.get("door")),
        _text_or_none(p.get("user")),
        _text_or_none(p.get("card")),
        None if granted is None else int(bool(granted)),
        key,
    )
    payload = json.dumps(p, ensure_ascii=False, default=str)
    return Pending(values, key, payload, event.raw or "", search_text(p, device, event.code),
                   p)


def _stored(rid: int, values: tuple[Any, ...], payload: str, raw: str,
            decoded: Any = None) -> StoredEvent:
    (time, received, source, kind, code, severity, device, door, user, card, granted,
     key) = values
    if decoded is None:
        try:
            decoded = json.loads(payload) if payload else {}
        except ValueError:
            decoded = {"_undecodable_payload": payload}
    return StoredEvent(
        id=rid,
        time=from_us(time),
        received=from_us(received),
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


def pending_to_stored(rid: int, item: Pending) -> StoredEvent:
    """The row just written, without reading it back (nor decoding its JSON again)."""
    return _stored(rid, item.values, item.payload, item.raw, item.decoded)


def to_stored(row: sqlite3.Row | tuple[Any, ...]) -> StoredEvent:
    """A ``SELECT`` row (id, the COLUMNS, body) as a StoredEvent."""
    row = tuple(row)
    payload, raw = unpack_body(row[-1])
    return _stored(row[0], row[1:-1], payload, raw)


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
    """A ``WHERE`` clause on ``events`` (or "") and its parameters. ``until`` is exclusive.

    ``alarm=True``: severity "alarm" or one of :data:`ALARM_CODES` (``False``: neither).
    ``text``: every word, as a word prefix, among the searched words (``SEARCHED``),
    case- and accent-insensitive.
    """
    clauses: list[str] = []
    params: list[Any] = []
    values = {"device": device, "door": door, "user": user, "card": card, "kind": kind,
              "code": code, "severity": severity}
    ranged = since is not None or until is not None
    for name in _EQUALS:
        if values[name] is not None:
            # With a time range, the time index narrows far better than a reader's own
            # (an eighth of a million rows): "+" keeps SQLite from choosing the latter.
            column = f"+{name}" if ranged and name == "device" else name
            clauses.append(f"{column} = ?")
            params.append(values[name])
    if since is not None:
        clauses.append("time >= ?")
        params.append(to_us(since))
    if until is not None:
        clauses.append("time < ?")
        params.append(to_us(until))
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
        clauses.append(ALARM_SQL if alarm else f"NOT {ALARM_SQL}")
    if text:
        query = fts_query(text)
        if query is None:
            clauses.append("0")  # nothing searchable in it: nothing matches
        else:
            clauses.append("id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(query)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else "", params)
