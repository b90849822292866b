"""One desk's connection to the site store: the parts its two faces share.

:class:`SiteStore` owns the writer thread (events, audit rows, the outbox), the listener
thread (live events of every desk), one read connection, the link state and the outbox
file. Its faces are :class:`app.store.postgres.events.SiteEventStore` (the same methods as
the SQLite :class:`app.store.events.EventStore`) and
:class:`app.store.postgres.audit.SiteAuditLog` (those of :class:`app.store.audit.AuditLog`).
Each face is closed by its owner; the threads stop when both are.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.store.postgres import schema
from app.store.postgres.acks import Acked
from app.store.postgres.connect import connect, is_away, public_url
from app.store.postgres.link import LinkState, SiteLink
from app.store.postgres.listen import SiteListener, StartPoint
from app.store.postgres.outbox import Outbox
from app.store.postgres.writer import SiteAway, SiteWriter

log = logging.getLogger(__name__)

READ_TIMEOUT_MS = 10_000  # a query the desk waits for never takes longer than this


class SiteStore:
    def __init__(self, url: str, password: str | None, *, outbox: Path,
                 key: bytes | None, desk: str = "") -> None:
        self.url = url
        self.where = public_url(url)
        self._password = password
        self.desk = desk or socket.gethostname() or "desk"  # who wrote a row, for support
        self.key = key
        self.outbox = Outbox(outbox)
        self._watchers: list[Callable[[LinkState], None]] = []
        self.link = SiteLink(self.where, self._changed)
        self.start_point = StartPoint()
        self.writer = SiteWriter(self._connect, self.outbox, self.link, self.desk, key,
                                 on_connected=self._first_contact)
        self._event_watchers: list[Callable[[list[Any]], None]] = []
        self._ack_watchers: list[Callable[[Acked], None]] = []
        self.listener = SiteListener(self._listener_connect, self.link,
                                     self.start_point, self._announce, self._acked)
        self._read: Any = None
        self._read_lock = threading.Lock()
        self._open_faces = 0
        self._closed = False
        self._started = False
        self._migrated = False
        self._migrate_lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------

    def _connect(self, *, autocommit: bool = False) -> Any:
        return connect(self.url, self._password, autocommit=autocommit)

    def ready(self, conn: Any) -> None:
        """The schema brought up to date on a new connection (once per start: every desk
        runs what is missing under an advisory lock)."""
        with self._migrate_lock:
            if not self._migrated:
                schema.migrate(conn)
                self._migrated = True

    def _first_contact(self, conn: Any) -> None:
        """A new writer connection: the schema up to date, and where announcing starts,
        before anything is written."""
        self.ready(conn)
        self.start_point.settle(conn)

    def _listener_connect(self) -> Any:
        conn = self._connect(autocommit=True)
        self.ready(conn)
        return conn

    def start(self) -> SiteStore:
        """Start the threads. Never waits for the server: a desk that starts while it is
        away works on its outbox and says so."""
        if not self._started:
            self._started = True
            self.writer.start()
            self.listener.start()
        return self

    def face_opened(self) -> None:
        self._open_faces += 1

    def face_closed(self, timeout: float = 2.0) -> bool:
        self._open_faces -= 1
        if self._open_faces > 0 or self._closed:
            return True
        return self.close(timeout)

    def close(self, timeout: float = 2.0) -> bool:
        if self._closed:
            return True
        self._closed = True
        ok = self.writer.stop(timeout)
        ok = self.listener.stop(timeout) and ok
        with self._read_lock:
            if self._read is not None:
                self._read.close()
                self._read = None
        self.outbox.close()
        return ok

    # -- state -----------------------------------------------------------------------------

    def watch(self, callback: Callable[[LinkState], None]) -> None:
        self._watchers.append(callback)

    def _changed(self, state: LinkState) -> None:
        for callback in list(self._watchers):
            callback(state)

    def on_events(self, callback: Callable[[list[Any]], None]) -> None:
        self._event_watchers.append(callback)

    def _announce(self, events: list[Any]) -> None:
        for callback in list(self._event_watchers):
            callback(events)

    def on_acks(self, callback: Callable[[Acked], None]) -> None:
        """``callback(acked)`` for alarm acknowledgements any desk made (its own too)."""
        self._ack_watchers.append(callback)

    def _acked(self, acked: Acked) -> None:
        for callback in list(self._ack_watchers):
            callback(acked)

    # -- reading ---------------------------------------------------------------------------

    def read(self, fn: Callable[[Any], Any]) -> Any:
        """``fn(conn)`` on the read connection (one snapshot). Raises :class:`SiteAway`
        at once while the server is away, without waiting for it."""
        if not self.link.state.up:
            raise SiteAway(self.link.state.away)
        with self._read_lock:
            if self._closed:
                raise RuntimeError("site store is closed")
            for attempt in range(2):
                fresh = self._read is None or self._read.closed
                try:
                    if fresh:
                        self._read = self._connect()
                        self.ready(self._read)
                        self._read.execute(f"SET statement_timeout = {READ_TIMEOUT_MS}")
                        self._read.commit()
                    with self._read.transaction():
                        return fn(self._read)
                except Exception as exc:
                    if not is_away(exc):
                        raise
                    if self._read is not None:
                        self._read.close()
                    self._read = None
                    if fresh or attempt:  # else: dropped by a restart, try a fresh one
                        self.link.lost(exc)
                        raise SiteAway(str(exc)) from exc
            raise AssertionError("unreachable")

    def own(self, fn: Callable[[Any], Any]) -> Any:
        """``fn(conn)`` on a connection of its own (a long export never holds up the
        desk's queries); :class:`SiteAway` when the server cannot be reached."""
        try:
            conn = self._connect()
        except Exception as exc:
            if is_away(exc):
                raise SiteAway(str(exc)) from exc
            raise
        try:
            with conn.transaction():
                return fn(conn)
        except Exception as exc:
            if is_away(exc):
                raise SiteAway(str(exc)) from exc
            raise
        finally:
            conn.close()
