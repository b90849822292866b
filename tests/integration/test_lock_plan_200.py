"""A 200-door plan through the real stack: interrupted mid-door (the laptop "crashes":
the runtime is torn down and the plan file is abandoned unclosed), resumed with a new
runtime and a fresh PlanStore on the same file, and finished, with the failing doors
marked with their reasons."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

from app.devices.locks.advert import format_mac
from app.devices.locks.plan import PlanDoor, PlanStore
from app.devices.locks.sim.site import numbered_doors
from app.runtime import Runtime
from app.settings import MemorySecretStore
from tests.lock_support import SimSite, make_service

DOORS = numbered_doors(200)
CRASH_AT = 90


def commission_all(service, limit: int | None = None) -> int:  # type: ignore[no-untyped-def]
    count = 0
    while limit is None or count < limit:
        door = service.plan.next_door()
        if door is None:
            break
        result = service.run("commission", room=door.room).result(60)
        assert result.outcome in ("done", "revisit", "failed"), result.to_dict()
        count += 1
    return count


def test_a_200_door_plan_survives_a_crash_and_resumes(tmp_path: Path) -> None:
    sim = SimSite(DOORS)
    plan_path = tmp_path / "plan.sqlite"
    secrets = MemorySecretStore()  # the OS keyring: it outlives the crashed process
    by_room = {room: mac for room, mac, _ in DOORS}
    sim.site.inject(by_room["009-02-0203"], "out_of_battery")  # index 22: TTLock
    sim.site.inject(by_room["009-03-0305"], "low_battery")  # index 44
    sim.site.inject(by_room["009-08-0801"], "wrong_key_garbled")  # index 140: TTLock
    try:
        runtime = Runtime().start()
        service = make_service(runtime, sim.address, secrets=secrets, plan_path=plan_path)
        service.plan.import_doors(PlanDoor(room, format_mac(mac)) for room, mac, _ in DOORS)
        assert commission_all(service, CRASH_AT) == CRASH_AT
        assert service.plan.summary().finished == CRASH_AT
        # The crash: a door is mid-flight when everything stops.
        crashing = service.plan.next_door()
        sim.site.inject(by_room[crashing.room], "no_reply", 1, after=3)  # hangs at 34
        slow_service = make_service(runtime, sim.address, secrets=secrets,
                                    plan_path=plan_path)
        slow_service.config.timings = slow_service.config.timings.__class__(
            0.5, 30.0, 1, (), 5.0)
        future = slow_service.run("commission", room=crashing.room)
        _until_used(sim, by_room[crashing.room])
        assert runtime.shutdown()
        assert future.cancelled() or isinstance(future.exception(5), BaseException)
        # Resume: a new process opens the same plan file.
        runtime = Runtime().start()
        resumed = make_service(runtime, sim.address, secrets=secrets, plan_path=plan_path)
        assert resumed.plan.next_door().room == crashing.room
        assert resumed.plan.door(crashing.room).status == "todo"
        done_after = commission_all(resumed)
        assert done_after == 200 - CRASH_AT
        summary = resumed.plan.summary()
        assert (summary.total, summary.finished, summary.todo) == (200, 200, 0)
        failed = {d.room: d.reason for d in resumed.plan.doors("failed")}
        assert failed == {"009-02-0203": "ttlock-0A", "009-08-0801": "ttlock-key-invalid"}
        revisit = {d.room: d.reason for d in resumed.plan.doors("revisit")}
        assert revisit == {"009-03-0305": "low-battery"}
        assert "initialise" in {s["step"] for s in
                                resumed.plan.results_for(crashing.room)[-1]["steps"]}
        lock = sim.site.get(by_room[crashing.room])
        assert not lock.in_setting_mode and lock.openings == 1
        assert runtime.shutdown()
    finally:
        sim.stop()


def _until_used(sim: SimSite, mac: str) -> None:
    import time

    deadline = time.monotonic() + 10
    while "no_reply" in sim.site.get(mac).faults:
        assert time.monotonic() < deadline, "the crashing door never reached its hang"
        time.sleep(0.01)


def test_plan_store_handles_concurrent_readers(tmp_path: Path) -> None:
    with PlanStore(tmp_path / "plan.sqlite") as plan:
        plan.import_doors(PlanDoor(room, format_mac(mac)) for room, mac, _ in DOORS[:50])
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            sums = list(pool.map(lambda _i: plan.summary().total, range(20)))
        assert sums == [50] * 20
