"""The runtime: the bus, the asyncio loop thread and the device threads, owned together.

Created once by the entry point (window or command) and passed down explicitly: there
is no global instance.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from app.runtime.bus import EventBus
from app.runtime.device_thread import DeviceThread
from app.runtime.loop_thread import LoopThread
from app.runtime.states import LatestStates

log = logging.getLogger(__name__)


class Runtime:
    SHUTDOWN_BUDGET = 2.0  # seconds, the whole orderly shutdown

    def __init__(self) -> None:
        self.bus = EventBus()
        self.states = LatestStates(self.bus)  # before anything can publish one
        self.loop = LoopThread()
        self._devices: dict[str, DeviceThread] = {}
        self._cleanups: list[Callable[[], object]] = []
        self._lock = threading.Lock()
        self._stopped = False

    def start(self) -> Runtime:
        self.loop.start()
        return self

    def device_thread(self, name: str, on_stop: Callable[[], None] | None = None) -> DeviceThread:
        """The device thread called ``name``, created (and started) on first use."""
        with self._lock:
            thread = self._devices.get(name)
            if thread is None or not thread.alive:
                thread = DeviceThread(name, self.bus, on_stop=on_stop).start()
                self._devices[name] = thread
            return thread

    def remove_device_thread(self, name: str, timeout: float = 1.0) -> None:
        with self._lock:
            thread = self._devices.pop(name, None)
        if thread is not None:
            thread.stop(timeout)

    def add_cleanup(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` at shutdown, before the threads stop (close servers, flush stores)."""
        self._cleanups.append(fn)

    def shutdown(self) -> bool:
        """Stop everything within :attr:`SHUTDOWN_BUDGET`. True when every thread ended."""
        if self._stopped:
            return True
        self._stopped = True
        deadline = time.monotonic() + self.SHUTDOWN_BUDGET
        for fn in reversed(self._cleanups):
            try:
                fn()
            except Exception:
                log.exception("cleanup %r failed", fn)
        ok = True
        with self._lock:
            devices = list(self._devices.values())
            self._devices.clear()
        for thread in devices:
            remaining = max(0.05, (deadline - time.monotonic()) / 2)
            ok = thread.stop(min(remaining, 1.0)) and ok
        ok = self.loop.stop(max(0.1, deadline - time.monotonic())) and ok
        self.bus.close()
        return ok
