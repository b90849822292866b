"""Benchmark: one door's commissioning against the protocol's minimum, and a 200-door plan.

1. One TTLock V3 door, commissioned through the whole stack (bleak's front classes, the
   simulated backend, the sim's socket), compared with the shortest exchange that can do
   every step of the issue once: connect, enable notifications, identify (model,
   hardware, firmware: 3 Device Information reads, cheaper than 3 × 0x90; the battery
   comes with 01), initialise (45 19 56 43 01 57), tie the room (64), read the clock
   before and after (34 34, the set is the initialisation's 43), open (55 47), read the
   log (one 25).
   Round trips are GATT requests that wait for the peer (each 20-byte chunk written with
   response, each read, the connect and the notification enable); modelled time prices
   them with a 30 ms connection interval (a request and its response: 2 intervals), a
   notified reply at 1 interval per chunk, and 1 s per connection. Goal: ≤ 1.10×.
   The standard-GATT and cloud-token doors are shown too.
2. A 200-door plan: memory (tracemalloc) after 50 and after 200 doors ("flat": the growth
   per door does not grow), and the site report (CSV + HTML) written in under a second.

    python bench/locks/run.py
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.devices.locks import crypto
from app.devices.locks.advert import format_mac
from app.devices.locks.plan import PlanDoor
from app.devices.locks.profiles import profile_by_id
from app.devices.locks.report import write_report
from app.devices.locks.sim.site import numbered_doors
from app.devices.locks.ttlock import commands as c
from app.devices.locks.ttlock import frames
from app.runtime import Runtime
from tests.lock_support import THREE_DOORS, SimSite, make_service

GOAL = 1.10
INTERVAL = 0.030  # seconds: a typical BLE connection interval for a lock
CONNECT = 1.0  # seconds to set up a link (advertising interval + connection setup)


def chunks_of(cmd: int, data: bytes, key: bytes) -> int:
    body = crypto.encrypt(key, data)
    return math.ceil(len(frames.encode((5, 3, 2, 1, 1), cmd, body)) / 20)


def reply_chunks(data_len: int) -> int:
    return math.ceil((12 + (data_len // 16 + 1) * 16 + 3) / 20)


def ttlock_minimum() -> dict[str, float]:
    """The shortest exchange for every step of a TTLock door once."""
    key = bytes(16)
    vendor = b"SCIENER"
    reads = 3  # Device Information: model, hardware, firmware
    sends = [  # (command, request data, reply data length)
        (c.INITIALISE, b"", 0), (c.GET_AES_KEY, vendor, 16),
        (c.ADD_ADMIN, c.add_admin(1, 1, "SCIENER"), 7), (c.READ_CLOCK, b"", 6),
        (c.SET_CLOCK, bytes(6), 0), (c.FEATURES, b"", 5), (c.INIT_FINISHED, b"", 0),
        (c.HOTEL_DATA, c.hotel_set(1, 1, 1), 0), (c.READ_CLOCK, b"", 6),
        (c.CHECK_USER_TIME, bytes(17), 4), (c.UNLOCK, bytes(8), 15), (c.READ_LOG, b"\xff\xff", 22),
    ]
    writes = sum(chunks_of(cmd, data + b"xx", key) for cmd, data, _ in sends)
    replies = sum(reply_chunks(n + 2) for _, _, n in sends)
    round_trips = 2 + reads + writes  # connect + notify enable + reads + chunks written
    return {"round_trips": round_trips, "commands": len(sends),
            "seconds": CONNECT + (round_trips - 1) * 2 * INTERVAL + replies * INTERVAL}


def modelled(result, chunks_in: int) -> float:  # type: ignore[no-untyped-def]
    return CONNECT + (result.round_trips - 1) * 2 * INTERVAL + chunks_in * INTERVAL


def one_door() -> None:
    sim = SimSite(THREE_DOORS)
    runtime = Runtime().start()
    try:
        service = make_service(runtime, sim.address)
        rows = []
        for _room, mac, family in THREE_DOORS:
            result = service.run("commission", room=None, mac=mac).result(30)
            assert result.outcome == "done", result.to_dict()
            rows.append((family, result))
        minimum = ttlock_minimum()
        family, tt = rows[0]
        measured_s = modelled(tt, tt.chunks_in)
        print("One door (commission), measured through bleak vs the protocol minimum")
        print(f"  {'':22}{'measured':>10}{'minimum':>10}{'ratio':>8}")
        rt_ratio = tt.round_trips / minimum["round_trips"]
        s_ratio = measured_s / minimum["seconds"]
        print(f"  {'TTLock round trips':22}{tt.round_trips:>10}{minimum['round_trips']:>10.0f}"
              f"{rt_ratio:>7.2f}×")
        print(f"  {'TTLock commands':22}{tt.commands:>10}{minimum['commands']:>10.0f}"
              f"{tt.commands / minimum['commands']:>7.2f}×")
        print(f"  {'TTLock modelled time':22}{measured_s:>9.2f}s{minimum['seconds']:>9.2f}s"
              f"{s_ratio:>7.2f}×")
        for family, r in rows[1:]:
            print(f"  {family:22}{r.round_trips:>10} round trips, {r.commands} commands")
        ok = rt_ratio <= GOAL and s_ratio <= GOAL
        print(f"  goal ≤ {GOAL:.2f}×: {'met' if ok else 'NOT met'}")
    finally:
        runtime.shutdown()
        sim.stop()


def plan_200() -> None:
    doors = numbered_doors(200)
    sim = SimSite(doors)
    runtime = Runtime().start()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            service = make_service(runtime, sim.address, plan_path=Path(tmp) / "plan.sqlite")
            service.plan.import_doors(PlanDoor(r, format_mac(m)) for r, m, _ in doors)
            tracemalloc.start()
            marks = {}
            started = time.perf_counter()
            for n in range(1, 201):
                door = service.plan.next_door()
                service.run("commission", room=door.room).result(60)
                if n in (50, 200):
                    marks[n] = tracemalloc.get_traced_memory()[0]
            plan_seconds = time.perf_counter() - started
            tracemalloc.stop()
            t0 = time.perf_counter()
            info = write_report(service.plan, Path(tmp) / "report", site="bench")
            report_seconds = time.perf_counter() - t0
            s = service.plan.summary()
            per_door_first = marks[50] / 50
            growth = (marks[200] - marks[50]) / 150
            print("200-door plan")
            print(f"  {s.finished} of {s.total} doors in {plan_seconds:.1f} s "
                  f"({plan_seconds / 200 * 1000:.0f} ms a door on the simulator)")
            print(f"  memory after 50 doors {marks[50] / 1024:.0f} KiB, after 200 "
                  f"{marks[200] / 1024:.0f} KiB: {growth / 1024:.1f} KiB a door after the "
                  f"first 50 (vs {per_door_first / 1024:.1f} KiB a door before): "
                  f"{'flat' if growth <= per_door_first * 1.5 + 2048 else 'GROWING'}")
            size = Path(info["html"]).stat().st_size + Path(info["csv"]).stat().st_size
            print(f"  site report (CSV + HTML, {size / 1024:.0f} KiB) written in "
                  f"{report_seconds * 1000:.0f} ms: goal < 1 s "
                  f"{'met' if report_seconds < 1 else 'NOT met'}")
        finally:
            runtime.shutdown()
            sim.stop()


if __name__ == "__main__":
    _ = profile_by_id("ttlock-v3")
    one_door()
    plan_200()
