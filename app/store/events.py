"""The event store: every event from every source, in SQLite, losing nothing.

Usage (the Monitor page and ``keydesk`` commands do exactly this)::

    store = EventStore()            # data_dir()/events.sqlite3
    store.start()
    runtime.add_cleanup(store.close)
    store.attach(runtime.bus)       # DeviceEvent in -> row on disk -> StoredEvents out

Durability: the file is in WAL mode with ``synchronous=NORMAL``. In WAL mode a commit
is written to the WAL file (in the OS's hands) before ``COMMIT`` returns; NORMAL only
skips the fsync, so a crash or kill of the *application* never loses a committed
event — only a power cut or OS crash can drop the last few transactions. Rows are
announced (``StoredEvents``) strictly after their commit.
"""

from __future__ import annotations

import concurrent.futures
import csv
import functools
import json
import logging
import operator
import os
import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import Any

import orjson

from app import paths
from app.domain.events import DeviceEvent, DeviceIdentified
from app.domain.stored import (
    AlarmAcknowledged,
    KeptEvent,
    StoredEvent,
    StoredEvents,
    StoreHealth,
)
from app.runtime.bus import EventBus, Subscription
from app.store import bodies, integrity, schema, search, terms
from app.store.rows import (
    ALARM_SQL,
    COLUMNS,
    NARROW,
    Pending,
    decode_body,
    from_us,
    iso_utc,
    pending_to_stored,
    to_pending,
    to_stored,
    to_us,
    where,
)
from app.store.writer import BatchWriter, WriterHealth

log = logging.getLogger(__name__)

_INSERT = (f"INSERT INTO events (id, {COLUMNS}, name_id, note_id) "
           f"VALUES ({', '.join('?' * 15)})")
# What the writer binds for None: a float NaN, which SQLite stores as NULL (binding a
# NaN double makes the value NULL). Python's sqlite3 binds None (and bytes) only after a
# look-up for an adapter, ~4,000 machine instructions a value (callgrind), where an
# int, a float or a text costs some 500: a door event paid more for its Nones than for
# the rest of its row. Tried first and left: statements with NULL written in those
# places, grouped by where the Nones were (rows out of id order: splitting the table's
# last page in the middle cost 11 bytes an event), and NULLIF(?, stand-in) on every
# nullable value (SQLite calls it as a function: 6,000 instructions an event more).
_NULL = float("nan")
_BLOCK = (f"INSERT INTO event_bodies (id, first, sizes, body, zdict) "
          f"VALUES (?, ?, ?, ?, {bodies.DICT})")
_TERMS = "INSERT INTO event_terms (rowid, t) VALUES (?, ?)"
# Rows per INSERT statement of a batch. ``executemany`` runs its statement once per row,
# and every run costs the same again: the step and reset, the GIL let go and taken back,
# the AUTOINCREMENT counter read and written. One statement of 64 rows pays them once:
# 2.4% fewer machine instructions per event (callgrind, 20,000 events into a store that
# already held 20,000). 64 x 15 values stays under 999, the variable limit of SQLite
# builds before 3.32.
_ROWS_PER_STATEMENT = 64
_KEYS_PER_QUERY = 500  # dedupe keys looked up per statement (SQLite's variable limit)
# C-level getters for the batch loops of _write_batch (Pending is a named tuple).
_KEY = operator.attrgetter("dedupe_key")
_VALUES = operator.attrgetter("values")
_NAME = operator.attrgetter("name")
_NOTE = operator.attrgetter("note")
_BODY = operator.attrgetter("payload", "raw")
_CODE, _DEVICE, _USER, _CARD = (operator.itemgetter(i) for i in (4, 6, 8, 9))
# Old keys -> the device's own (see app.access.decode.dedupe_key for the new form):
# ``<name>:rec:<n>`` -> ``<id>#rec:<n>@<CreateTime>``, ``<name>:<rest>`` -> ``<id>#<rest>``.
# ``[name + ":", name + ";")`` is every key starting with "name:" (";" follows ":"), so
# the unique dedupe index finds them; new keys always hold "#", old ones never did.
_LEGACY = ("SELECT id, dedupe_key FROM events WHERE dedupe_key >= ? AND dedupe_key < ? "
           "AND instr(dedupe_key, '#') = 0 AND device = ?")


