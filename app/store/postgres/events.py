"""The event store on the site's PostgreSQL server: the methods of the SQLite
:class:`app.store.events.EventStore`, for every desk of a site at once.

Differences a caller sees: rows are announced (``StoredEvents``) by the listener, for
this desk's events and every other desk's alike; while the server is away, events are
kept in this desk's outbox (announced when they reach the server), queries answer
nothing at once instead of waiting, and :meth:`health` says so (``away``, ``queued``).
"""

from __future__ import annotations

import concurrent.futures
import csv
import logging
import threading
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.domain.events import ConnectionState, DeviceEvent, DeviceIdentified, DeviceStateChanged
from app.domain.stored import (
    AlarmAcknowledged,
    KeptEvent,
    KeptEvents,
    KeptEventsSent,
    StoredEvent,
    StoredEvents,
    StoreHealth,
)
from app.runtime.bus import EventBus, Subscription
from app.store import integrity, messages
from app.store.events import CSV_COLUMNS
from app.store.postgres import acks
from app.store.postgres.filters import ALARM_SQL, where
from app.store.postgres.link import LinkState
from app.store.postgres.listen import SELECT_ROWS, stored
from app.store.postgres.site import SiteStore
from app.store.postgres.writer import SiteAway
from app.store.rows import Pending, from_us, iso_utc, pending_to_stored, to_pending, to_us

log = logging.getLogger(__name__)

STATUS_SOURCE = "store"  # the status bar's entry for the site store (kind "store")


def _as_kept(items: list[tuple[str, Pending]]) -> list[KeptEvent]:
    """Outbox items (origin, event) as the desk is shown them: no id yet."""
    return [KeptEvent(origin, pending_to_stored(0, item)) for origin, item in items]


