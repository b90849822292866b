"""One thread per serial device: it owns the port and runs one job at a time.

Jobs are plain callables ``fn(ctx)``; everything that touches the port runs inside them,
so the port is only ever used from this thread. A running job is cancelled cooperatively
(``ctx.cancelled`` / ``ctx.check()``) and, to break a blocking read, through the
``interrupt`` hook the owner installs (for pyserial: ``port.cancel_read()`` or closing it).
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from app.domain.events import Progress
from app.runtime.bus import EventBus

log = logging.getLogger(__name__)
T = TypeVar("T")


class JobCancelled(Exception):
    """Raised inside a job when the user cancelled it (shown silently)."""


class JobContext:
    def __init__(self, job: str, source: str, bus: EventBus | None) -> None:
        self.job = job
        self.source = source
        self._bus = bus
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled(self.job)

    def progress(self, fraction: float, text: str = "") -> None:
        if self._bus is not None:
            self._bus.publish(Progress(self.source, job=self.job, fraction=fraction, text=text))

    def _request_cancel(self) -> None:
        self._cancel.set()


class JobFuture(concurrent.futures.Future[Any]):
    """A future whose :meth:`request_cancel` also reaches a job that already started."""

    def __init__(self, ctx: JobContext, owner: DeviceThread) -> None:
        super().__init__()
        self.ctx = ctx
        self._owner = owner

    def request_cancel(self) -> None:
        if self.cancel():
            return
        self.ctx._request_cancel()
        self._owner.interrupt()


_STOP = object()


class DeviceThread:
    def __init__(
        self,
        name: str,
        bus: EventBus | None = None,
        *,
        on_stop: Callable[[], None] | None = None,
    ) -> None:
        self.name = name
        self.bus = bus
        self._on_stop = on_stop
        self._queue: queue.Queue[Any] = queue.Queue()
        self._interrupt: Callable[[], None] | None = None
        self._current: JobFuture | None = None
        self._thread = threading.Thread(target=self._run, name=f"device-{name}", daemon=False)
        self._started = False

    def start(self) -> DeviceThread:
        if not self._started:
            self._started = True
            self._thread.start()
        return self

    def set_interrupt(self, hook: Callable[[], None] | None) -> None:
        """Install what breaks a blocking read on this device (called from any thread)."""
        self._interrupt = hook

    def interrupt(self) -> None:
        hook = self._interrupt
        if hook is not None:
            try:
                hook()
            except Exception:
                log.exception("interrupt hook of %s failed", self.name)

    def submit(self, fn: Callable[[JobContext], T], job: str = "job") -> JobFuture:
        if not self._started:
            self.start()
        ctx = JobContext(job, self.name, self.bus)
        fut = JobFuture(ctx, self)
        self._queue.put((fn, fut))
        return fut

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            fn, fut = item
            if not fut.set_running_or_notify_cancel():
                continue
            self._current = fut
            try:
                result = fn(fut.ctx)
            except BaseException as exc:  # handed to the waiting side, never swallowed
                fut.set_exception(exc)
            else:
                fut.set_result(result)
            finally:
                self._current = None
        if self._on_stop is not None:
            try:
                self._on_stop()
            except Exception:
                log.exception("on_stop of %s failed", self.name)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 1.5) -> bool:
        """Cancel queued and running jobs, run ``on_stop`` (close the port), join."""
        if not self._started:
            return True
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not _STOP:
                item[1].cancel()
        current = self._current
        if current is not None:
            current.request_cancel()
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("device thread %s did not stop within %.1fs", self.name, timeout)
            return False
        return True
