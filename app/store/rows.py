"""Turning bus events into table rows and back, and filters into SQL.

Any ``DeviceEvent`` is stored generically, in places that never repeat each other:

- ``events``, a narrow row of the columns the desk filters on (device, door, user, card,
  granted, time as UTC microseconds, …, and the ids of its name and note terms): scans
  and indexes stay small at a million rows;
- ``event_bodies``, the payload (JSON) and the raw text, compressed in blocks of
  consecutive events (:mod:`app.store.bodies`);
- ``search_terms``, each searched value once (:mod:`app.store.search`).
"""

from __future__ import annotations

import functools
import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

import orjson

from app.domain.events import DeviceEvent
from app.domain.stored import ALARM_CODES, StoredEvent
from app.store import search

COLUMNS = (
    "time, received, source, kind, code, severity, device, door, user, card, granted, "
    "dedupe_key"
)
NARROW = f"e.id, {', '.join('e.' + c.strip() for c in COLUMNS.split(','))}"
# Alarms, as a literal expression: the partial index events_alarm is used only when a
# query repeats it exactly (schema step 6 wrote it; a change here needs a new step).
# Equalities, not ``code IN (…)``: SQLite builds a list's look-up table once per
# execution of a statement, and an insert runs once per row, so testing every new row
# against the index's condition cost more than the rest of its insert (~40,000 machine
# instructions per event, measured with callgrind).
ALARM_SQL = "(severity = 'alarm' OR {})".format(
    " OR ".join(f"code = '{c}'" for c in sorted(ALARM_CODES)))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_LAST_DAY = 2932896  # 9999-12-31 in days after 1970-01-01


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


@functools.lru_cache(maxsize=1024)
def _day_text(day: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=day)).isoformat()


def from_us(us: int) -> str:
    """:func:`iso_utc` text of a stored time (from a cached date: no datetime)."""
    seconds, micro = divmod(int(us), 1_000_000)
    day, second = divmod(seconds, 86400)
    if not 0 <= day < _LAST_DAY:  # before 1970 or past datetime's range: the slow path
        return (_EPOCH + timedelta(microseconds=int(us))).isoformat(timespec="microseconds")
    hour, second = divmod(second, 3600)
    minute, second = divmod(second, 60)
    return f"{_day_text(day)}T{hour:02d}:{minute:02d}:{second:02d}.{micro:06d}+00:00"


def dumps(payload: dict[str, Any]) -> bytes:
    """The payload as UTF-8 JSON. orjson nearly always; what it refuses (keys that are
    not text, integers past 64 bits) goes through the standard library."""
    try:
        return orjson.dumps(payload, default=str)
    except TypeError:
        return json.dumps(payload, ensure_ascii=False, default=str).encode(
            "utf-8", "surrogatepass")


_LONG_DIGITS = re.compile(rb"[0-9]{20}")  # more than 64 bits may be written there


def loads(data: bytes) -> Any:
    """The payload :func:`dumps` wrote. orjson reads an integer past 64 bits as a float
    (losing digits), so a body with such a run of digits goes through the standard
    library, which keeps it whole."""
    if _LONG_DIGITS.search(data) is None:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(data.decode("utf-8", "surrogatepass"))


_INT64 = range(-(2 ** 63), 2 ** 63)  # what an SQLite INTEGER holds


