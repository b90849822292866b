"""What the site store writes, as functions of an open transaction (the writer's thread).

Events: one ``INSERT … SELECT FROM unnest(…)`` per batch, ``ON CONFLICT DO NOTHING``: an
access record another desk stored already (the same ``dedupe_key``) or an item this desk
sent before a crash cut it off (the same ``origin``) is skipped, and only the rows really
written come back. Writes of events take a transaction-level advisory lock, so ids commit
in order across desks and a desk that reads "every id after the last I saw" after a
``NOTIFY`` misses none.

Audit rows: the head is read, the row sealed and the head moved under another advisory
lock, in one transaction: desks append to one chain per site, never a fork.
"""

from __future__ import annotations

from typing import Any

from app.audit.chain import key_id
from app.store.audit import next_link
from app.store.postgres.connect import SiteKeyMismatch
from app.store.postgres.filters import searched_text
from app.store.postgres.schema import AUDIT_LOCK, CHANNEL, EVENTS_LOCK
from app.store.rows import Pending

_EVENT_COLUMNS = ('time, received, source, kind, code, severity, device, door, "user", '
                  "card, granted, dedupe_key, payload, raw, search, desk, origin")
_TYPES = ("bigint", "bigint", "text", "text", "text", "text", "text", "integer", "text",
          "text", "smallint", "text", "bytea", "bytea", "text", "text", "text")
_INSERT_EVENTS = (
    f"INSERT INTO events ({_EVENT_COLUMNS}) SELECT {', '.join(f'c{i}' for i in range(17))} "
    f"FROM unnest({', '.join(f'%s::{t}[]' for t in _TYPES)}) WITH ORDINALITY AS "
    f"u({', '.join(f'c{i}' for i in range(17))}, n) ORDER BY n "
    "ON CONFLICT DO NOTHING RETURNING id, origin")
AUDIT_COLUMNS = "id, at, who, role, what, target, room, result, detail, mac"


def clean(text: Any) -> Any:
    """Text PostgreSQL takes: no NUL, no lone surrogate (a hostile reader may send both)."""
    if type(text) is not str:
        return text
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def clean_values(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(clean(v) for v in values)


def insert_events(conn: Any, desk: str, items: list[tuple[str, Pending]]
                  ) -> dict[str, int]:
    """Write (origin, event) pairs; returns {origin: id} of those written (not skipped)."""
    if not items:
        return {}
    columns: list[list[Any]] = [[] for _ in range(17)]
    for origin, item in items:
        values = clean_values(item.values)
        row = (*values, item.payload, item.raw,
               searched_text(values, clean(item.name), clean(item.note)), desk, origin)
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (EVENTS_LOCK,))
    written = {str(origin): int(rid) for rid, origin in
               conn.execute(_INSERT_EVENTS, columns).fetchall()}
    if written:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, str(max(written.values()))))
    return written


def append_audit(conn: Any, key: bytes | None, desk: str, origin: str,
                 values: tuple[str, ...]) -> int:
    """Seal and append one audit row after the site's head; returns its id (the id it
    already has when this origin was appended before). A desk with another chain key
    than the site's (:class:`SiteKeyMismatch`) appends nothing: it keeps its rows."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
    known = conn.execute("SELECT id FROM audit WHERE origin = %s", (origin,)).fetchone()
    if known is not None:
        return int(known[0])
    site_key = conn.execute("SELECT value FROM audit_meta WHERE name = 'key_id'").fetchone()
    if site_key is not None and (key is None or site_key[0] != key_id(key)):
        mine = key_id(key) if key else "none"
        raise SiteKeyMismatch(f"the site's audit trail is sealed with key {site_key[0]}, "
                              f"this desk has {mine}: give it the site's key")
    last = conn.execute("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    head = conn.execute("SELECT id, mac FROM audit_head WHERE slot = 1").fetchone()
    row, mac, seal = next_link(key, last, head, tuple(clean(v) for v in values))
    conn.execute(f"INSERT INTO audit ({AUDIT_COLUMNS}, desk, origin) "
                 "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                 (*row.fields(), mac, desk, origin))
    conn.execute("INSERT INTO audit_head (slot, id, mac, seal) VALUES (1, %s, %s, %s) "
                 "ON CONFLICT (slot) DO UPDATE SET id = excluded.id, mac = excluded.mac, "
                 "seal = excluded.seal", (row.id, mac, seal))
    if key:
        conn.execute("INSERT INTO audit_meta (name, value) VALUES ('key_id', %s) "
                     "ON CONFLICT (name) DO NOTHING", (key_id(key),))
    return row.id
