"""The bridge: work finished on other threads reaches the Qt thread, in order, and a
closed bridge delivers nothing (the window it served is gone)."""

from __future__ import annotations

import concurrent.futures
import threading

from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged
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
    bridge.subscribe(
        lambda e: seen.append((e.source, int(e.detail),
                               threading.current_thread() is threading.main_thread())),
        DeviceStateChanged)

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
    bridge.subscribe(seen.append, DeviceStateChanged)
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


def test_only_the_event_types_asked_for_cross_to_the_qt_thread(qtbot):
    bus = EventBus()
    bridge = Bridge(bus)
    states: list[object] = []
    lobby: list[object] = []
    bridge.subscribe(states.append, DeviceStateChanged)
    bridge.subscribe(lobby.append, DeviceEvent, where=lambda e: e.source == "Lobby")
    for n in range(100):
        bus.publish(DeviceEvent("Staff door", kind="reader", code="AccessControl"))
        bus.publish(DeviceEvent("Lobby", kind="reader", code=str(n)))
    bus.publish(state(1, "Lobby"))
    # Nothing is delivered before the Qt thread drains; then exactly what was asked for,
    # and the other 100 events never entered the queue.
    assert states == [] and lobby == []
    assert bridge._pending.qsize() == 101
    bridge.flush()
    assert [e.code for e in lobby] == [str(n) for n in range(100)]
    assert [e.source for e in states] == ["Lobby"]
    bridge.close()


def test_unsubscribed_or_destroyed_owners_get_nothing_more(qtbot):
    from PySide6.QtCore import QObject

    bus = EventBus()
    bridge = Bridge(bus)
    owner = QObject()
    by_owner: list[object] = []
    by_handle: list[object] = []
    bridge.subscribe(by_owner.append, DeviceStateChanged, owner=owner)
    handle = bridge.subscribe(by_handle.append, DeviceStateChanged)
    bus.publish(state(1, "queued"))  # queued for both, not yet delivered
    bridge.unsubscribe(handle)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not bridge._subs, timeout=2000)  # owner gone: unsubscribed
    bus.publish(state(2, "after"))
    bridge.flush()
    assert by_handle == []  # what was queued before unsubscribe is dropped too
    assert "after" not in [e.source for e in by_owner]
    assert bridge._pending.qsize() == 0
    bridge.close()


def test_a_failing_handler_is_reported_and_the_others_still_run(qtbot):
    bus = EventBus()
    reported: list[BaseException] = []
    bridge = Bridge(bus, on_error=reported.append)
    seen: list[object] = []

    def broken(_event: object) -> None:
        raise ValueError("page bug")

    bridge.subscribe(broken, DeviceStateChanged)
    bridge.subscribe(seen.append, DeviceStateChanged)
    bus.publish(state(1, "x"))
    bridge.flush()
    assert [str(e) for e in reported] == ["page bug"] and len(seen) == 1
    bridge.close()