def _int_or_none(value: Any) -> int | None:
    """An int column's value; None for what is not one, or does not fit 64 bits (a
    hostile reader's door number must not cost the event: it stays in the payload)."""
    if isinstance(value, bool) or value is None:
        return None
    if type(value) is not int:
        try:
            value = int(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: inf
            return None
    return value if value in _INT64 else None


def _text_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return search.storable(value if type(value) is str else str(value))


class Pending(NamedTuple):
    """An event waiting for the writer, already turned into column values (a named tuple:
    made once per event on the producer's thread, where a frozen dataclass's
    ``__setattr__`` per field cost more than the rest of the conversion)."""

    values: tuple[Any, ...]  # the COLUMNS, times in microseconds
    dedupe_key: str | None
    payload: bytes  # JSON, UTF-8
    raw: bytes  # UTF-8 (surrogates kept)
    name: str | None  # the searched name term (search.name_of)
    note: str | None  # the searched note term (search.note_of)
    decoded: dict[str, Any] | None = None  # the payload itself (no JSON round trip)
    raw_text: str = ""


# ``Pending(…)`` runs the named tuple's own ``__new__``, a Python function: one frame
# more per event on the producer's thread than building the tuple directly.
_new_pending = tuple.__new__


def _us_of(value: Any) -> int | None:
    """:func:`to_us` with a fast path for the aware datetimes events carry."""
    if type(value) is datetime and value.tzinfo is not None:
        delta = value - _EPOCH
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return to_us(value)


def to_pending(event: DeviceEvent) -> Pending:
    """The event as the writer's row. Runs once per event on the producer's thread, which
    shares the GIL with the writer: every step is inlined for the common case (ASCII
    text, int door, a bool result) and falls back to the general helpers otherwise."""
    p = event.payload or {}
    get = p.get
    at = event.time
    if type(at) is datetime and at.tzinfo is not None:  # _us_of, inlined
        received = (at - _EPOCH) // _MICROSECOND or to_us(datetime.now(UTC))
    else:
        received = to_us(at) or to_us(datetime.now(UTC))
    granted = get("granted")
    key = get("dedupe_key")
    if not (type(key) is str and key.isascii()):
        key = _text_or_none(key)
    device = get("device")
    if not (type(device) is str and device and device.isascii()):
        device = _text_or_none(device) or event.source
    door = get("door")
    # _INT64's bounds, written out: half the time of ``door in _INT64`` on this hot path.
    if not (type(door) is int and -0x8000000000000000 <= door <= 0x7FFFFFFFFFFFFFFF):
        door = _int_or_none(door)
    user = get("user")
    if not (type(user) is str and user and user.isascii()):
        user = _text_or_none(user)
    card = get("card")
    if not (type(card) is str and card and card.isascii()):
        card = _text_or_none(card)
    source, kind, code, severity = event.source, event.kind, event.code, event.severity
    when = get("time")
    values = (
        (to_us(when) if type(when) is str else _us_of(when) if when is not None else None)
        or received,
        received,
        source if source.isascii() else search.storable(source),
        kind if kind.isascii() else search.storable(kind),
        code if code.isascii() else search.storable(code),
        severity if severity.isascii() else search.storable(severity),
        device,
        door,
        user,
        card,
        None if granted is None else (1 if granted else 0),
        key or None,
    )
    raw = event.raw or ""
    name = get("user_name")
    if not (type(name) is str and name):
        name = search.name_of(p)
    elif not name.isascii():
        name = search.storable(name)
    try:  # dumps, inlined for the usual payload
        body = orjson.dumps(p, default=str)
    except TypeError:
        body = dumps(p)
    return _new_pending(Pending, (values, key or None, body,
                                  raw.encode("utf-8", "surrogatepass"), name,
                                  search.note_of(p), p, raw))


def _stored(rid: int, values: tuple[Any, ...] | list[Any], decoded: Any,
            raw: str) -> StoredEvent:
    (time, received, source, kind, code, severity, device, door, user, card, granted,
     key) = values
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
    return _stored(rid, item.values, item.decoded if item.decoded is not None else {},
                   item.raw_text)


def decode_body(body: tuple[bytes, bytes] | None) -> tuple[Any, str]:
    """(payload dict, raw text) of a stored body; a body that does not decode is shown,
    never dropped."""
    if body is None:
        return {"_missing_body": True}, ""
    payload, raw = body
    try:
        decoded = loads(payload) if payload else {}
    except ValueError:
        decoded = {"_undecodable_payload": payload.decode("utf-8", "replace")}
    return decoded, raw.decode("utf-8", "surrogatepass")


def to_stored(row: tuple[Any, ...], body: tuple[bytes, bytes] | None) -> StoredEvent:
    """A narrow row (id, the COLUMNS) and its body as a StoredEvent."""
    decoded, raw = decode_body(body)
    return _stored(row[0], row[1:13], decoded, raw)


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
    ``text``: every word a substring of one of the searched fields (:mod:`search`), case
    and accents ignored; tested row by row here (``EventStore.query`` finds the rows
    through ``event_terms`` first).
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
        typed = search.words(text)
        if not typed:
            clauses.append("0")  # nothing searchable in it: nothing matches
        for word in typed:
            sql, p = search.word_clause(word, search.ALL_KINDS)
            clauses.append(sql)
            params += p
    return ((" WHERE " + " AND ".join(clauses)) if clauses else "", params)
