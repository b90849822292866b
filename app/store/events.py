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
import json
import logging
import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app import paths
from app.domain.events import DeviceEvent, DeviceIdentified
from app.domain.stored import AlarmAcknowledged, StoredEvent, StoredEvents, StoreHealth
from app.runtime.bus import EventBus, Subscription
from app.store import integrity, schema
from app.store.rows import (
    ALARM_SQL,
    COLUMNS,
    SELECT,
    Packer,
    Pending,
    from_us,
    fts_query,
    iso_utc,
    pending_to_stored,
    to_pending,
    to_stored,
    to_us,
    unpack_body,
    where,
)
from app.store.writer import BatchWriter, WriterHealth

log = logging.getLogger(__name__)

_INSERT = f"INSERT INTO events (id, {COLUMNS}) VALUES ({', '.join('?' * 13)})"
_KEYS_PER_QUERY = 500  # dedupe keys looked up per statement (SQLite's variable limit)
# Old keys -> the device's own (see app.access.decode.dedupe_key for the new form):
# ``<name>:rec:<n>`` -> ``<id>#rec:<n>@<CreateTime>``, ``<name>:<rest>`` -> ``<id>#<rest>``.
# ``[name + ":", name + ";")`` is every key starting with "name:" (";" follows ":"), so
# the unique dedupe index finds them; new keys always hold "#", old ones never did.
_LEGACY = ("SELECT e.id, e.dedupe_key, b.body FROM events e JOIN event_bodies b "
           "ON b.id = e.id WHERE e.dedupe_key >= ? AND e.dedupe_key < ? "
           "AND instr(e.dedupe_key, '#') = 0 AND e.device = ?")


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


CSV_COLUMNS = ["id", *(c.strip() for c in COLUMNS.split(",")), "payload", "raw"]


def default_path() -> Path:
    return paths.data_dir() / "events.sqlite3"


