"""One asyncio event loop, always running, in a named background thread.

bleak and httpx want a single long-lived loop (never ``asyncio.run`` per call); other
threads hand coroutines over with :meth:`LoopThread.submit` and keep the returned
``concurrent.futures.Future`` to wait on or cancel.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class LoopThread:
    def __init__(self, name: str = "keydesk-asyncio") -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop_lock = threading.Lock()
        self._stopping = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("loop thread not started")
        return self._loop

    def start(self) -> LoopThread:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=False)
        self._thread.start()
        self._ready.wait(5)
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        loop.set_exception_handler(log_unhandled)
        self._loop = loop
        asyncio.set_event_loop(loop)
        loop.call_soon(self._ready.set)
        try:
            loop.run_forever()
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` on the loop; cancelling the returned future cancels the task."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Blocking helper for headless commands and tests (never from the Qt thread)."""
        return self.submit(coro).result(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 1.5) -> bool:
        """Cancel every task, stop the loop, join the thread. True when it ended in time."""
        if self._thread is None or self._loop is None:
            return True
        loop = self._loop
        with self._stop_lock:  # a second stop() only joins: stopping twice would cut
            first = not self._stopping  # the loop's own clean-up short
            self._stopping = True
        if first and loop.is_running():
            fut = asyncio.run_coroutine_threadsafe(_cancel_all(), loop)
            try:
                fut.result(timeout / 2)
            except (concurrent.futures.TimeoutError, concurrent.futures.CancelledError):
                log.warning("tasks did not finish cancelling in time")
            except Exception:
                log.exception("error while cancelling tasks")
            loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout / 2)
        alive = self._thread.is_alive()
        if alive:
            log.error("asyncio loop thread did not stop within %.1fs", timeout)
        return not alive


def log_unhandled(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """The loop's exception handler: an error nobody awaited (a fire-and-forget task, a
    callback) is a bug, logged with its traceback in the log file instead of going to
    stderr, where the windowed app has nobody to read it (as Electrum does)."""
    exc = context.get("exception")
    message = context.get("message", "unhandled error on the asyncio loop")
    where = context.get("task") or context.get("future") or context.get("handle")
    if exc is not None:
        log.error("%s (%r)", message, where, exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.error("%s (%r)", message, where)


async def _cancel_all() -> None:
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=0.5)
