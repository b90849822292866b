"""Every desk sees new events live: ``LISTEN`` on the site's channel, and read what is new.

Writers ``NOTIFY`` after each batch (:mod:`app.store.postgres.writes`); ids commit in
order, so "every id after the last one announced" is exactly what is new, whichever desk
wrote it — this desk's own rows too: one announcer keeps the Monitor's rows in id order.
The listener also looks every :data:`SiteListener.POLL` seconds, and at once after
reconnecting, so a notification sent while it was away loses nothing.

Where announcing starts is decided once, by whichever of the writer and the listener
reaches the server first (:class:`StartPoint`): the newest id then. So a row this desk
writes before its listener is up is announced all the same.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from app.domain.stored import StoredEvent
from app.store.postgres import acks
from app.store.postgres.connect import is_away
from app.store.postgres.link import SiteLink
from app.store.postgres.schema import ACK_CHANNEL, CHANNEL
from app.store.rows import COLUMNS, to_stored

log = logging.getLogger(__name__)

SELECT_ROWS = ("SELECT id, " + COLUMNS.replace(" user,", ' "user",')
               + ", payload, raw FROM events")


def stored(row: tuple[Any, ...]) -> StoredEvent:
    """A row of :data:`SELECT_ROWS` as a StoredEvent."""
    return to_stored(row[:13], (bytes(row[13]), bytes(row[14])))


class StartPoint:
    """The id after which this desk announces events (set once, at the first contact)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.last: int | None = None

    def settle(self, conn: Any) -> None:
        with self._lock:
            if self.last is None:
                row = conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()
                self.last = int(row[0])
                if not conn.autocommit:
                    conn.commit()


class SiteListener:
    POLL = 5.0  # seconds between looks without a notification
    RETRY_EVERY = 1.0  # seconds between attempts to reach a server that is away
    WAKE = 0.25  # how soon a stop is noticed
    CHUNK = 1000

    def __init__(self, connect: Callable[[], Any], link: SiteLink, start: StartPoint,
                 on_events: Callable[[list[StoredEvent]], None],
                 on_acks: Callable[[acks.Acked], None] | None = None,
                 name: str = "site-store-listener") -> None:
        self._connect = connect
        self.link = link
        self.start_point = start
        self._on_events = on_events
        self._on_acks = on_acks
        self._connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)
        self.announced = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float) -> bool:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                conn.execute(f"LISTEN {CHANNEL}")
                conn.execute(f"LISTEN {ACK_CHANNEL}")
                self.start_point.settle(conn)
                self.link.reached()
                self._connections += 1
                if self._connections > 1:  # back after a gap: what was told meanwhile
                    self._read_back_acks(conn)
                self._listen(conn)
            except Exception as exc:
                if not is_away(exc):
                    log.exception("site store listener failed")
                self.link.lost(exc)
                self._stop.wait(self.RETRY_EVERY)
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:
                        log.debug("closing the listener's connection failed", exc_info=True)

    def _listen(self, conn: Any) -> None:
        self._catch_up(conn)
        looked = time.monotonic()
        while not self._stop.is_set():
            told = False
            for notice in conn.notifies(timeout=self.WAKE, stop_after=1):
                if notice.channel == ACK_CHANNEL:
                    acked = acks.heard(notice.payload)
                    if acked is not None:
                        self._tell_acks(acked)
                else:
                    told = True
            if told or time.monotonic() - looked >= self.POLL:
                self._catch_up(conn)
                looked = time.monotonic()

    def _catch_up(self, conn: Any) -> None:
        while not self._stop.is_set():
            last = self.start_point.last or 0
            rows = conn.execute(f"{SELECT_ROWS} WHERE id > %s ORDER BY id LIMIT {self.CHUNK}",
                                (last,)).fetchall()
            if not rows:
                return
            events = [stored(r) for r in rows]
            self.start_point.last = events[-1].id
            self.announced += len(events)
            try:
                self._on_events(events)
            except Exception:
                log.exception("site store announcement failed")
            if len(rows) < self.CHUNK:
                return

    def _read_back_acks(self, conn: Any) -> None:
        if self._on_acks is None:
            return
        after = max(0, (self.start_point.last or 0) - acks.LOOKBACK)
        for acked in acks.read_back(conn, after):
            self._tell_acks(acked)

    def _tell_acks(self, acked: acks.Acked) -> None:
        if self._on_acks is None or not acked.event_ids:
            return
        try:
            self._on_acks(acked)
        except Exception:
            log.exception("site store acknowledgement announcement failed")