def connect(path: Path, *, migrate: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    # Durable against application crashes in WAL mode (see the module docstring).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    if migrate:
        schema.migrate(conn)
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
        self._writer = BatchWriter(
            lambda: connect(self.path, migrate=True), self._write_batch, self._committed,
            on_health=self._writer_health, on_lost=self._forget_keys,
        )
        self._packer = Packer()  # used on the writer thread only
        self._closed = False
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
                               time=datetime.now(UTC))
        if self._bus is not None:
            self._bus.publish(self._health)

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
        for rid, key, body in conn.execute(_LEGACY, (name + ":", name + ";", name)).fetchall():
            new = _legacy_to_new(name, key, unpack_body(body)[0], device_id)
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
        ever given), duplicates are found with one indexed look-up per 500 keys."""
        keys = list({item.dedupe_key for item in batch if item.dedupe_key is not None})
        known: set[str] = set()
        for at in range(0, len(keys), _KEYS_PER_QUERY):
            part = keys[at:at + _KEYS_PER_QUERY]
            known.update(r[0] for r in conn.execute(
                f"SELECT dedupe_key FROM events WHERE dedupe_key IN "
                f"({', '.join('?' * len(part))})", part))
        top = conn.execute(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
            " COALESCE((SELECT MAX(id) FROM events), 0))").fetchone()[0]
        new: list[tuple[int, Pending]] = []
        for item in batch:
            key = item.dedupe_key
            if key is not None:
                if key in known:
                    continue  # the same record again (live and back-filled): kept once
                known.add(key)
            top += 1
            new.append((top, item))
        if new:
            conn.executemany(_INSERT, [(rid, *item.values) for rid, item in new])
            pack = self._packer.pack
            conn.executemany("INSERT INTO event_bodies (id, body) VALUES (?, ?)",
                             [(rid, pack(item.payload, item.raw)) for rid, item in new])
            conn.executemany("INSERT INTO events_fts (rowid, text) VALUES (?, ?)",
                             [(rid, item.search) for rid, item in new])
        rows = [pending_to_stored(rid, item) for rid, item in new]
        return rows, [item.dedupe_key for item in batch if item.dedupe_key is not None]

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
            old = "SELECT id FROM events WHERE time < ?"
            conn.execute(f"DELETE FROM events_fts WHERE rowid IN ({old})", (cutoff,))
            conn.execute(f"DELETE FROM event_bodies WHERE id IN ({old})", (cutoff,))
            return conn.execute("DELETE FROM events WHERE time < ?", (cutoff,)).rowcount

        return self._writer.call(delete)

    # -- reading -------------------------------------------------------------------------

    def _fetch(self, sql: str, params: list[Any]) -> list[Any]:
        with self._read_lock:
            if self._read is None:
                raise RuntimeError("event store is not open")
            return self._read.execute(sql, params).fetchall()

    def query(self, *, limit: int | None = 200, oldest_first: bool = False,
              **filters: Any) -> list[StoredEvent]:
        """Stored rows matching ``filters`` (see :func:`app.store.rows.where`), newest first.

        Page back through history with ``before_id=<smallest id you have>``. The ids are
        found on the narrow table and its indexes first; only those rows' bodies are read.
        """
        order = "ASC" if oldest_first else "DESC"
        search = fts_query(filters["text"]) if filters.get("text") else None
        if search is not None:
            # Driven by the word index, newest match first, stopping at ``limit``: no
            # need to collect every match of a common word before the other filters.
            clause, params = where(**{k: v for k, v in filters.items() if k != "text"})
            more = f" AND {clause[7:]}" if clause else ""
            inner = (f"SELECT e.id FROM events_fts f JOIN events e ON e.id = f.rowid "
                     f"WHERE events_fts MATCH ?{more} ORDER BY f.rowid {order}")
            params.insert(0, search)
        else:
            clause, params = where(**filters)
            inner = f"SELECT id FROM events{clause} ORDER BY id {order}"
        if limit is not None:
            inner += " LIMIT ?"
            params.append(int(limit))
        sql = f"{SELECT} WHERE e.id IN ({inner}) ORDER BY e.id {order}"
        return [to_stored(r) for r in self._fetch(sql, params)]

    def count(self, **filters: Any) -> int:
        clause, params = where(**filters)
        return int(self._fetch(f"SELECT COUNT(*) FROM events{clause}", params)[0][0])

    def has_key(self, dedupe_key: str) -> bool:
        """True when this access record is stored or already queued to be."""
        with self._pending_lock:
            if dedupe_key in self._pending_keys:
                return True
        return bool(self._fetch("SELECT 1 FROM events WHERE dedupe_key = ?", [dedupe_key]))

    def latest_time(self, device: str, kind: str | None = None) -> datetime | None:
        """The newest event time stored for ``device`` (where a back-fill starts)."""
        clause, params = where(device=device, kind=kind)
        row = self._fetch(f"SELECT MAX(time) FROM events{clause}", params)[0][0]
        return datetime.fromisoformat(from_us(row)) if row is not None else None

    def unacknowledged_alarms(self, limit: int = 100) -> list[StoredEvent]:
        """Alarms (see ``where(alarm=True)``) nobody acknowledged yet, newest first."""
        inner = (f"SELECT id FROM events WHERE {ALARM_SQL} AND id NOT IN "
                 "(SELECT event_id FROM alarm_acks) ORDER BY id DESC LIMIT ?")
        sql = f"{SELECT} WHERE e.id IN ({inner}) ORDER BY e.id DESC"
        return [to_stored(r) for r in self._fetch(sql, [limit])]

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
            cur = conn.execute(f"{SELECT} WHERE e.id IN (SELECT id FROM events{clause}) "
                               "ORDER BY e.id ASC", params)
            with open(path, "w", newline="", encoding="utf-8-sig") as fh:
                out = csv.writer(fh)
                out.writerow(CSV_COLUMNS)
                while chunk := cur.fetchmany(1000):
                    for row in chunk:  # times as text, the body as payload and raw
                        payload, raw = unpack_body(row[-1])
                        out.writerow([row[0], from_us(row[1]), from_us(row[2]), *row[3:-1],
                                      payload, raw])
                    count += len(chunk)
        finally:
            conn.close()
        return count
