"""The store's one writer thread: it owns the write connection and commits in batches.

Producers (the bus on any thread) only enqueue; the writer waits for the first item,
lingers a few milliseconds to gather more, writes them all in one transaction, commits,
and only then reports the rows (so nothing is shown that is not on disk). Other write
work (retention, acknowledgements) is queued as a call so that exactly one connection
ever writes — no ``database is locked`` between threads.

When the file cannot take writes (disk full, read-only, I/O error: SQLite's own error
codes, not a bad row) the batch is kept in memory, up to a size bound, and retried every
second, in arrival order; what does not fit is counted as lost. Every change of that
state is reported (``on_health``), so the desk can say "events are NOT being kept".
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.store.rows import Pending

log = logging.getLogger(__name__)

_STOP = object()

# SQLite primary result codes that mean "this file cannot take writes now", as opposed to
# one bad row: SQLITE_PERM, BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
_CANNOT_WRITE = frozenset({3, 5, 6, 8, 10, 11, 13, 14, 26})


def cannot_write(exc: BaseException) -> bool:
    """True when ``exc`` says the database file refuses writes (retry later, keep rows)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return isinstance(exc, sqlite3.OperationalError)
    return (int(code) & 0xFF) in _CANNOT_WRITE


def _size(item: Pending) -> int:
    """Roughly what a held row costs in memory (its texts dominate)."""
    return (200 + len(item.payload) + 2 * len(item.raw)  # raw is held as bytes and text
            + sum(len(v) for v in item.values if isinstance(v, str)))


@dataclass(frozen=True)
class WriterHealth:
    writing: bool
    pending: int  # rows held in memory, waiting for the file to take them
    lost: int  # rows that did not fit in memory (since the writer started)
    error: str
    since: str  # UTC ISO time the current failure began, "" while writing
    refused: int = 0  # rows refused alone and kept apart (on_refused), since the start


