"""Commissioning through the real stack against the simulated site: every step idempotent,
secrets in the keyring the moment they exist, a half-finished initialisation found and
finished, Cancel leaving a told state, lock events stored by the event store."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import threading

import pytest

from app.devices.locks.keys import STAGE_ADMIN, STAGE_DONE, STAGE_KEY, secret_name
from app.devices.locks.plan import PlanDoor
from app.devices.locks.profiles import Timings
from app.domain.events import DeviceEvent
from app.settings import MemorySecretStore
from app.store.events import EventStore
from tests.lock_support import THREE_DOORS, TTLOCK_DOOR, SimSite, make_service

ROOM, MAC, _ = TTLOCK_DOOR
COLON = "C4:A8:28:00:11:01"


@pytest.fixture
def sim():
    s = SimSite(THREE_DOORS)
    yield s
    s.stop()


class RecordingSecrets(MemorySecretStore):
    """Remembers every stage written, in order (to see *when* secrets reached it)."""

    def __init__(self) -> None:
        super().__init__()
        self.stages: list[str] = []

    def set(self, name: str, value: str) -> None:
        super().set(name, value)
        if name.startswith("lock:"):
            self.stages.append(json.loads(value)["stage"])


def stage(secrets: MemorySecretStore) -> str | None:
    raw = secrets.get(secret_name(MAC))
    return json.loads(raw)["stage"] if raw else None


def test_commissioning_a_ttlock_door_runs_every_step(sim, runtime) -> None:
    secrets = RecordingSecrets()
    service = make_service(runtime, sim.address, secrets=secrets)
    result = service.run("commission", mac=MAC).result(30)
    assert result.outcome == "done", result.to_dict()
    assert [(s.name, s.status) for s in result.steps] == [
        ("connect", "done"), ("identify", "done"), ("initialise", "done"), ("room", "done"),
        ("clock", "done"), ("open", "done"), ("log", "done")]
    assert secrets.stages == [STAGE_KEY, STAGE_ADMIN, STAGE_DONE]
    lock = sim.site.get(MAC)
    assert not lock.in_setting_mode and lock.hotel == (1, 0, 0) and lock.openings == 1
    assert lock.key is not None and json.loads(secrets.get(secret_name(MAC)))["key"] == \
        lock.key.hex()
    assert abs(result.drift_after) <= 2 and result.drift_before is not None
    assert result.step("log").data["opening"]["record_id"] == result.step("open").data["record_id"]
    assert result.model == "K5" and result.firmware == "6.1.2"


def test_every_step_is_idempotent(sim, runtime) -> None:
    secrets = MemorySecretStore()
    service = make_service(runtime, sim.address, secrets=secrets)
    first = service.run("commission", mac=MAC).result(30)
    key_after_first = sim.site.get(MAC).key
    second = service.run("commission", mac=MAC).result(30)
    assert (first.outcome, second.outcome) == ("done", "done")
    assert "already initialised" in second.step("initialise").detail
    assert sim.site.get(MAC).key == key_after_first  # not initialised twice
    assert sim.site.get(MAC).hotel == (1, 0, 0) and sim.site.get(MAC).openings == 2


@pytest.mark.parametrize(("fault", "after", "expected"), [
    # dropped at 56: the lock has no admin yet
    ("disconnect_mid", 2, "initialised again from the start"),
    # dropped at 57: admin in, not finished
    ("disconnect_mid", 6, "finished a half-done initialisation"),
    # 57 done by the lock, its answer lost: the lock left setting mode
    ("no_reply", 6, "finished a half-done initialisation (the lock had completed it)"),
])
def test_a_half_finished_initialisation_is_found_and_finished(sim, runtime, fault, after,
                                                              expected) -> None:
    secrets = MemorySecretStore()
    service = make_service(runtime, sim.address, secrets=secrets)
    # Commands of an initialisation: 45, 19, 56, 34, 43, 01, 57. The fault hits number
    # after+1.
    sim.site.inject(MAC, fault, 1, after=after)
    broken = service.run("commission", mac=MAC).result(30)
    reason = "disconnected" if fault == "disconnect_mid" else "no-reply"
    assert (broken.outcome, broken.reason) == ("failed", reason)
    assert stage(secrets) == STAGE_ADMIN  # kept before the lock heard them
    assert sim.site.get(MAC).in_setting_mode == (fault == "disconnect_mid")
    assert "lock key kept in the keyring" in broken.lock_state
    fixed = service.run("commission", mac=MAC).result(30)
    assert fixed.outcome == "done", fixed.to_dict()
    assert fixed.step("initialise").detail == expected
    assert stage(secrets) == STAGE_DONE and not sim.site.get(MAC).in_setting_mode


def test_cancel_mid_door_leaves_a_told_state_and_the_plan_unchanged(sim, runtime,
                                                                     tmp_path) -> None:
    slow = Timings(connect_timeout=2.0, reply_timeout=30.0, connect_attempts=1, backoff=(),
                   idle_drop=60.0)
    service = make_service(runtime, sim.address, plan_path=tmp_path / "plan.sqlite",
                           timings=slow)
    service.plan.import_doors([PlanDoor(ROOM, COLON)])
    events: list[DeviceEvent] = []
    reached_clock = threading.Event()

    def seen(event: DeviceEvent) -> None:
        events.append(event)
        if event.code == "step.room.done":
            reached_clock.set()

    runtime.bus.subscribe(seen, DeviceEvent)
    # 7 commands initialise, 2 tie the room; the 10th (reading the clock) gets no answer.
    sim.site.inject(MAC, "no_reply", 1, after=9)
    future = service.run("commission", room=ROOM)
    assert reached_clock.wait(15)
    _until(lambda: "no_reply" not in sim.site.get(MAC).faults)  # the clock read is sent
    assert service.cancel()
    with pytest.raises(concurrent.futures.CancelledError):
        future.result(5)
    done = next(e for e in _wait_for(events, "door.cancelled"))
    assert "lock key kept in the keyring" in done.payload["lock_state"]
    assert "room tied" in done.payload["lock_state"]
    door = service.plan.door(ROOM)
    assert (door.status, door.attempts) == ("todo", 1)
    # The lock is usable: the next try finishes the door without re-initialising it.
    again = service.run("commission", room=ROOM).result(40)
    assert again.outcome == "done", [s.to_dict() for s in again.steps]
    assert "already" in again.step("initialise").detail


def _until(condition) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    asyncio.run(asyncio.wait_for(poll(), 10))


def _wait_for(events: list[DeviceEvent], code: str):  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not any(e.code == code for e in events):
            await asyncio.sleep(0.01)
    asyncio.run(asyncio.wait_for(poll(), 5))
    return (e for e in events if e.code == code)


def test_lock_events_reach_the_event_store(sim, runtime, tmp_path) -> None:
    store = EventStore(tmp_path / "events.sqlite").start()
    store.attach(runtime.bus)
    try:
        service = make_service(runtime, sim.address)
        result = service.run("commission", mac=MAC).result(30)
        assert result.outcome == "done"
        assert store.flush()
        rows = store.query(kind="lock", limit=None)
        codes = {r.code for r in rows}
        assert {"step.connect.done", "step.open.done", "door.done"} <= codes
        opened = next(r for r in rows if r.code == "step.open.done")
        assert opened.device == COLON and opened.granted is True and opened.user == "Tess"
    finally:
        store.close()


def test_scan_ranks_by_signal_and_matches_rooms(sim, runtime, tmp_path) -> None:
    service = make_service(runtime, sim.address, plan_path=tmp_path / "plan.sqlite")
    service.plan.import_doors([PlanDoor(ROOM, COLON)])
    sim.site.wake(MAC, float("inf"))  # "I am at this door": its signal is the strongest
    found = service.scan(0.5).result(10)
    assert found[0].mac == COLON
    assert found[0].room == ROOM and found[0].known and found[0].setting_mode
    others = {s.mac: s for s in found[1:]}
    assert others["C4:A8:28:00:11:03"].profile_id == "uclbrt-token"
    assert not others["C4:A8:28:00:11:03"].known  # not in this plan
    assert [s.rssi for s in found] == sorted((s.rssi for s in found), reverse=True)


def test_a_second_door_while_one_runs_is_refused(sim, runtime) -> None:
    slow = Timings(connect_timeout=2.0, reply_timeout=30.0, connect_attempts=1, backoff=(),
                   idle_drop=60.0)
    service = make_service(runtime, sim.address, timings=slow)
    sim.site.inject(MAC, "no_reply", 1)
    first = service.run("info", mac=MAC)
    second = service.run("info", mac="C4A828001103")
    with pytest.raises(Exception) as info:
        second.result(5)
    assert getattr(info.value, "code", "") == "busy"
    service.cancel()
    with pytest.raises(concurrent.futures.CancelledError):
        first.result(5)


def test_cloud_refusals_become_the_lock_domain_s_explanations(sim, runtime) -> None:
    from app.domain.errors import KeyDeskError

    async def refusing(mac: str) -> str:
        raise KeyDeskError("cloud_api", "5211", "room not found")

    service = make_service(runtime, sim.address, token=refusing)
    result = service.run("commission", mac="C4A828001103").result(30)
    assert (result.outcome, result.reason) == ("failed", "cloud-5211")
    assert result.step("log").status == "skipped"  # the door went on after the refusal


def test_policy_commands_and_a_factory_reset_give_the_lock_back(sim, runtime) -> None:
    from app.devices.locks.driver import DoorContext
    from app.devices.locks.keys import LockKeys
    from app.devices.locks.link import LockLink
    from app.devices.locks.profiles import profile_by_id
    from app.devices.locks.scan import find
    from app.devices.locks.ttlock.driver import TTLockDriver
    from tests.lock_support import FAST

    secrets = MemorySecretStore()
    service = make_service(runtime, sim.address, secrets=secrets)
    assert service.run("commission", mac=MAC).result(30).outcome == "done"
    profile = profile_by_id("ttlock-v3")

    async def policy():
        sighting = await find(service.radio, (profile,), MAC, 2.0)
        link = LockLink(sighting.device, profile, service.radio, FAST)
        await link.connect()
        try:
            driver = TTLockDriver(link, profile, DoorContext(COLON, LockKeys(secrets),
                                                             service.site_now))
            driver.secrets = await driver.ctx.keys.load(COLON)
            auto = await driver.set_auto_lock(8)
            await driver.set_passage_mode((8, 0), (18, 0))
            return auto
        finally:
            await link.close()

    auto = runtime.loop.run(policy(), 20)
    assert auto.seconds == 8 and sim.site.get(MAC).auto_lock == 8
    reset = service.run("reset", mac=MAC).result(30)
    assert reset.outcome == "done", reset.to_dict()
    assert sim.site.get(MAC).in_setting_mode and stage(secrets) is None
    again = service.run("commission", mac=MAC).result(30)
    assert again.outcome == "done" and again.step("initialise").detail == "initialised"


def test_only_a_technician_may_commission_and_every_door_is_audited(sim, runtime,
                                                                    tmp_path) -> None:
    from app.devices.locks.keys import LockKeys
    from app.devices.locks.radio import Radio
    from app.devices.locks.service import LockService, LockServiceConfig
    from app.domain.errors import KeyDeskError
    from app.store.audit import AuditLog
    from tests.lock_support import FAST
    from tests.operators_support import KEY, signed_in, staffed

    audit = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
    try:
        desk = staffed(tmp_path, audit)
        secrets = MemorySecretStore()
        service = LockService(runtime.loop, runtime.bus, LockKeys(secrets),
                              Radio(sim.address), access=desk, audit=audit,
                              config=LockServiceConfig(technician="carla", timings=FAST,
                                                       scan_seconds=1.0))
        signed_in(desk, "ana")  # a clerk
        with pytest.raises(KeyDeskError, match=r"right\.lock\.commission"):
            service.run("commission", mac=MAC).result(5)
        with pytest.raises(KeyDeskError, match=r"right\.lock\.commission"):
            service.scan(0.2).result(5)
        assert sim.site.get(MAC).in_setting_mode  # nothing reached the lock
        signed_in(desk, "carla")  # a technician
        assert service.run("commission", mac=MAC).result(30).outcome == "done"
        sim.site.inject(MAC, "wrong_admin")
        assert service.run("open", mac=MAC).result(30).reason == "ttlock-03"
        rows = {(r.what, r.who, r.result) for r in audit.query(limit=20)}
        assert ("lock.commission", "ana", "refused operator right.lock.commission") in rows
        assert ("lock.commission", "carla", "ok") in rows
        assert ("lock.open", "carla", "error lock ttlock-03") in rows
        assert audit.verify().ok
        done = next(r for r in audit.query(what="lock.commission", limit=5) if r.result == "ok")
        assert done.target == COLON and done.detail["steps"]["open"] == "done"
        kept = json.loads(secrets.get(secret_name(MAC)))
        written = json.dumps([r.detail for r in audit.query(limit=50)])
        for secret in (kept["key"], str(kept["admin_ps"]), str(kept["unlock_key"])):
            assert secret not in written  # never a lock's secret in the audit trail
    finally:
        audit.close()
