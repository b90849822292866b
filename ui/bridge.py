"""The only place in ``ui/`` that deals with other threads.

- Bus events (published on device/loop threads) are re-emitted as the signal ``event``
  on the Qt thread.
- Finished futures (from the loop thread or a device thread) are delivered to callbacks
  on the Qt thread via :meth:`Bridge.watch`.

Why not simply emit a queued Qt signal from the worker thread: PySide6 (6.8 and later)
has known crashes when a signal carrying Python objects is emitted from a thread Qt did
not create, and CI saw rare segfaults of exactly that shape. So no PySide code ever runs
on a worker thread here: a worker puts the item on a thread-safe queue and writes one
byte to a socket pair (plain Python); a ``QSocketNotifier`` on the Qt thread wakes up and
drains the queue. Order is kept (one FIFO for events and results alike).
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

from app.domain.events import BusEvent
from app.runtime import EventBus, JobCancelled

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Finished:
    """A watched future and its callbacks, waiting in the queue."""

    __slots__ = ("future", "on_error", "on_result")

    def __init__(self, future: concurrent.futures.Future[Any],
                 on_result: ResultCallback | None, on_error: ErrorCallback | None) -> None:
        self.future = future
        self.on_result = on_result
        self.on_error = on_error


class Bridge(QObject):
    event = Signal(object)  # a BusEvent, always emitted on the Qt thread

    def __init__(self, bus: EventBus, on_error: ErrorCallback | None = None) -> None:
        super().__init__()
        self._bus = bus
        self.default_error = on_error or (lambda exc: log.error("unhandled: %r", exc))
        self._pending: queue.SimpleQueue[BusEvent | _Finished] = queue.SimpleQueue()
        self._closed = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._notifier = QSocketNotifier(self._wake_r.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)
        self._sub = bus.subscribe(self._on_bus_event)

    # -- any thread ------------------------------------------------------------------------

    def _post(self, item: BusEvent | _Finished) -> None:
        if self._closed:
            return
        self._pending.put(item)
        try:
            self._wake_w.send(b"\0")
        except (BlockingIOError, InterruptedError):
            pass  # the socket buffer is full of wake-ups already: the Qt thread will drain
        except OSError:
            pass  # closed while we posted: the window is gone, nobody is waiting

    def _on_bus_event(self, event: BusEvent) -> None:
        self._post(event)

    def watch(
        self,
        future: concurrent.futures.Future[Any],
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Call ``on_result``/``on_error`` on the Qt thread when ``future`` finishes.

        A cancelled job is silent; an error without ``on_error`` goes to the window's
        error reporter (friendly message for a KeyDeskError, logged traceback for a bug).
        """
        future.add_done_callback(lambda f: self._post(_Finished(f, on_result, on_error)))
        return future

    # -- Qt thread -------------------------------------------------------------------------

    @Slot()
    def _drain(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError, OSError):
            pass
        while not self._closed:
            try:
                item = self._pending.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Finished):
                self._dispatch(item)
            else:
                self.event.emit(item)

    def _dispatch(self, item: _Finished) -> None:
        future = item.future
        if future.cancelled():
            return
        exc = future.exception()
        if isinstance(exc, JobCancelled | concurrent.futures.CancelledError):
            return
        if exc is not None:
            (item.on_error or self.default_error)(exc)
            return
        if item.on_result is not None:
            try:
                item.on_result(future.result())
            except Exception as cb_exc:  # a bug in a page callback must not kill the window
                log.exception("result callback failed")
                self.default_error(cb_exc)

    def flush(self) -> None:
        """Deliver everything posted so far, now (used before closing and by tests)."""
        self._drain()

    def close(self) -> None:
        """Stop delivering: the window is going away. Safe to call twice."""
        if self._closed:
            return
        self._bus.unsubscribe(self._sub)
        self._closed = True
        self._notifier.setEnabled(False)
        self._wake_w.close()
        self._wake_r.close()
