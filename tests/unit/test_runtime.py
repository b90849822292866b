from __future__ import annotations

import asyncio
import threading
import time

import pytest

from app.domain.events import (
    ConnectionState,
    DeviceEvent,
    DeviceForgotten,
    DeviceStateChanged,
    Progress,
)
from app.runtime import DeviceThread, EventBus, JobCancelled, LoopThread, Runtime
from tests.conftest import non_daemon_threads


def test_bus_delivers_by_type_and_survives_a_failing_subscriber():
    bus = EventBus()
    got: list[object] = []

    def broken(_e):
        raise ValueError("boom")

    bus.subscribe(broken)
    bus.subscribe(got.append, DeviceEvent)
    bus.publish(DeviceStateChanged("enc", kind="encoder", state=ConnectionState.CONNECTED))
    bus.publish(DeviceEvent("enc", kind="encoder", code="CardPlaced"))
    assert [type(e) for e in got] == [DeviceEvent]


def test_bus_publish_from_many_threads_loses_nothing():
    bus = EventBus()
    got: list[object] = []
    lock = threading.Lock()

    def collect(e):
        with lock:
            got.append(e)

    bus.subscribe(collect)
    threads = [
        threading.Thread(
            target=lambda n=n: [bus.publish(DeviceEvent(f"s{n}", kind="k", code=str(i)))
                                for i in range(500)]
        )
        for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 2000


def test_closed_bus_ignores_events():
    bus = EventBus()
    got: list[object] = []
    bus.subscribe(got.append)
    bus.close()
    bus.publish(DeviceEvent("x", kind="k", code="c"))
    assert got == []


def test_loop_thread_runs_coroutines_and_cancels():
    lt = LoopThread("test-loop").start()
    try:
        assert lt.run(asyncio.sleep(0, result=7), timeout=2) == 7
        assert any(t.name == "test-loop" for t in threading.enumerate())
        fut = lt.submit(asyncio.sleep(30))
        fut.cancel()
        time.sleep(0.05)
        assert fut.cancelled()
    finally:
        assert lt.stop(2)
    assert not any(t.name == "test-loop" for t in threading.enumerate())


def test_loop_stop_cancels_pending_tasks():
    lt = LoopThread().start()
    cancelled = threading.Event()

    async def forever():
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    lt.submit(forever())
    time.sleep(0.05)
    assert lt.stop(2)
    assert cancelled.is_set()


def test_device_thread_serialises_jobs_in_order():
    dt = DeviceThread("t").start()
    order: list[int] = []
    active = threading.Semaphore(1)

    def job(i):
        def run(_ctx):
            assert active.acquire(blocking=False), "two jobs ran at once"
            time.sleep(0.005)
            order.append(i)
            active.release()
            return i

        return run

    futs = [dt.submit(job(i)) for i in range(10)]
    assert [f.result(2) for f in futs] == list(range(10))
    assert order == list(range(10))
    assert dt.stop(1)


def test_device_thread_cancels_running_job_through_interrupt_and_flag():
    bus = EventBus()
    progress: list[Progress] = []
    bus.subscribe(progress.append, Progress)
    dt = DeviceThread("t", bus).start()
    interrupted = threading.Event()
    dt.set_interrupt(interrupted.set)
    started = threading.Event()

    def slow(ctx):
        started.set()
        for i in range(200):
            ctx.progress(i / 200, "working")
            ctx.check()
            time.sleep(0.01)
        return "done"

    fut = dt.submit(slow, "slow")
    assert started.wait(1)
    fut.request_cancel()
    with pytest.raises(JobCancelled):
        fut.result(2)
    assert interrupted.is_set()
    assert progress and progress[0].job == "slow"
    assert dt.stop(1)


def test_device_thread_job_errors_reach_the_caller():
    dt = DeviceThread("t").start()

    def bad(_ctx):
        raise OSError("port vanished")

    with pytest.raises(OSError, match="port vanished"):
        dt.submit(bad).result(2)
    assert dt.stop(1)


def test_runtime_shutdown_within_budget_and_leaves_no_thread():
    before = set(non_daemon_threads())
    rt = Runtime().start()
    rt.device_thread("enc1").submit(lambda ctx: time.sleep(0.01))
    blocker = threading.Event()
    rt.device_thread("enc2").submit(lambda ctx: [ctx.check() or blocker.wait(0.01)
                                                 for _ in range(10_000)])
    rt.loop.submit(asyncio.sleep(100))
    closed = []
    rt.add_cleanup(lambda: closed.append(True))
    start = time.monotonic()
    assert rt.shutdown()
    assert time.monotonic() - start < Runtime.SHUTDOWN_BUDGET + 0.2
    assert closed == [True]
    assert set(non_daemon_threads()) <= before


def test_demo_keeps_its_data_apart_and_fresh(keydesk_home):
    from app import paths
    from app.demo import start_demo

    real = paths.data_dir()
    seen = []
    for _ in range(2):
        rt = Runtime().start()
        env = start_demo(rt)
        seen.append(paths.data_dir())
        assert env.data_dir == paths.data_dir() != real
        assert env.data_dir.is_relative_to(real / "demo")
        assert rt.shutdown()
        assert paths.data_dir() == real
    assert seen[0] != seen[1]


def test_the_runtime_keeps_each_sources_latest_state_from_its_first_moment():
    runtime = Runtime()  # not started: a state told this early is kept as well
    bus = runtime.bus
    bus.publish(DeviceStateChanged("store", kind="store", state=ConnectionState.CONNECTING))
    bus.publish(DeviceStateChanged("lobby", kind="reader", state=ConnectionState.CONNECTING))
    bus.publish(DeviceStateChanged("store", kind="store", state=ConnectionState.CONNECTED,
                                   detail="reached"))
    bus.publish(DeviceStateChanged("garage", kind="reader", state=ConnectionState.FAILED))
    bus.publish(DeviceForgotten("garage", kind="reader"))
    latest = {e.source: (e.state, e.detail) for e in runtime.states.snapshot()}
    assert latest == {"store": (ConnectionState.CONNECTED, "reached"),
                      "lobby": (ConnectionState.CONNECTING, "")}
