"""The store's one writer thread: it owns the write connection and commits in batches.

Producers (the bus on any thread) only enqueue; the writer waits for the first item,
lingers a few milliseconds to gather more, writes them all in one transaction, commits,
and only then reports the rows (so nothing is shown that is not on disk). Other write
work (retention, acknowledgements) is queued as a call so that exactly one connection
ever writes — no ``database is locked`` between threads.
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from app.store.rows import Pending

log = logging.getLogger(__name__)

_STOP = object()


class _Call:
    def __init__(self, fn: Callable[[sqlite3.Connection], Any]) -> None:
        self.fn = fn
        self.future: concurrent.futures.Future[Any] = concurrent.futures.Future()


class BatchWriter:
    """A named non-daemon thread writing :class:`Pending` rows in batches.

    ``write_batch(conn, items)`` runs on this thread inside an open transaction and
    returns what ``on_committed`` is given after the commit.
    """

    LINGER = 0.01  # seconds to gather a batch after its first event (bounds added latency)
    MAX_BATCH = 2000

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        write_batch: Callable[[sqlite3.Connection, list[Pending]], Any],
        on_committed: Callable[[Any], None],
        name: str = "event-store-writer",
    ) -> None:
        self._connect = connect
        self._write_batch = write_batch
        self._on_committed = on_committed
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(5)
        if self._error is not None:
            raise self._error

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def put(self, item: Pending) -> None:
        self._queue.put(item)

    def call(self, fn: Callable[[sqlite3.Connection], Any]) -> concurrent.futures.Future[Any]:
        """Run ``fn(conn)`` on the writer after everything queued before it."""
        call = _Call(fn)
        if not self.alive:
            call.future.set_exception(RuntimeError("event store is closed"))
            return call.future
        self._queue.put(call)
        return call.future

    def stop(self, timeout: float) -> bool:
        """Write what is queued, close the connection, join. True when it ended in time."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("event store writer did not stop within %.1fs", timeout)
            return False
        return True

    # -- the thread ----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            conn = self._connect()
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop(conn)
        finally:
            conn.close()

    def _loop(self, conn: sqlite3.Connection) -> None:
        while True:
            item = self._queue.get()
            batch: list[Pending] = []
            stop = False
            deadline = time.monotonic() + self.LINGER
            while True:
                if item is _STOP:
                    stop = True
                elif isinstance(item, _Call):
                    self._commit(conn, batch)  # calls see every event queued before them
                    batch = []
                    self._run_call(conn, item)
                else:
                    batch.append(item)
                if stop or len(batch) >= self.MAX_BATCH:
                    break
                remaining = deadline - time.monotonic()
                try:
                    item = (
                        self._queue.get(timeout=remaining) if remaining > 0
                        else self._queue.get_nowait()
                    )
                except queue.Empty:
                    break
            self._commit(conn, batch)
            if stop:
                self._drain(conn)
                return

    def _drain(self, conn: sqlite3.Connection) -> None:
        """After stop: write stragglers, fail late calls (nothing silently vanishes)."""
        batch: list[Pending] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Call):
                self._run_call(conn, item)
            elif isinstance(item, Pending):
                batch.append(item)
        self._commit(conn, batch)

    def _commit(self, conn: sqlite3.Connection, batch: list[Pending]) -> None:
        if not batch:
            return
        try:
            result = self._transaction(conn, batch)
        except Exception:
            if len(batch) > 1:
                # One bad row must not take its batch with it: write them one by one.
                log.warning("event store batch of %d failed; writing singly", len(batch))
                for item in batch:
                    self._commit(conn, [item])
            else:
                log.exception("event store could not write event %r", batch[0].values)
            return
        try:
            self._on_committed(result)
        except Exception:
            log.exception("event store commit callback failed")

    def _transaction(self, conn: sqlite3.Connection, batch: list[Pending]) -> Any:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = self._write_batch(conn, batch)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result

    @staticmethod
    def _run_call(conn: sqlite3.Connection, call: _Call) -> None:
        if not call.future.set_running_or_notify_cancel():
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            result = call.fn(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            call.future.set_exception(exc)
        else:
            call.future.set_result(result)
