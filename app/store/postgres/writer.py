"""The site store's one writer thread: events in batches, audit rows one by one, and the
outbox sent when the server is back.

Producers only enqueue. The writer gathers events for a few milliseconds and writes them
in one transaction (the listener announces them, to every desk:
:mod:`app.store.postgres.listen`); an audit row is appended in its own transaction, in
the order it was recorded. When the server is away, or while
the outbox still holds something (arrival order), what comes goes to the outbox instead,
and every ``RETRY_EVERY`` seconds the writer tries to send the outbox, oldest first.
Other work (acknowledgements, retention, reader identities) is queued as a call; it needs
the server and fails with :class:`SiteAway` while it is away.
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from app.domain.errors import KeyDeskError
from app.store import search
from app.store.postgres import writes
from app.store.postgres.connect import is_away
from app.store.postgres.link import SiteLink
from app.store.postgres.outbox import AUDIT, EVENTS, REFUSED, Outbox
from app.store.rows import Pending, loads

log = logging.getLogger(__name__)

_STOP = object()


class SiteAway(KeyDeskError):
    """The site's server cannot be reached now (what was asked needs it): the catalog's
    ``site_store unreachable``, so the window and the commands explain it like any
    failure a person can act on (the detail: what the network or the server said)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("site_store", "unreachable", detail, retryable=True)


class _Call:
    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn
        self.future: concurrent.futures.Future[Any] = concurrent.futures.Future()


class _Flush(_Call):
    """Send what the outbox holds now; the future says whether it is empty."""


class _Audit:
    def __init__(self, origin: str, values: tuple[str, ...]) -> None:
        self.origin = origin
        self.values = values
        self.future: concurrent.futures.Future[int] = concurrent.futures.Future()


def rebuild(values: tuple[Any, ...], payload: bytes, raw: bytes) -> Pending:
    """An outbox item as the event it was (its payload decoded, its terms found again)."""
    try:
        decoded = loads(payload)
    except ValueError:
        decoded = {"_undecodable_payload": payload.decode("utf-8", "replace")}
    if not isinstance(decoded, dict):
        decoded = {"value": decoded}
    return Pending(tuple(values), values[11], payload, raw, search.name_of(decoded),
                   search.note_of(decoded), decoded, raw.decode("utf-8", "surrogatepass"))


