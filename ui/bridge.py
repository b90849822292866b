"""The only place in ``ui/`` that deals with other threads.

- Bus events (published on device/loop threads) become the queued signal ``event``.
- Finished futures (from the loop thread or a device thread) are delivered to callbacks
  on the Qt thread via :meth:`Bridge.watch`.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.domain.events import BusEvent
from app.runtime import EventBus, JobCancelled

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class Bridge(QObject):
    event = Signal(object)  # a BusEvent, always delivered on the Qt thread
    _finished = Signal(object, object, object)  # future, on_result, on_error

    def __init__(self, bus: EventBus, on_error: ErrorCallback | None = None) -> None:
        super().__init__()
        self._bus = bus
        self.default_error = on_error or (lambda exc: log.error("unhandled: %r", exc))
        # Queued explicitly: the emitting thread is never the Qt thread.
        self._finished.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._sub = bus.subscribe(self._on_bus_event)

    def _on_bus_event(self, event: BusEvent) -> None:
        self.event.emit(event)

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
        future.add_done_callback(lambda f: self._finished.emit(f, on_result, on_error))
        return future

    @Slot(object, object, object)
    def _dispatch(self, future: Any, on_result: Any, on_error: Any) -> None:
        if future.cancelled():
            return
        exc = future.exception()
        if isinstance(exc, JobCancelled | concurrent.futures.CancelledError):
            return
        if exc is not None:
            (on_error or self.default_error)(exc)
            return
        if on_result is not None:
            try:
                on_result(future.result())
            except Exception as cb_exc:  # a bug in a page callback must not kill the window
                log.exception("result callback failed")
                self.default_error(cb_exc)

    def close(self) -> None:
        self._bus.unsubscribe(self._sub)