class Inbox:
    """What producers hand the writer: a deque (``append`` needs no lock under the GIL)
    and a condition the writer waits on only when it has nothing to do. ``queue.Queue``
    took a lock and notified a condition at every put and get: some 2 µs per event, on
    the GIL the writer shares with the producers."""

    def __init__(self) -> None:
        self._items: deque[Any] = deque()
        self._ready = threading.Condition(threading.Lock())
        self._waiting = False  # the writer is (about to be) asleep: wake it

    def put(self, item: Any) -> None:
        self._items.append(item)
        if self._waiting:  # read after the append: a writer that checked before sleeps
            with self._ready:  # ... only once it released this lock, so it is woken
                self._ready.notify()

    def get(self, timeout: float | None = None) -> Any:
        """The oldest item, waiting up to ``timeout`` s (None: for ever); ``queue.Empty``."""
        items = self._items
        if items:
            return items.popleft()
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._ready:
            self._waiting = True
            try:
                while not items:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        raise queue.Empty
                    self._ready.wait(left)
                return items.popleft()
            finally:
                self._waiting = False

    def get_nowait(self) -> Any:
        try:
            return self._items.popleft()
        except IndexError:
            raise queue.Empty from None


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
    MAX_BATCH = 5000  # rows per transaction: fewer index pages written per row
    RETRY_EVERY = 1.0  # seconds between attempts to write rows held in memory
    MAX_HELD_BYTES = 32 << 20  # memory for rows the file would not take (~10,000 events)
    HEALTH_EVERY = 0.25  # at most this often a "still failing" report with new counts

    def __init__(
        self,
        connect: Callable[[], sqlite3.Connection],
        write_batch: Callable[[sqlite3.Connection, list[Pending]], Any],
        on_committed: Callable[[Any], None],
        name: str = "event-store-writer",
        *,
        on_health: Callable[[WriterHealth], None] | None = None,
        on_lost: Callable[[list[Pending]], None] | None = None,
        on_end: Callable[[bool], None] | None = None,
        on_refused: Callable[[Pending, BaseException], None] | None = None,
    ) -> None:
        self._connect = connect
        self._write_batch = write_batch
        self._on_committed = on_committed
        self._on_health = on_health
        self._on_lost = on_lost
        self._on_end = on_end  # told after each batch transaction: committed or not
        self._on_refused = on_refused  # a row refused alone (not the file's fault)
        self._queue = Inbox()
        # The inbox's own put: a method of this class around it was one more frame per
        # event on the producer's thread.
        self.put: Callable[[Pending], None] = self._queue.put
        self._thread = threading.Thread(target=self._run, name=name, daemon=False)
        self._ready = threading.Event()
        self._error: BaseException | None = None
        # Rows the file refused, oldest first (only the writer thread touches these).
        self._held: list[Pending] = []
        self._held_bytes = 0
        self._lost = 0
        self._refused_rows = 0
        self._failure = ""
        self._since = ""
        self._next_retry = 0.0
        self._last_report = 0.0
        self.health = WriterHealth(True, 0, 0, "", "")  # the latest report (any thread)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(5)
        if self._error is not None:
            raise self._error

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def holding(self) -> int:
        """Rows the file refused, waiting in memory (exact on the writer thread)."""
        return len(self._held)

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
            try:
                item = self._queue.get(timeout=self._retry_wait())
            except queue.Empty:
                self._retry(conn)
                continue
            batch: list[Pending] = []
            stop = False
            deadline = time.monotonic() + self.LINGER
            while True:
                if item is _STOP:
                    stop = True
                elif isinstance(item, _Call):
                    self._commit(conn, batch)  # calls see every event queued before them
                    batch = []
                    self._retry(conn, force=True)  # e.g. flush(): try the held rows now
                    self._run_call(conn, item)
                else:
                    batch.append(item)
                if stop or len(batch) >= self.MAX_BATCH:
                    break
                try:  # what is already there, at once; then wait out the linger
                    item = self._queue.get_nowait()
                except queue.Empty:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    try:
                        item = self._queue.get(timeout=remaining)
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
        self._retry(conn, force=True)
        if self._held:  # closing while the file still refuses them: say how many are gone
            log.error("event store closing: %d events could not be written and are lost",
                      len(self._held))
            self._lose(self._held)
            self._held, self._held_bytes = [], 0
            self._report(force=True)

    def _commit(self, conn: sqlite3.Connection, batch: list[Pending]) -> None:
        if not batch:
            return
        if self._held:  # arrival order: new rows wait behind those the file refused
            self._hold(batch)
            self._retry(conn)
            return
        try:
            result = self._transaction(conn, batch)
        except Exception as exc:
            if cannot_write(exc):
                self._hold(batch, report=False)
                self._failed(exc)
            elif len(batch) > 1:
                # One bad row must not take its batch with it: write them one by one.
                log.warning("event store batch of %d failed; writing singly", len(batch))
                for item in batch:
                    self._commit(conn, [item])
            else:
                self._refused(batch[0], exc)
            return
        self._announce(result)

    def _refused(self, item: Pending, exc: BaseException) -> None:
        """A row the file took no fault in refusing (a value it cannot hold: a bug of
        ours), alone: handed to ``on_refused`` to be kept apart, never silently dropped."""
        log.error("event store could not write event %r: %s", item.values, exc)
        self._refused_rows += 1
        if self._on_refused is not None:
            try:
                self._on_refused(item, exc)
            except Exception:
                log.exception("event store could not keep the refused event apart")
        self._report(force=True)

    def _announce(self, result: Any) -> None:
        try:
            self._on_committed(result)
        except Exception:
            log.exception("event store commit callback failed")

    # -- rows the file refused -------------------------------------------------------------

    def _retry_wait(self) -> float | None:
        if not self._held:
            return None
        return max(0.0, self._next_retry - time.monotonic())

    def _hold(self, batch: list[Pending], report: bool = True) -> None:
        lost: list[Pending] = []
        for item in batch:
            size = _size(item)
            if self._held_bytes + size > self.MAX_HELD_BYTES:
                lost.append(item)
            else:
                self._held.append(item)
                self._held_bytes += size
        if lost:
            self._lose(lost)
        if report:
            self._report()

    def _lose(self, items: list[Pending]) -> None:
        self._lost += len(items)
        log.error("event store: %d events lost (memory for unwritten events is full); "
                  "%d lost so far", len(items), self._lost)
        if self._on_lost is not None:
            try:
                self._on_lost(items)
            except Exception:
                log.exception("event store lost-rows callback failed")

    def _failed(self, exc: BaseException) -> None:
        self._next_retry = time.monotonic() + self.RETRY_EVERY
        first = not self._failure
        self._failure = f"{type(exc).__name__}: {exc}"
        if first:
            self._since = datetime.now(UTC).isoformat(timespec="seconds")
            log.error("event store cannot write (%s): keeping events in memory and retrying",
                      self._failure)
        self._report(force=first)

    def _retry(self, conn: sqlite3.Connection, force: bool = False) -> None:
        """Write the held rows, oldest first, when a retry is due (or ``force``)."""
        if not self._held or (not force and time.monotonic() < self._next_retry):
            return
        while self._held:
            chunk = self._held[: self.MAX_BATCH]
            try:
                result = self._transaction(conn, chunk)
            except Exception as exc:
                if cannot_write(exc):
                    self._failed(exc)
                    self._report(force=True)  # fresh counts at every attempt
                    return
                for i, item in enumerate(chunk):  # a bad row among them: the rest go in
                    try:
                        self._announce(self._transaction(conn, [item]))
                    except Exception as single:
                        if cannot_write(single):
                            self._forget_held(i)
                            self._failed(single)
                            return
                        self._refused(item, single)
            else:
                self._announce(result)
            self._forget_held(len(chunk))
        log.info("event store writing again (%d events lost meanwhile)", self._lost)
        self._failure = self._since = ""
        self._report(force=True)

    def _forget_held(self, count: int) -> None:
        """Drop the first ``count`` held rows (written, or written around)."""
        self._held_bytes -= sum(_size(item) for item in self._held[:count])
        del self._held[:count]

    def _report(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_report < self.HEALTH_EVERY:
            return
        self._last_report = now
        self.health = WriterHealth(not self._failure, len(self._held), self._lost,
                                   self._failure, self._since, self._refused_rows)
        if self._on_health is not None:
            try:
                self._on_health(self.health)
            except Exception:
                log.exception("event store health callback failed")

    def _transaction(self, conn: sqlite3.Connection, batch: list[Pending]) -> Any:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = self._write_batch(conn, batch)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if self._on_end is not None:
                self._on_end(False)
            raise
        if self._on_end is not None:
            self._on_end(True)
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
