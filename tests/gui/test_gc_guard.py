"""Qt objects left in reference cycles are destroyed on the Qt thread, not on whichever
worker thread happens to trigger Python's garbage collector."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt

from ui.gc_guard import QtThreadGarbageCollector


class Cyclic(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cyclic collector can free it
        self.destroyed.connect(lambda: log.append(threading.current_thread().name),
                               Qt.ConnectionType.DirectConnection)


def churn() -> None:
    """What a busy worker does: allocate many cyclic objects (asyncio, parsers...)."""
    for _ in range(200_000):
        a: list = []
        a.append(a)


def make_garbage(log: list[str]) -> None:
    Cyclic(log)  # unreachable at once, but alive until the collector runs


class CyclicPlain:
    """A plain Python object in a cycle, telling which thread finalised it."""

    def __init__(self, log: list[str]) -> None:
        self.me = self
        self.log = log

    def __del__(self) -> None:
        self.log.append(threading.current_thread().name)


def test_without_the_guard_a_busy_worker_runs_the_collector():
    """The hazard the guard exists for, shown safely with a plain object: by default the
    cyclic collector runs on whichever thread allocates (a Qt object there would have
    its C++ destructor run on that worker)."""
    log: list[str] = []
    assert gc.isenabled()
    gc.collect()
    CyclicPlain(log)
    worker = threading.Thread(target=churn, name="busy-worker")
    worker.start()
    worker.join()
    assert log == ["busy-worker"]


def test_with_the_guard_the_qt_thread_destroys_them(qtbot):
    log: list[str] = []
    guard = QtThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        make_garbage(log)
        worker = threading.Thread(target=churn, name="busy-worker")
        worker.start()
        worker.join()
        assert log == []  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: log != [], timeout=3000)  # the timer's collection did
        assert log == [threading.main_thread().name]
    finally:
        guard.stop()
    assert gc.isenabled()


def test_collection_held_at_start_is_given_back_when_the_guard_stops():
    """``ui.prepare_start`` holds automatic collection until the desk's guard starts;
    the guard then collects on the Qt thread and gives collection back at its end."""
    from ui import gc_guard

    assert gc.isenabled()
    gc_guard.hold_until_guarded()
    try:
        assert not gc.isenabled()
        guard = QtThreadGarbageCollector()
        assert not gc.isenabled()
        guard.stop()
        assert gc.isenabled()  # as before the start, not as the guard found it
    finally:
        gc.enable()
        gc_guard._held_at_start = False