@functools.lru_cache(maxsize=8)
def _wide(sql: str) -> tuple[str, int]:
    """``sql`` (``INSERT … VALUES (…)``) for :data:`_ROWS_PER_STATEMENT` rows, and its
    number of parameters."""
    head, _, row = sql.partition(" VALUES ")
    return (f"{head} VALUES {', '.join([row] * _ROWS_PER_STATEMENT)}",
            row.count("?") * _ROWS_PER_STATEMENT)


def _insert_rows(conn: sqlite3.Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """``conn.executemany(sql, rows)``, :data:`_ROWS_PER_STATEMENT` rows per statement
    (the rest one by one); the flattening is a C loop."""
    whole = len(rows) - len(rows) % _ROWS_PER_STATEMENT
    if whole:
        wide, step = _wide(sql)
        flat = list(chain.from_iterable(rows[:whole]))
        conn.executemany(wide, [flat[at:at + step] for at in range(0, len(flat), step)])
    if whole < len(rows):
        conn.executemany(sql, rows[whole:])


def _legacy_to_new(name: str, key: str, payload: str, device_id: str) -> str | None:
    """The device's key for an old key (the formula of app.access.decode.dedupe_key)."""
    rest = key[len(name) + 1:]
    if not rest.startswith("rec:"):
        return f"{device_id}#{rest}"
    try:
        data = json.loads(payload).get("data") or {}
    except (ValueError, AttributeError):
        return None

    def _int(value: Any) -> int | None:
        try:
            return int(float(value))
        except (TypeError, ValueError):
            return None
    rec = _int(data.get("RecNo"))
    if rec is None:
        return None
    created = _int(data.get("CreateTime") or data.get("UTC") or data.get("RealUTC"))
    return f"{device_id}#rec:{rec}@{created}"


WRITER_CACHE_KIB = 64 * 1024
PAGE_SIZE = 8192
CSV_COLUMNS = ["id", *(c.strip() for c in COLUMNS.split(",")), "payload", "raw"]


def default_path() -> Path:
    return paths.data_dir() / "events.sqlite3"


def connect(path: Path, *, migrate: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    # A new file only (an existing one keeps its own): a body block of 16 events is some
    # 2.3 KB, so a 4 KB page held one and left 40% of it empty; 8 KB pages hold three.
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    conn.execute("PRAGMA journal_mode=WAL")
    # Durable against application crashes in WAL mode (see the module docstring).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    if migrate:
        schema.migrate(conn)
        # The writer's: the indexes' hot pages stay in memory across batches.
        conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    return conn


class EventStore:
    def __init__(self, path: Path | None = None, *, source: str = "store") -> None:
        self.path = Path(path) if path is not None else default_path()
        self.source = source
        self._bus: EventBus | None = None
        self._sub: Subscription | None = None
        self._read: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        self._pending_lock = threading.Lock()
        self._pending_keys: dict[str, int] = {}
        self._terms = terms.Terms()  # the writer thread's
        self._packer = bodies.Packer()  # the writer thread's
        self._writer = BatchWriter(
            lambda: connect(self.path, migrate=True), self._write_batch, self._committed,
            on_health=self._writer_health, on_lost=self._forget_keys,
            on_refused=self._keep_refused,
            on_end=lambda ok: self._terms.committed() if ok else self._terms.rolled_back(),
        )
        self._closed = False
        self._optimistic = True  # the writer thread's: see _write_batch
        self.damaged_file: Path | None = None  # a damaged database set aside at start
        self._health = StoreHealth(source, path=str(self.path))

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> EventStore:
        """Open (creating or migrating) the file and start the writer thread.

        A damaged file (``PRAGMA quick_check``, or marked by a full check) is set aside
        untouched and a fresh one is started in its place; :meth:`health` says so.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        damaged = integrity.needs_setting_aside(self.path)
        if damaged is not None:
            log.error("event store %s is damaged: %s", self.path, "; ".join(damaged.problems))
            self.damaged_file = integrity.set_aside(self.path)
            self._health = replace(self._health, damaged_file=str(self.damaged_file))
        self._writer.start()  # migrates on the writer's own connection; raises on failure
        self._read = connect(self.path)
        return self

    def attach(self, bus: EventBus) -> None:
        """Persist every ``DeviceEvent`` on ``bus``; announce stored rows on it (and
        :class:`StoreHealth` now and whenever it changes)."""
        self._bus = bus
        self._sub = bus.subscribe(self._on_event, DeviceEvent, DeviceIdentified)
        bus.publish(self._health)

    def health(self) -> StoreHealth:
        """Whether events are being kept (see :class:`app.domain.stored.StoreHealth`)."""
        return self._health

    def check(self) -> integrity.CheckResult:
        """The full ``integrity_check`` (slow on a big file: run it off the UI thread).
        Damage found is remembered, so the next start sets the file aside."""
        result = integrity.check(self.path, full=True)
        if result.problems:
            integrity.mark_damaged(result)
        return result

    def _writer_health(self, state: WriterHealth) -> None:
        self._health = replace(self._health, writing=state.writing, pending=state.pending,
                               lost=state.lost, error=state.error, since=state.since,
                               refused=state.refused,
                               refused_in=str(self.refused_path) if state.refused else "",
                               time=datetime.now(UTC))
        if self._bus is not None:
            self._bus.publish(self._health)

    @property
    def refused_path(self) -> Path:
        """Where an event the file would not take alone is kept (JSON lines)."""
        return self.path.with_name(self.path.stem + ".refused.jsonl")

    def _keep_refused(self, item: Pending, exc: BaseException) -> None:
        """On the writer thread: one line of JSON for the refused event (its columns,
        payload, raw text and why), appended and synced, for support to put back."""
        line = orjson.dumps({
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "error": f"{type(exc).__name__}: {exc}", "values": list(item.values),
            "payload": item.payload.decode("utf-8", "replace"), "raw": item.raw_text,
        }, default=repr) + b"\n"
        with open(self.refused_path, "ab") as out:
            out.write(line)
            out.flush()
            os.fsync(out.fileno())
        self._forget_keys([item])

    def _forget_keys(self, items: list[Pending]) -> None:
        """Lost rows are no longer "queued to be stored" (:meth:`has_key`)."""
        self._release_keys([i.dedupe_key for i in items if i.dedupe_key is not None])

    def close(self, timeout: float = 2.0) -> bool:
        """Write everything queued, stop and join the writer. True when it ended in time."""
        if self._closed:
            return True
        self._closed = True
        if self._bus is not None and self._sub is not None:
            self._bus.unsubscribe(self._sub)
        ok = self._writer.stop(timeout)
        with self._read_lock:
            if self._read is not None:
                self._read.close()
                self._read = None
        return ok

    # -- writing -------------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        if isinstance(event, DeviceEvent):
            self.add(event)
        elif isinstance(event, DeviceIdentified) and not self._closed:
            # Queued like an event: it runs before the events the device sends next.
            self.identified(event.source, event.device_id)

    def identified(self, name: str, device_id: str) -> concurrent.futures.Future[int]:
        """Record that reader ``name`` is device ``device_id``. The first time a name is
        identified, its keys from before device identities existed become this device's
        (so a back-fill after the upgrade stores nothing twice). Future: keys rewritten."""
        now = iso_utc(datetime.now(UTC))

        def note(conn: sqlite3.Connection) -> int:
            known = conn.execute("SELECT 1 FROM device_ids WHERE name = ? LIMIT 1",
                                 (name,)).fetchone()
            conn.execute(
                "INSERT INTO device_ids (name, device_id, first_seen, last_seen) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (name, device_id) "
                "DO UPDATE SET last_seen = excluded.last_seen", (name, device_id, now, now))
            if known is not None:
                return 0  # a later device under this name: old keys are not its own
            return self.adopt_legacy_keys(conn, name, device_id)

        return self._writer.call(note)

    @staticmethod
    def adopt_legacy_keys(conn: sqlite3.Connection, name: str, device_id: str) -> int:
        """Rewrite ``name``'s old-form dedupe keys as ``device_id``'s; returns how many."""
        changed = 0
        reader = bodies.BlockReader(conn)
        for rid, key in conn.execute(_LEGACY, (name + ":", name + ";", name)).fetchall():
            body = reader.body(rid)
            payload = body[0].decode("utf-8", "surrogatepass") if body else "{}"
            new = _legacy_to_new(name, key, payload, device_id)
            if new is not None:
                changed += conn.execute("UPDATE OR IGNORE events SET dedupe_key = ? "
                                        "WHERE id = ?", (new, rid)).rowcount
        if changed:
            log.info("event store: %d old dedupe keys of %s now name device %s",
                     changed, name, device_id)
        return changed

    def device_ids(self, name: str) -> list[str]:
        """Every device reader ``name`` has been, first seen first."""
        rows = self._fetch("SELECT device_id FROM device_ids WHERE name = ? "
                           "ORDER BY first_seen, device_id", [name])
        return [r[0] for r in rows]

    def add(self, event: DeviceEvent) -> None:
        """Queue ``event`` for the writer (any thread; never blocks on the disk)."""
        if self._closed:
            log.warning("event store closed; %s %s not stored", event.source, event.code)
            return
        pending = to_pending(event)
        if pending.dedupe_key is not None:
            with self._pending_lock:
                key = pending.dedupe_key
                self._pending_keys[key] = self._pending_keys.get(key, 0) + 1
        self._writer.put(pending)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything added so far is committed (and announced). False when
        it is not: the time ran out, or the file refuses writes (rows held in memory)."""
        try:
            return bool(self._writer.call(lambda _conn: self._writer.holding == 0)
                        .result(timeout))
        except Exception:
            return False

    def _write_batch(self, conn: sqlite3.Connection, batch: list[Pending]) -> Any:
        """One ``executemany`` per table: ids are given here (the next after the largest
        ever given). Every step over the batch that can be is a C loop (``map``, set
        algebra): this thread shares the GIL with the producers, so its Python per event
        counts twice.

        Duplicates: nearly every batch holds none, so it is first written as it is and
        the unique dedupe index refuses a key already stored (IntegrityError); then the
        transaction is rolled back and begun again, and the batch's keys are looked up,
        500 to a query. After a batch with duplicates (a back-fill overlapping what came
        live) the next ones are looked up first, until one has none."""
        keys = [key for key in map(_KEY, batch) if key is not None]
        top = conn.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
            " COALESCE((SELECT MAX(id) FROM events), 0))").fetchone()[0]
        items = batch
        unique = set(keys)
        if self._optimistic and len(unique) == len(keys):
            try:
                self._insert(conn, top + 1, batch)
            except sqlite3.IntegrityError:
                # Inside the writer's transaction: undo this attempt and keep one open.
                conn.execute("ROLLBACK")
                self._terms.rolled_back()
                conn.execute("BEGIN IMMEDIATE")
                self._optimistic = False
            else:
                return self._written(top + 1, batch, keys)
        if keys:
            items = self._unseen(conn, batch, keys, list(unique))
            self._optimistic = len(items) == len(batch)
        if items:
            self._insert(conn, top + 1, items)
        return self._written(top + 1, items, keys)

    @staticmethod
    def _unseen(conn: sqlite3.Connection, batch: list[Pending], keys: list[str],
                unique: list[str]) -> list[Pending]:
        """``batch`` without the events whose key is stored or comes earlier in it."""
        known: set[str] = set()
        for at in range(0, len(unique), _KEYS_PER_QUERY):
            part = unique[at:at + _KEYS_PER_QUERY]
            known.update(r[0] for r in conn.execute(
                f"SELECT dedupe_key FROM events WHERE dedupe_key IN "
                f"({', '.join('?' * len(part))})", part))
        if not known and len(unique) == len(keys):
            return batch
        items = []
        for item in batch:
            key = item.dedupe_key
            if key is not None:
                if key in known:
                    continue  # the same record again (live and back-filled): once
                known.add(key)
            items.append(item)
        return items

    def _written(self, first: int, items: list[Pending], keys: list[str]) -> Any:
        # Built only for someone to announce them to (a store without a bus has nobody).
        rows = ([pending_to_stored(rid, item) for rid, item in enumerate(items, first)]
                if self._bus else [])
        return rows, keys

    def _insert(self, conn: sqlite3.Connection, first: int, items: list[Pending]) -> None:
        """Write ``items`` as the events ``first``, ``first + 1`` …: their rows, their
        terms' tokens and their bodies' blocks."""
        values = list(map(_VALUES, items))
        tok, ids_of = self._terms.tokens_of, self._terms.ids_of
        devices = tok(conn, search.DEVICE, set(map(_DEVICE, values)))
        codes = tok(conn, search.CODE, set(map(_CODE, values)))
        cards = tok(conn, search.CARD, set(map(_CARD, values)))
        users = tok(conn, search.USER, set(map(_USER, values)))
        names = tok(conn, search.NAME, set(map(_NAME, items)))
        notes = tok(conn, search.NOTE, set(map(_NOTE, items)))
        name_ids, note_ids = ids_of(conn, search.NAME, ()), ids_of(conn, search.NOTE, ())
        events: list[tuple[Any, ...]] = []
        words: list[tuple[int, str]] = []
        add_event, add_words = events.append, words.append
        null = _NULL
        for rid, item in enumerate(items, first):  # the one Python loop over the events
            v, name, note = item.values, item.name, item.note
            device, code, user, card = v[6], v[4], v[8], v[9]
            if (device and code and card and user and name and note  # an access
                    and v[7] is not None and v[10] is not None and v[11] is not None):
                add_event((rid, *v, name_ids[name], note_ids[note]))
                add_words((rid, f"{devices[device]} {codes[code]} {cards[card]} "
                                f"{users[user]} {names[name]} {notes[note]}"))
                continue
            add_event((rid, *[null if value is None else value for value in v],
                       name_ids[name] if name else null, note_ids[note] if note else null))
            text = devices[device] if device else ""
            if code:
                text += " " + codes[code]
            if card:
                text += " " + cards[card]
            if user:
                text += " " + users[user]
            if name:
                text += " " + names[name]
            if note:
                text += " " + notes[note]
            add_words((rid, text))
        _insert_rows(conn, _INSERT, events)
        _insert_rows(conn, _TERMS, words)
        # bytearray: bound as a blob without the adapter look-up bytes pay (_INSERT).
        _insert_rows(conn, _BLOCK, [
            (last, at, bytearray(sizes), bytearray(data))
            for last, at, sizes, data in self._packer.blocks(first, list(map(_BODY, items)))])

    def _release_keys(self, keys: list[str]) -> None:
        if keys:
            with self._pending_lock:
                for key in keys:
                    left = self._pending_keys.get(key, 0) - 1
                    if left > 0:
                        self._pending_keys[key] = left
                    else:
                        self._pending_keys.pop(key, None)

    def _committed(self, result: Any) -> None:
        rows, keys = result
        self._release_keys(keys)
        if rows and self._bus is not None:
            self._bus.publish(StoredEvents(self.source, events=tuple(rows)))

    def acknowledge(self, event_ids: list[int], by: str = "desk", note: str = "") -> int:
        """Record that the desk acknowledged these alarms; returns how many were new."""
        return int(self.acknowledge_later(event_ids, by, note).result(10))

    def acknowledge_later(self, event_ids: list[int], by: str = "desk",
                          note: str = "") -> concurrent.futures.Future[int]:
        """:meth:`acknowledge` without waiting (for the UI thread): a future of the count.

        ``AlarmAcknowledged`` is published once the acknowledgement is committed.
        """
        now = iso_utc(datetime.now(UTC))

        def write(conn: sqlite3.Connection) -> int:
            cur = conn.executemany(
                "INSERT OR IGNORE INTO alarm_acks (event_id, acked_at, acked_by, note) "
                "SELECT id, ?, ?, ? FROM events WHERE id = ?",
                [(now, by, note, int(i)) for i in event_ids],
            )
            return cur.rowcount

        done: concurrent.futures.Future[int] = concurrent.futures.Future()

        def announce(future: concurrent.futures.Future[int]) -> None:
            # Runs on the writer after the commit; ``done`` resolves only after the publish.
            exc = future.exception()
            if exc is not None:
                done.set_exception(exc)
                return
            if self._bus is not None:
                self._bus.publish(
                    AlarmAcknowledged(self.source, event_ids=tuple(event_ids), by=by, note=note)
                )
            done.set_result(future.result())

        self._writer.call(write).add_done_callback(announce)
        return done

    def apply_retention(self, days: int) -> int:
        """Delete events older than ``days`` (0 or less keeps everything); returns count."""
        return int(self.apply_retention_later(days).result(60))

    def apply_retention_later(self, days: int) -> concurrent.futures.Future[int]:
        """:meth:`apply_retention` on the writer without waiting (for the UI thread)."""
        if days <= 0:
            done: concurrent.futures.Future[int] = concurrent.futures.Future()
            done.set_result(0)
            return done
        cutoff = to_us(datetime.now(UTC) - timedelta(days=days))

        def delete(conn: sqlite3.Connection) -> int:
            self._forget_terms(conn, "time < ?", [cutoff])
            gone = conn.execute("DELETE FROM events WHERE time < ?", (cutoff,)).rowcount
            if gone:
                # A block goes with the last of its events (a back-filled old event
                # among new ones keeps its block until they go too).
                conn.execute("DELETE FROM event_bodies WHERE NOT EXISTS (SELECT 1 FROM "
                             "events WHERE id BETWEEN event_bodies.first AND event_bodies.id)")
            return int(gone)

        return self._writer.call(delete)

    @staticmethod
    def _forget_terms(conn: sqlite3.Connection, condition: str, params: list[Any]) -> None:
        """Take the events matching ``condition`` out of ``event_terms`` (a contentless
        FTS5 table forgets a row only when told its exact tokens again)."""
        value = {kind: "id" if kind in search.BY_ID else "value" for kind in search.COLUMN}
        parts = " || ' ' || ".join(
            f"COALESCE('{search.LETTER[k]}' || (SELECT id FROM search_terms WHERE kind = {k} "
            f"AND {value[k]} = e.{search.COLUMN[k]}), '')" for k in search.COLUMN)
        cur = conn.execute(f"SELECT id, {parts} FROM events e WHERE {condition}", params)
        while chunk := cur.fetchmany(2000):
            conn.executemany("INSERT INTO event_terms (event_terms, rowid, t) "
                             "VALUES ('delete', ?, ?)",
                             [(rid, " ".join(text.split())) for rid, text in chunk])

    # -- reading -------------------------------------------------------------------------

    def _fetch(self, sql: str, params: list[Any]) -> list[Any]:
        with self._read_lock:
            if self._read is None:
                raise RuntimeError("event store is not open")
            return self._read.execute(sql, params).fetchall()

    def _rows(self, ids_sql: str, params: list[Any], order: str) -> list[StoredEvent]:
        """The events whose ids ``ids_sql`` selects, with their bodies (one lock)."""
        with self._read_lock:
            if self._read is None:
                raise RuntimeError("event store is not open")
            narrow = self._read.execute(
                f"SELECT {NARROW} FROM events e WHERE e.id IN ({ids_sql}) "
                f"ORDER BY e.id {order}", params).fetchall()
            reader = bodies.BlockReader(self._read)
            return [to_stored(row, reader.body(row[0])) for row in narrow]

    def _terms_match(self, filters: dict[str, Any]) -> str | None:
        """The ``event_terms`` query for the reader, card, user and code filters and the
        typed words ("" when there is none; None when one of them matches no term)."""
        groups: list[str] = []
        assert self._read is not None
        for name, kind in (("device", search.DEVICE), ("card", search.CARD),
                           ("user", search.USER), ("code", search.CODE)):
            if filters.get(name) is not None:
                token = search.term_token(self._read, kind, str(filters[name]))
                if token is None:
                    return None
                groups.append(token)
        if filters.get("text"):
            typed = search.words(filters["text"])
            if not typed:
                return None
            for word in typed:
                found = search.word_tokens(self._read, word)
                if not found:
                    return None
                if len(found) <= search.MAX_TOKENS:  # else: tested row by row (where)
                    groups.append("(" + " OR ".join(found) + ")")
        return " AND ".join(groups)

    def query(self, *, limit: int | None = 200, oldest_first: bool = False,
              **filters: Any) -> list[StoredEvent]:
        """Stored rows matching ``filters`` (see :func:`app.store.rows.where`), newest first.

        Page back through history with ``before_id=<smallest id you have>``. The ids are
        found on the narrow table, its indexes and ``event_terms`` first; only those
        rows' bodies are read. A card, user, code or text filter is answered by
        ``event_terms``: through a plain id list when its matches are few, else read
        newest first alongside the other filters (or, with a time range, the time index
        leads and the terms are tested row by row).
        """
        order = "ASC" if oldest_first else "DESC"
        clause, params = where(**filters)
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        with self._read_lock:
            if self._read is None:
                raise RuntimeError("event store is not open")
            match = self._terms_match(filters)
            if match is None:
                return []
            few = match and self._read.execute(
                f"SELECT COUNT(*) FROM (SELECT rowid FROM event_terms WHERE event_terms "
                f"MATCH ? LIMIT {search.RARE + 1})", (match,)).fetchone()[0] <= search.RARE
        ranged = filters.get("since") is not None or filters.get("until") is not None
        if match and few:
            glue = " AND" if clause else " WHERE"
            inner = (f"SELECT id FROM events{clause}{glue} id IN (SELECT rowid FROM "
                     f"event_terms WHERE event_terms MATCH ?) ORDER BY id {order}{tail}")
            params.append(match)
        elif match and not ranged:
            more = f" AND {clause[7:]}" if clause else ""
            inner = (f"SELECT e.id FROM event_terms f JOIN events e ON e.id = f.rowid "
                     f"WHERE event_terms MATCH ?{more} ORDER BY f.rowid {order}{tail}")
            params.insert(0, match)
        else:
            inner = f"SELECT id FROM events{clause} ORDER BY id {order}{tail}"
        return self._rows(inner, params, order)

    def count(self, **filters: Any) -> int:
        clause, params = where(**filters)
        return int(self._fetch(f"SELECT COUNT(*) FROM events{clause}", params)[0][0])

    def kept(self, limit: int = 5000) -> list[KeptEvent]:
        """Events kept apart, not yet in the store: none here (the shared site store's
        desks keep events while the server is away, :class:`app.domain.stored.KeptEvent`)."""
        return []

    def has_key(self, dedupe_key: str) -> bool:
        """True when this access record is stored or already queued to be."""
        with self._pending_lock:
            if dedupe_key in self._pending_keys:
                return True
        return bool(self._fetch("SELECT 1 FROM events WHERE dedupe_key = ?", [dedupe_key]))

    # latest_time: how many of the newest rows (by time) are walked for the reader, and
    # how many of its newest events (by id) a quiet reader is answered from.
    LATEST_WALK = 20_000
    LATEST_QUIET = 10_000

    def latest_time(self, device: str, kind: str | None = None) -> datetime | None:
        """The newest event time stored for ``device``: where its back-fill starts.

        No index leads by reader since schema 8. A reader with no event is answered by
        ``event_terms`` at once; an active one by the newest :attr:`LATEST_WALK` rows of
        the time index (exact: they are walked in time order). A quiet one (none of its
        events among them) by the newest :attr:`LATEST_QUIET` of its own events, found
        through ``event_terms``: walking the time index down to a reader silent for
        months cost ~200 ms at a million events. That answer is never later than the
        newest time stored, only earlier should an event it did not look at carry a
        later time (a clock set back since), and an earlier start only makes the
        back-fill ask for more (what is stored already is not stored twice)."""
        with self._read_lock:
            if self._read is None:
                raise RuntimeError("event store is not open")
            token = search.term_token(self._read, search.DEVICE, device)
            if token is None or self._read.execute(
                    "SELECT rowid FROM event_terms WHERE event_terms MATCH ? LIMIT 1",
                    (token,)).fetchone() is None:
                return None
        clause, params = where(device=device, kind=kind)
        rows = self._fetch(
            "SELECT time FROM (SELECT time, device, kind FROM events INDEXED BY events_time "
            f"ORDER BY time DESC LIMIT {int(self.LATEST_WALK)}){clause} LIMIT 1", params)
        if not rows:  # quiet: none of its events among the newest rows
            rows = self._fetch(
                "SELECT MAX(time) FROM events WHERE id IN (SELECT rowid FROM event_terms "
                "WHERE event_terms MATCH ? ORDER BY rowid DESC LIMIT ?)"
                + (" AND kind = ?" if kind is not None else ""),
                [token, int(self.LATEST_QUIET), *([kind] if kind is not None else [])])
        found = rows[0][0] if rows else None
        return datetime.fromisoformat(from_us(found)) if found is not None else None

    def unacknowledged_alarms(self, limit: int = 100) -> list[StoredEvent]:
        """Alarms (see ``where(alarm=True)``) nobody acknowledged yet, newest first."""
        inner = (f"SELECT id FROM events WHERE {ALARM_SQL} AND id NOT IN "
                 "(SELECT event_id FROM alarm_acks) ORDER BY id DESC LIMIT ?")
        return self._rows(inner, [limit], "DESC")

    def acknowledgement(self, event_id: int) -> tuple[str, str, str] | None:
        """(acked_at, acked_by, note) of an alarm, or None."""
        rows = self._fetch(
            "SELECT acked_at, acked_by, note FROM alarm_acks WHERE event_id = ?", [event_id]
        )
        return tuple(rows[0]) if rows else None

    def export_csv(self, path: Path | str, **filters: Any) -> int:
        """Write matching events (oldest first) to a CSV file; returns the row count.

        Uses its own connection: a long export never holds up the desk's queries.
        """
        clause, params = where(**filters)
        conn = connect(self.path)
        count = 0
        try:
            cur = conn.execute(f"SELECT {NARROW} FROM events e{clause} "
                               "ORDER BY e.id ASC", params)
            reader = bodies.BlockReader(conn)
            with open(path, "w", newline="", encoding="utf-8-sig") as fh:
                out = csv.writer(fh)
                out.writerow(CSV_COLUMNS)
                while chunk := cur.fetchmany(1000):
                    for row in chunk:  # times as text, the body as payload and raw
                        body = reader.body(row[0])
                        payload = body[0].decode("utf-8", "surrogatepass") if body else ""
                        raw = decode_body(body)[1]
                        out.writerow([row[0], from_us(row[1]), from_us(row[2]), *row[3:],
                                      payload, raw])
                    count += len(chunk)
        finally:
            conn.close()
        return count
