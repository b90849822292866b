"""Monitor page under load: 1,000 reader events/s into the window (offscreen).

Path measured: producer thread -> runtime bus -> event store (batched commit) ->
``StoredEvents`` -> bridge -> Monitor page buffer -> 100 ms drain into the table model.
Printed: p50/p99/max event-to-row latency (from the moment the event is published to
the moment its row is in the model), the longest UI-thread stall (the largest lateness
of a 5 ms heartbeat timer on the Qt thread), and each against its goal.

    .venv/bin/python bench/monitor/run.py              # 60 s at 1,000/s
    .venv/bin/python bench/monitor/run.py --seconds 5  # a quick run
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

GOAL_P99_MS = 100.0
GOAL_STALL_MS = 50.0


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--rate", type=int, default=1000, help="events per second")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KEYDESK_HOME"] = tempfile.mkdtemp(prefix="keydesk-bench-")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.domain.events import DeviceEvent
    from ui.application import KeyDeskSession, ensure_qapp

    app = ensure_qapp(offscreen=True)
    session = KeyDeskSession(demo=True)
    session.window.resize(1200, 780)
    session.window.show()
    page = session.window.show_page("monitor")
    page.banner._beep = lambda: None
    bus = session.runtime.bus

    latencies: list[float] = []
    rows_seen = 0

    def drained(batch, now: float) -> None:
        nonlocal rows_seen
        for e in batch:
            sent = e.payload.get("bench_t")
            if sent is not None:
                latencies.append(now - sent)
                rows_seen += 1

    page.table.on_drained = drained

    # The Qt thread's heartbeat: how late each 5 ms tick fires is how long it was busy.
    stall = {"max": 0.0, "ticks": 0}
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gap = (now - last[0]) / 1e6 - 5.0
        last[0] = now
        if measuring.is_set():
            stall["max"] = max(stall["max"], gap)
            stall["ticks"] += 1

    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    total = int(args.seconds * args.rate)
    sent = 0
    measuring = threading.Event()

    def produce() -> None:
        nonlocal sent
        time.sleep(0.5)  # let the window settle
        measuring.set()
        start = time.monotonic()
        while sent < total:
            due = min(total, int((time.monotonic() - start) * args.rate))
            while sent < due:
                n = sent
                granted = n % 5 != 0
                bus.publish(DeviceEvent(
                    "bench-reader", kind="reader", code="AccessControl",
                    payload={
                        "device": "bench-reader", "time": None, "card": f"{n:08X}",
                        "user": str(n % 300), "user_name": "Bench Guest", "method": 1,
                        "error_code": 0 if granted else 20, "granted": granted,
                        "door": n % 2, "direction": "entry", "record_no": n,
                        "dedupe_key": f"bench-reader:rec:{n}", "bench_t": time.monotonic(),
                    },
                    raw=f"Code=AccessControl;action=Pulse;index=0;data={{\"RecNo\": {n}}}",
                ))
                sent += 1
            time.sleep(0.002)

    producer = threading.Thread(target=produce, name="bench-producer")
    producer.start()

    def check_done() -> None:
        if not producer.is_alive() and (rows_seen >= total or time.monotonic() > give_up[0]):
            app.quit()
        elif not producer.is_alive() and give_up[0] == float("inf"):
            give_up[0] = time.monotonic() + 5.0

    give_up = [float("inf")]
    done_timer = QTimer(interval=50)
    done_timer.timeout.connect(check_done)
    done_timer.start()
    wall = time.monotonic()
    app.exec()
    wall = time.monotonic() - wall
    measuring.clear()
    heartbeat.stop()
    done_timer.stop()
    producer.join(5)
    in_table = page.table.model.rowCount()
    page_store = page.store.path  # the demo's own store (a per-session data folder)
    ok = session.close()  # (Qt 6's quit() already closed the window and the page's store)
    from app.store.events import EventStore

    check = EventStore(page_store).start()
    stored = check.count(device="bench-reader")
    check.close()

    p50 = percentile(latencies, 50) * 1000
    p99 = percentile(latencies, 99) * 1000
    worst = max(latencies) * 1000 if latencies else float("nan")
    print(f"events published     {sent} in {args.seconds:.0f} s ({args.rate}/s), wall {wall:.1f} s")
    print(f"stored               {stored}   rows reached table {rows_seen}   "
          f"rows kept in memory {in_table} (cap {page.table.model.max_rows})")
    print(f"event-to-row latency p50 {p50:.1f} ms   p99 {p99:.1f} ms   max {worst:.1f} ms")
    print(f"  p99 vs goal        {p99:.1f} / {GOAL_P99_MS:.0f} ms = {p99 / GOAL_P99_MS:.2f}x "
          f"of budget {'OK' if p99 <= GOAL_P99_MS else 'MISSED'}")
    print(f"longest UI stall     {stall['max']:.1f} ms over {stall['ticks']} heartbeats")
    print(f"  stall vs goal      {stall['max']:.1f} / {GOAL_STALL_MS:.0f} ms = "
          f"{stall['max'] / GOAL_STALL_MS:.2f}x of budget "
          f"{'OK' if stall['max'] <= GOAL_STALL_MS else 'MISSED'}")
    if not ok:
        print("WARNING: some threads did not stop in time")
    lost = sent - stored
    if lost:
        print(f"LOST {lost} events between the bus and the store")
    return 0 if ok and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