class SiteWriter:
    LINGER = 0.01  # seconds to gather a batch after its first event
    MAX_BATCH = 2000  # events per transaction
    RETRY_EVERY = 1.0  # seconds between attempts to reach a server that is away
    SYNC_CHUNK = 1000  # outbox events sent per transaction

    def __init__(self, connect: Callable[[], Any], outbox: Outbox, link: SiteLink, desk: str,
                 key: bytes | None, *, on_connected: Callable[[Any], None] | None = None,
                 name: str = "site-store-writer") -> None:
        self._connect = connect
        self._on_connected = on_connected  # a fresh connection (migrations run there)
        self.outbox = outbox
        self.link = link
        self.desk = desk
        self.key = key
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)
        self._conn: Any = None
        self._next_try = 0.0
        self._run_id = uuid.uuid4().hex[:12]
        self._count = 0
        self._count_lock = threading.Lock()
        self.written = 0  # events written (not skipped as already there) since start
        self.top = 0  # the largest id this writer gave an event
        # Told on the writer thread, the only one that fills and empties the outbox, so
        # "kept" is always told before "sent" for the same events.
        self.on_kept: Callable[[list[tuple[str, Pending]]], None] | None = None
        self.on_sent: Callable[[list[str]], None] | None = None
        self.on_refused: Callable[[int], None] | None = None  # events refused so far
        self.refused = 0

    # -- any thread ------------------------------------------------------------------------

    def origin(self) -> str:
        """A new id for an item of this desk, unique across desks and restarts."""
        with self._count_lock:
            self._count += 1
            return f"{self._run_id}.{self._count}"

    def start(self) -> None:
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def put(self, item: Pending) -> None:
        self._queue.put((self.origin(), item))

    def audit(self, values: tuple[str, ...]) -> concurrent.futures.Future[int]:
        """Append an audit row: a future of its id (0: kept on this desk for now)."""
        item = _Audit(self.origin(), values)
        if not self.alive:
            item.future.set_exception(RuntimeError("site store is closed"))
        else:
            self._queue.put(item)
        return item.future

    def call(self, fn: Callable[[Any], Any]) -> concurrent.futures.Future[Any]:
        """``fn(conn)`` in a transaction on the writer, after what was queued before."""
        call = _Call(fn)
        if not self.alive:
            call.future.set_exception(RuntimeError("site store is closed"))
        else:
            self._queue.put(call)
        return call.future

    def queued(self) -> int:
        return self.outbox.count(EVENTS) + self.outbox.count(AUDIT)

    def kept(self, limit: int) -> list[tuple[str, Pending]]:
        """The newest ``limit`` events kept on this desk (an earlier run's too), oldest
        first. Any thread: the outbox has its own lock."""
        return [(origin, rebuild(values, payload, raw)) for _seq, origin, values, payload, raw
                in reversed(self.outbox.events(limit, newest=True))]

    def stop(self, timeout: float) -> bool:
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("site store writer did not stop within %.1fs", timeout)
            return False
        return True

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._loop()
        finally:
            self._drop_connection()

    def _wait(self) -> float | None:
        if not self.queued():
            return None
        return max(0.0, self._next_try - time.monotonic())

    def _loop(self) -> None:
        self._sync(force=True)  # connect at once (and send what an earlier run kept)
        while True:
            try:
                item = self._queue.get(timeout=self._wait())
            except queue.Empty:
                self._sync()
                continue
            batch: list[tuple[str, Pending]] = []
            stop = False
            deadline = time.monotonic() + self.LINGER
            while True:
                if item is _STOP:
                    stop = True
                elif isinstance(item, _Audit | _Call):
                    self._events(batch)
                    batch = []
                    if isinstance(item, _Audit):
                        self._audit(item)
                    elif isinstance(item, _Flush):
                        self._flush(item)
                    else:
                        self._call(item)
                else:
                    batch.append(item)
                if stop or len(batch) >= self.MAX_BATCH:
                    break
                remaining = deadline - time.monotonic()
                try:
                    item = (self._queue.get(timeout=remaining) if remaining > 0
                            else self._queue.get_nowait())
                except queue.Empty:
                    break
            self._events(batch)
            if stop:
                self._drain()
                return

    def _drain(self) -> None:
        """After stop: what was queued late still goes to the server or the outbox."""
        batch: list[tuple[str, Pending]] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Audit):
                self._events(batch)
                batch = []
                self._audit(item)
            elif isinstance(item, _Call):
                item.future.set_exception(RuntimeError("site store is closed"))
            elif item is not _STOP:
                batch.append(item)
        self._events(batch)
        left = self.queued()
        if left:
            log.warning("site store closing with %d items kept on this desk (%s): they are "
                        "sent at the next start", left, self.outbox.path)

    # -- the connection --------------------------------------------------------------------

    def _connection(self) -> Any:
        if self._conn is None or self._conn.closed:
            self._conn = self._connect()
            if self._on_connected is not None:
                self._on_connected(self._conn)
            self.link.reached()
        return self._conn

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                log.debug("closing a broken site store connection failed", exc_info=True)

    def _away(self, exc: BaseException) -> None:
        self._drop_connection()
        self._next_try = time.monotonic() + self.RETRY_EVERY
        self.link.lost(exc)

    def _up(self) -> bool:
        """True when writing straight to the server is the right thing now."""
        return not self.queued() and self.link.state.up and self._conn is not None

    def _transaction(self, fn: Callable[[Any], Any]) -> Any:
        """``fn(conn)`` in one transaction. A connection the server dropped since its last
        use (a restart) is noticed here: once, at once, on a fresh one. Writing again is
        safe: every item has its origin, kept unique by the server."""
        fresh = self._conn is None or self._conn.closed
        conn = self._connection()
        try:
            with conn.transaction():
                return fn(conn)
        except Exception as exc:
            if fresh or not is_away(exc):
                raise
        self._drop_connection()
        conn = self._connection()
        with conn.transaction():
            return fn(conn)

    # -- events ----------------------------------------------------------------------------

    def _events(self, batch: list[tuple[str, Pending]]) -> None:
        if not batch:
            return
        if not self._up():
            self._keep(batch)
            return
        try:
            written = self._transaction(lambda c: writes.insert_events(c, self.desk, batch))
        except Exception as exc:
            if is_away(exc):
                self._away(exc)
                self._keep(batch)
            elif len(batch) > 1:
                log.warning("site store batch of %d failed; writing singly", len(batch))
                for one in batch:
                    self._events([one])
            else:
                self._refused(batch[0], exc)
            return
        self._wrote(written)

    def _refused(self, one: tuple[str, Pending], exc: Exception) -> None:
        """An event the server refused (not for being away): kept on this desk, apart."""
        origin, item = one
        self.outbox.put_refused(origin, "event", writes.clean_values(item.values),
                                f"{type(exc).__name__}: {exc}", item.payload, item.raw)
        log.error("site store refused event %s (%s); kept on this desk in %s, table %s",
                  origin, exc, self.outbox.path, REFUSED)
        self.refused += 1
        self._tell(self.on_refused, self.refused)

    def _keep(self, batch: list[tuple[str, Pending]]) -> None:
        """Into the outbox (cleaned as the server would take them), then try to send."""
        self.outbox.put_events([(origin, Pending(
            writes.clean_values(item.values), item.dedupe_key, item.payload, item.raw,
            item.name, item.note)) for origin, item in batch])
        self.link.queued(self.queued())
        self._tell(self.on_kept, batch)
        self._sync()

    @staticmethod
    def _tell(callback: Callable[[Any], None] | None, what: Any) -> None:
        """A watcher's failure is logged: it never stops the writer (nor loses a row)."""
        if callback is not None:
            try:
                callback(what)
            except Exception:
                log.exception("site store watcher failed")

    # -- audit rows and calls ----------------------------------------------------------------

    def _audit(self, item: _Audit) -> None:
        if not item.future.set_running_or_notify_cancel():
            return
        if self._up():
            try:
                rid = self._transaction(lambda c: writes.append_audit(
                    c, self.key, self.desk, item.origin, item.values))
            except Exception as exc:
                if not is_away(exc):
                    item.future.set_exception(exc)
                    return
                self._away(exc)
            else:
                item.future.set_result(rid)
                return
        self.outbox.put_audit(item.origin, item.values)
        self.link.queued(self.queued())
        item.future.set_result(0)
        self._sync()

    def _call(self, call: _Call) -> None:
        if not call.future.set_running_or_notify_cancel():
            return
        if not self.link.state.up:
            self._sync(force=True)  # the server may be back: try it now
        if not self.link.state.up:
            call.future.set_exception(SiteAway(self.link.state.away))
            return
        try:
            result = self._transaction(call.fn)
        except Exception as exc:
            if is_away(exc):
                self._away(exc)
                call.future.set_exception(SiteAway(str(exc)))
            else:
                call.future.set_exception(exc)
        else:
            call.future.set_result(result)

    # -- the outbox --------------------------------------------------------------------------

    def _sync(self, force: bool = False) -> bool:
        """Reach the server and send the outbox, oldest first. True when it is empty."""
        if not force and time.monotonic() < self._next_try:
            return False
        try:
            self._connection()
            while rows := self.outbox.audit(100):
                for seq, origin, values in rows:
                    self._send_audit(origin, values)
                    self.outbox.drop(AUDIT, seq)
            while chunk := self.outbox.events(self.SYNC_CHUNK):
                self._send_events([(origin, rebuild(values, payload, raw))
                                   for _seq, origin, values, payload, raw in chunk])
                self.outbox.drop(EVENTS, chunk[-1][0])
                self._tell(self.on_sent, [origin for _seq, origin, *_rest in chunk])
        except Exception as exc:
            if not is_away(exc):  # e.g. a site database of a newer KeyDesk: not written to
                log.exception("site store cannot be written to")
            self._away(exc)
            self.link.queued(self.queued())
            return False
        self.link.queued(0)
        return True

    def _send_audit(self, origin: str, values: tuple[str, ...]) -> None:
        try:
            self._transaction(lambda c: writes.append_audit(c, self.key, self.desk, origin,
                                                            values))
        except Exception as exc:
            if is_away(exc):
                raise
            # A row the server refuses must not hold up the rest for ever: kept apart.
            self.outbox.put_refused(origin, "audit", values, f"{type(exc).__name__}: {exc}")
            log.error("site store refused audit row %s (%s); kept on this desk in %s, "
                      "table %s", origin, exc, self.outbox.path, REFUSED)

    def _send_events(self, batch: list[tuple[str, Pending]]) -> None:
        try:
            written = self._transaction(lambda c: writes.insert_events(c, self.desk, batch))
        except Exception as exc:
            if is_away(exc):
                raise
            if len(batch) == 1:
                self._refused(batch[0], exc)
                return
            for one in batch:
                self._send_events([one])
            return
        self._wrote(written)

    def _wrote(self, written: dict[str, int]) -> None:
        if written:
            self.written += len(written)
            self.top = max(self.top, *written.values())

    def _flush(self, call: _Call) -> None:
        if not call.future.set_running_or_notify_cancel():
            return
        if self.queued():
            self._sync(force=True)
        call.future.set_result(not self.queued())

    def flush(self, timeout: float) -> bool:
        """True once everything queued before is in the site store (False while some of it
        is kept on this desk, or the writer is closed)."""
        call = _Flush(lambda _c: None)
        if not self.alive:
            return False
        self._queue.put(call)
        try:
            return bool(call.future.result(timeout))
        except concurrent.futures.TimeoutError:
            return False
