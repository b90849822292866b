"""The bridge: work finished on other threads reaches the Qt thread, in order, and a
closed bridge delivers nothing (the window it served is gone)."""

from __future__ import annotations

import concurrent.futures
import threading

from app.domain.events import ConnectionState, DeviceStateChanged
from app.runtime import EventBus
from ui.bridge import Bridge

THREADS, PER_THREAD = 4, 300


def state(n: int, device: str) -> DeviceStateChanged:
    state = ConnectionState.CONNECTED if n % 2 else ConnectionState.FAILED
    return DeviceStateChanged(device, kind="reader", state=state, detail=str(n))


def test_events_from_many_threads_arrive_on_the_qt_thread_in_order(qtbot):
    bus = EventBus()
    bridge = Bridge(bus)
    seen: list[tuple[str, int, bool]] = []
    bridge.event.connect(
        lambda e: seen.append((e.source, int(e.detail),
                               threading.current_thread() is threading.main_thread())))

    def publish(name: str) -> None:
        for n in range(PER_THREAD):
            bus.publish(state(n, name))

    workers = [threading.Thread(target=publish, args=(f"t{i}",)) for i in range(THREADS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    qtbot.waitUntil(lambda: len(seen) == THREADS * PER_THREAD, timeout=5000)
    assert all(on_qt for _, _, on_qt in seen)
    for i in range(THREADS):
        assert [n for d, n, _ in seen if d == f"t{i}"] == list(range(PER_THREAD))
    bridge.close()


def test_watched_futures_call_back_on_the_qt_thread(qtbot):
    bridge = Bridge(EventBus())
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []
    futures = [concurrent.futures.Future() for _ in range(50)]
    for f in futures:
        bridge.watch(f, lambda r: results.append(
            (r, threading.current_thread() is threading.main_thread())), errors.append)

    def finish() -> None:
        for n, f in enumerate(futures):
            if n == 7:
                f.set_exception(ValueError("seven"))
            else:
                f.set_result(n)

    t = threading.Thread(target=finish)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(results) + len(errors) == 50, timeout=5000)
    assert [r for r, _ in results] == [n for n in range(50) if n != 7]
    assert all(on_qt for _, on_qt in results)
    assert [str(e) for e in errors] == ["seven"]
    bridge.close()


def test_a_closed_bridge_delivers_nothing_and_publishers_do_not_notice(qtbot):
    bus = EventBus()
    bridge = Bridge(bus)
    seen: list[object] = []
    bridge.event.connect(seen.append)
    bus.publish(state(1, "before"))
    bridge.flush()
    assert len(seen) == 1
    late: concurrent.futures.Future = concurrent.futures.Future()
    called: list[object] = []
    bridge.watch(late, called.append, called.append)
    bridge.close()
    bridge.close()  # twice is harmless
    bus.publish(state(2, "after"))  # no subscriber left: nothing raised, nothing queued
    late.set_result("too late")  # the future's callback posts to a closed bridge
    qtbot.wait(50)
    assert len(seen) == 1 and called == []
