"""The only place in ``ui/`` that deals with other threads.

- :meth:`Bridge.subscribe` delivers bus events of the types a widget asked for (and, with
  ``where``, only those it wants; tested on the publishing thread) to its callback on the
  Qt thread. Nothing else crosses: 1,000 reader events a second never reach a widget
  that only shows connection states.
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
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from app.domain.events import BusEvent
from app.runtime import EventBus, JobCancelled
from app.runtime.bus import Subscription

log = logging.getLogger(__name__)

E = TypeVar("E", bound=BusEvent)
ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Delivery:
    """A bus event for one subscriber, waiting in the queue."""

    __slots__ = ("event", "sub")

    def __init__(self, sub: UiSubscription, event: BusEvent) -> None:
        self.sub = sub
        self.event = event


class UiSubscription:
    """What :meth:`Bridge.subscribe` returns; pass it to :meth:`Bridge.unsubscribe`."""

    __slots__ = ("active", "bus_sub", "callback", "where")

    def __init__(self, callback: Callable[[Any], None],
                 where: Callable[[Any], bool] | None) -> None:
        self.callback = callback
        self.where = where
        self.active = True
        self.bus_sub: Subscription | None = None


class _Finished:
    """A watched future and its callbacks, waiting in the queue."""

    __slots__ = ("future", "on_cancel", "on_error", "on_result")

    def __init__(self, future: concurrent.futures.Future[Any],
                 on_result: ResultCallback | None, on_error: ErrorCallback | None,
                 on_cancel: Callable[[], None] | None) -> None:
        self.future = future
        self.on_result = on_result
        self.on_error = on_error
        self.on_cancel = on_cancel


class Bridge(QObject):
    def __init__(self, bus: EventBus, on_error: ErrorCallback | None = None) -> None:
        super().__init__()
        self._bus = bus
        self.default_error = on_error or (lambda exc: log.error("unhandled: %r", exc))
        self._pending: queue.SimpleQueue[_Delivery | _Finished] = queue.SimpleQueue()
        self._subs: list[UiSubscription] = []
        self._closed = False
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._notifier = QSocketNotifier(self._wake_r.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)

    # -- any thread ------------------------------------------------------------------------

    def _post(self, item: _Delivery | _Finished) -> None:
        if self._closed:
            return
        self._pending.put(item)
        try:
            self._wake_w.send(b"\0")
        except (BlockingIOError, InterruptedError):
            pass  # the socket buffer is full of wake-ups already: the Qt thread will drain
        except OSError:
            pass  # closed while we posted: the window is gone, nobody is waiting

    def subscribe(
        self,
        callback: Callable[[E], None],
        *types: type[E],
        where: Callable[[E], bool] | None = None,
        owner: QObject | None = None,
    ) -> UiSubscription:
        """Call ``callback(event)`` on the Qt thread for each bus event of ``types`` (for
        which ``where(event)``, asked on the publishing thread, is true). With ``owner``
        the subscription ends when that widget is destroyed. Call on the Qt thread."""
        if not types:
            raise TypeError("subscribe to the event types the widget shows, not to all")
        sub = UiSubscription(callback, where)

        def offer(event: BusEvent) -> None:
            if sub.active and (sub.where is None or sub.where(event)):
                self._post(_Delivery(sub, event))

        sub.bus_sub = self._bus.subscribe(offer, *types)
        self._subs.append(sub)
        if owner is not None:
            owner.destroyed.connect(lambda *_: self.unsubscribe(sub))
        return sub

    def unsubscribe(self, sub: UiSubscription) -> None:
        """No more deliveries to ``sub``, not even of events already queued."""
        sub.active = False
        if sub.bus_sub is not None:
            self._bus.unsubscribe(sub.bus_sub)
            sub.bus_sub = None
        if sub in self._subs:
            self._subs.remove(sub)

    def watch(
        self,
        future: concurrent.futures.Future[Any],
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> concurrent.futures.Future[Any]:
        """Call ``on_result``/``on_error`` on the Qt thread when ``future`` finishes.

        A future cancelled before it ran calls ``on_cancel`` (silent without it); a job
        cancelled while running ends in ``on_error`` with ``JobCancelled`` when one is given
        (silent without it). An error without ``on_error`` goes to the window's error
        reporter (friendly message for a KeyDeskError, logged traceback for a bug).
        """
        future.add_done_callback(
            lambda f: self._post(_Finished(f, on_result, on_error, on_cancel)))
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
            elif item.sub.active:
                self._deliver(item)

    def _deliver(self, item: _Delivery) -> None:
        try:
            item.sub.callback(item.event)
        except Exception as exc:  # a bug in a page's handler must not kill the window
            log.exception("event handler %r failed", item.sub.callback)
            self.default_error(exc)

    def _dispatch(self, item: _Finished) -> None:
        future = item.future
        if future.cancelled():
            if item.on_cancel is not None:
                item.on_cancel()
            return
        exc = future.exception()
        if isinstance(exc, JobCancelled | concurrent.futures.CancelledError):
            if item.on_error is not None and item.on_cancel is not None:
                item.on_error(exc)  # whoever asked about cancelling hears it
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
        for sub in list(self._subs):
            self.unsubscribe(sub)
        self._closed = True
        self._notifier.setEnabled(False)
        self._wake_w.close()
        self._wake_r.close()