class SiteEventStore:
    def __init__(self, site: SiteStore, *, source: str = "store") -> None:
        self.site = site
        self.source = source
        self.path = site.where  # where the events are, for people (no password)
        self._bus: EventBus | None = None
        self._sub: Subscription | None = None
        self._pending_lock = threading.Lock()
        self._pending_keys: dict[str, int] = {}
        self._closed = False
        self.damaged_file: Path | None = None
        self._health = StoreHealth(source, path=self.path)
        # The writer (refusals, the link) and the listener (the link) both update it.
        self._health_lock = threading.RLock()  # a watcher may reach the link again
        site.face_opened()
        site.watch(self._link_changed)
        site.on_events(self._announce)
        self._me = uuid.uuid4().hex  # names this desk's own acknowledgement notices
        site.on_acks(self._acked_elsewhere)
        site.writer.on_kept = self._kept
        site.writer.on_sent = self._sent
        site.writer.on_refused = self._refused

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> SiteEventStore:
        self.site.start()
        return self

    def attach(self, bus: EventBus) -> None:
        self._bus = bus
        self._sub = bus.subscribe(self._on_event, DeviceEvent, DeviceIdentified)
        bus.publish(self._health)
        bus.publish(self._status(self.site.link.state))

    def health(self) -> StoreHealth:
        return self._health

    def check(self) -> integrity.CheckResult:
        """Whether the site store answers (PostgreSQL keeps its own files sound)."""
        try:
            self.site.read(lambda c: c.execute("SELECT COUNT(*) FROM events").fetchone())
        except Exception as exc:
            return integrity.CheckResult(Path(self.path), (), f"{type(exc).__name__}: {exc}")
        return integrity.CheckResult(Path(self.path), ())

    def close(self, timeout: float = 2.0) -> bool:
        if self._closed:
            return True
        self._closed = True
        if self._bus is not None and self._sub is not None:
            self._bus.unsubscribe(self._sub)
        return self.site.face_closed(timeout)

    # -- state -----------------------------------------------------------------------------

    def _link_changed(self, state: LinkState) -> None:
        with self._health_lock:  # published in order: the last told is the newest
            self._health = replace(self._health, away=state.away, away_since=state.since,
                                   queued=state.queued, time=datetime.now(UTC))
            if self._bus is not None:
                self._bus.publish(self._health)
                self._bus.publish(self._status(state))

    def _status(self, state: LinkState) -> DeviceStateChanged:
        if state.away:
            value = ConnectionState.DISCONNECTED if state.connected else ConnectionState.FAILED
        elif state.connected:
            value = ConnectionState.CONNECTED
        else:
            value = ConnectionState.CONNECTING
        return DeviceStateChanged(STATUS_SOURCE, kind="store", state=value,
                                  detail=messages.site_detail(self.path, state))

    # -- writing ---------------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        if isinstance(event, DeviceEvent):
            self.add(event)
        elif isinstance(event, DeviceIdentified) and not self._closed:
            self.identified(event.source, event.device_id)

    def add(self, event: DeviceEvent) -> None:
        """Queue ``event`` for the writer (any thread; never blocks on the network)."""
        if self._closed:
            log.warning("site store closed; %s %s not stored", event.source, event.code)
            return
        pending = to_pending(event)
        if pending.dedupe_key is not None:
            with self._pending_lock:
                key = pending.dedupe_key
                self._pending_keys[key] = self._pending_keys.get(key, 0) + 1
        self.site.writer.put(pending)

    def _announce(self, events: list[StoredEvent]) -> None:
        keys = [e.dedupe_key for e in events if e.dedupe_key is not None]
        if keys:
            with self._pending_lock:
                for key in keys:
                    left = self._pending_keys.get(key, 0) - 1
                    if left > 0:
                        self._pending_keys[key] = left
                    else:
                        self._pending_keys.pop(key, None)
        if self._bus is not None and not self._closed:
            self._bus.publish(StoredEvents(self.source, events=tuple(events)))

    def _kept(self, items: list[tuple[str, Pending]]) -> None:
        """On the writer thread: events just put in the outbox (the server is away)."""
        if self._bus is not None and not self._closed:
            self._bus.publish(KeptEvents(self.source, events=tuple(_as_kept(items))))

    def _sent(self, origins: list[str]) -> None:
        """On the writer thread: outbox events the server has now taken."""
        if self._bus is not None and not self._closed:
            self._bus.publish(KeptEventsSent(self.source, origins=tuple(origins)))

    def _refused(self, count: int) -> None:
        """On the writer thread: the server refused an event (kept in the outbox file)."""
        with self._health_lock:
            self._health = replace(self._health, refused=count, time=datetime.now(UTC),
                                   refused_in=f"{self.site.outbox.path} (refused_out)")
            if self._bus is not None:
                self._bus.publish(self._health)

    def kept(self, limit: int = 5000) -> list[KeptEvent]:
        """The newest ``limit`` events kept on this desk while the server was away (an
        earlier run's too), oldest first; new ones are told as ``KeptEvents`` and those
        the server has taken as ``KeptEventsSent``. Read from the outbox file."""
        return _as_kept(self.site.writer.kept(limit))

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything added so far is in the site store and announced. False
        when it is not: the time ran out, or the server is away (kept on this desk)."""
        deadline = time.monotonic() + timeout
        if not self.site.writer.flush(timeout):
            return False
        top = self.site.writer.top
        while (self.site.start_point.last or 0) < top:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    def identified(self, name: str, device_id: str) -> concurrent.futures.Future[int]:
        """Record that reader ``name`` is device ``device_id`` (the site store has no keys
        from before device identities: nothing to rewrite). Future: 0."""
        now = iso_utc(datetime.now(UTC))

        def note(conn: Any) -> int:
            conn.execute(
                "INSERT INTO device_ids (name, device_id, first_seen, last_seen) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (name, device_id) "
                "DO UPDATE SET last_seen = excluded.last_seen", (name, device_id, now, now))
            return 0

        future = self.site.writer.call(note)
        future.add_done_callback(_quiet)
        return future

    def acknowledge(self, event_ids: list[int], by: str = "desk", note: str = "") -> int:
        return int(self.acknowledge_later(event_ids, by, note).result(10))

    def acknowledge_later(self, event_ids: list[int], by: str = "desk",
                          note: str = "") -> concurrent.futures.Future[int]:
        now = iso_utc(datetime.now(UTC))

        def write(conn: Any) -> int:
            acked = []
            for event_id in event_ids:
                if conn.execute(
                        "INSERT INTO alarm_acks (event_id, acked_at, acked_by, note) "
                        "SELECT id, %s, %s, %s FROM events WHERE id = %s ON CONFLICT DO NOTHING",
                        (now, by, note, int(event_id))).rowcount:
                    acked.append(int(event_id))
            acks.tell(conn, self._me, acked, by, note)  # the other desks' banners too
            return len(acked)

        done: concurrent.futures.Future[int] = concurrent.futures.Future()

        def announce(future: concurrent.futures.Future[int]) -> None:
            exc = future.exception()
            if exc is not None:
                done.set_exception(exc)
                return
            if self._bus is not None:
                self._bus.publish(AlarmAcknowledged(self.source, event_ids=tuple(event_ids),
                                                    by=by, note=note))
            done.set_result(future.result())

        self.site.writer.call(write).add_done_callback(announce)
        return done

    def _acked_elsewhere(self, acked: acks.Acked) -> None:
        """Another desk acknowledged alarms (or, after a gap, any desk did): this desk's
        banner drops them too. This desk's own were announced when they committed."""
        if acked.origin == self._me or self._bus is None or self._closed:
            return
        self._bus.publish(AlarmAcknowledged(self.source, event_ids=acked.event_ids,
                                            by=acked.by, note=acked.note))

    def apply_retention(self, days: int) -> int:
        return int(self.apply_retention_later(days).result(60))

    def apply_retention_later(self, days: int) -> concurrent.futures.Future[int]:
        if days <= 0:
            done: concurrent.futures.Future[int] = concurrent.futures.Future()
            done.set_result(0)
            return done
        cutoff = to_us(datetime.now(UTC) - timedelta(days=days))
        return self.site.writer.call(lambda conn: int(conn.execute(
            "DELETE FROM events WHERE time < %s", (cutoff,)).rowcount))

    # -- reading ---------------------------------------------------------------------------

    def _fetch(self, sql: str, params: list[Any]) -> list[Any] | None:
        """Rows, or None while the server is away (the desk is told by ``health``)."""
        try:
            rows: list[Any] = self.site.read(lambda c: c.execute(sql, params).fetchall())
        except SiteAway:
            return None
        return rows

    def query(self, *, limit: int | None = 200, oldest_first: bool = False,
              **filters: Any) -> list[StoredEvent]:
        """Stored rows matching ``filters`` (those of ``EventStore.query``), newest first;
        nothing while the server is away."""
        order = "ASC" if oldest_first else "DESC"
        clause, params = where(**filters)
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self._fetch(f"{SELECT_ROWS}{clause} ORDER BY id {order}{tail}", params)
        return [stored(r) for r in rows or []]

    def count(self, **filters: Any) -> int:
        clause, params = where(**filters)
        rows = self._fetch(f"SELECT COUNT(*) FROM events{clause}", params)
        return int(rows[0][0]) if rows else 0

    def has_key(self, dedupe_key: str) -> bool:
        with self._pending_lock:
            if dedupe_key in self._pending_keys:
                return True
        return bool(self._fetch("SELECT 1 FROM events WHERE dedupe_key = %s", [dedupe_key]))

    def latest_time(self, device: str, kind: str | None = None) -> datetime | None:
        clause, params = where(device=device, kind=kind)
        rows = self._fetch(f"SELECT MAX(time) FROM events{clause}", params)
        if not rows or rows[0][0] is None:
            return None
        return datetime.fromisoformat(from_us(rows[0][0]))

    def unacknowledged_alarms(self, limit: int = 100) -> list[StoredEvent]:
        rows = self._fetch(f"{SELECT_ROWS} WHERE {ALARM_SQL} AND id NOT IN (SELECT event_id "
                           "FROM alarm_acks) ORDER BY id DESC LIMIT %s", [limit])
        return [stored(r) for r in rows or []]

    def acknowledgement(self, event_id: int) -> tuple[str, str, str] | None:
        rows = self._fetch("SELECT acked_at, acked_by, note FROM alarm_acks "
                           "WHERE event_id = %s", [event_id])
        return (str(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None

    def device_ids(self, name: str) -> list[str]:
        rows = self._fetch("SELECT device_id FROM device_ids WHERE name = %s "
                           "ORDER BY first_seen, device_id", [name])
        return [str(r[0]) for r in rows or []]

    def export_csv(self, path: Path | str, **filters: Any) -> int:
        """Matching events, oldest first, to a CSV file (UTF-8 with BOM); raises
        :class:`SiteAway` while the server is away."""
        clause, params = where(**filters)

        def write(conn: Any) -> int:
            count = 0
            with conn.cursor(name="keydesk_export") as cur, \
                    open(path, "w", newline="", encoding="utf-8-sig") as fh:
                cur.itersize = 1000
                cur.execute(f"{SELECT_ROWS}{clause} ORDER BY id ASC", params)
                out = csv.writer(fh)
                out.writerow(CSV_COLUMNS)
                for row in cur:
                    event = stored(row)
                    out.writerow([event.id, event.time, event.received, *row[3:13],
                                  bytes(row[13]).decode("utf-8", "surrogatepass"),
                                  event.raw])
                    count += 1
            return count

        return int(self.site.own(write))


def _quiet(future: concurrent.futures.Future[Any]) -> None:
    """A reader identity the server could not take now is noted again at reconnection."""
    if future.exception() is not None:
        log.info("site store: reader identity not recorded (%s)", future.exception())
