"""Every lock profile against every fault of the simulated lock, through the whole stack
(LockService → bleak's real front classes → the simulated backend → the sim's socket).

Each fault must end in its explained outcome: the door done (the fault is survivable, or
does not apply to the family), a revisit with its reason, or failed with its catalog
reason, and the plan marks the door with that reason.
"""

from __future__ import annotations

import pytest

from app import catalog
from app.devices.locks.plan import PlanDoor
from app.devices.locks.sim.faults import FAULTS
from tests.lock_support import GATT_DOOR, TOKEN_DOOR, TTLOCK_DOOR, SimSite, make_service

DOORS = {"ttlock-v3": TTLOCK_DOOR, "uclbrt-token": TOKEN_DOOR, "gatt-generic": GATT_DOOR}
DONE, REVISIT_LOW = ("done", ""), ("revisit", "low-battery")
GATT_OPEN = DONE  # a standard lock cannot open over Bluetooth: that step is skipped

# fault -> (scenario, {profile: (outcome, reason)}). "fresh": commission a new lock with
# the fault; "again": commission it cleanly, then inject the fault and test the opening.
EXPECTED: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "asleep": ("fresh", dict.fromkeys(DOORS, ("failed", "lock-not-seen"))),
    "wake_ends": ("fresh", {"ttlock-v3": ("failed", "disconnected"), "uclbrt-token": DONE,
                            "gatt-generic": DONE}),
    "connect_timeout": ("fresh", dict.fromkeys(DOORS, ("failed", "connect-timeout"))),
    "connect_fail": ("fresh", dict.fromkeys(DOORS, DONE)),  # 2 failures, 3 attempts
    "bluez_removed": ("fresh", dict.fromkeys(DOORS, DONE)),
    "winrt_unreachable": ("fresh", dict.fromkeys(DOORS, DONE)),
    "disconnect_mid": ("fresh", dict.fromkeys(DOORS, ("failed", "disconnected"))),
    "wrong_key_silent": ("again", {"ttlock-v3": ("failed", "no-reply"),
                                   "uclbrt-token": ("failed", "no-reply"),
                                   "gatt-generic": GATT_OPEN}),
    "wrong_key_garbled": ("again", {"ttlock-v3": ("failed", "ttlock-key-invalid"),
                                    "uclbrt-token": ("failed", "uclbrt-garbled"),
                                    "gatt-generic": GATT_OPEN}),
    "wrong_admin": ("again", {"ttlock-v3": ("failed", "ttlock-03"), "uclbrt-token": DONE,
                              "gatt-generic": GATT_OPEN}),
    "not_setting_mode": ("fresh", {"ttlock-v3": ("failed", "ttlock-07"),
                                   "uclbrt-token": DONE, "gatt-generic": DONE}),
    "low_battery": ("fresh", dict.fromkeys(DOORS, REVISIT_LOW)),
    "out_of_battery": ("fresh", {"ttlock-v3": ("failed", "ttlock-0A"),
                                 "uclbrt-token": ("failed", "ttlock-0A"),
                                 "gatt-generic": REVISIT_LOW}),
    "no_reply": ("fresh", {"ttlock-v3": ("failed", "no-reply"),
                           "uclbrt-token": ("failed", "no-reply"),
                           "gatt-generic": ("failed", "no-reply")}),
    "bad_crc": ("fresh", dict.fromkeys(DOORS, DONE)),  # consistent: accepted, as the SDK does
    "bad_crc_random": ("fresh", {"ttlock-v3": ("failed", "bad-crc"), "uclbrt-token": DONE,
                                 "gatt-generic": DONE}),
    "split_chunks": ("fresh", dict.fromkeys(DOORS, DONE)),
    "duplicate_chunks": ("fresh", dict.fromkeys(DOORS, DONE)),
    "att_error": ("fresh", dict.fromkeys(DOORS, ("failed", "att-error"))),
    "radio_off": ("fresh", dict.fromkeys(DOORS, ("failed", "radio-off"))),
}


def test_the_table_covers_every_fault_the_simulator_has() -> None:
    assert set(EXPECTED) == set(FAULTS)


@pytest.mark.parametrize("profile", sorted(DOORS))
@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_profile_against_fault(profile: str, fault: str, runtime, tmp_path) -> None:
    room, mac, _ = door = DOORS[profile]
    scenario, outcomes = EXPECTED[fault]
    sim = SimSite([door])
    try:
        service = make_service(runtime, sim.address, plan_path=tmp_path / "plan.sqlite")
        service.plan.import_doors([PlanDoor(room, _colon(mac))])
        action = "commission"
        if scenario == "again":
            first = service.run("commission", room=room).result(30)
            assert first.outcome in ("done", "revisit"), first.to_dict()
            action = "open"
        sim.site.inject(None if fault == "radio_off" else mac, fault)
        result = service.run(action, room=room).result(60)
    finally:
        sim.stop()
    expected_outcome, expected_reason = outcomes[profile]
    assert (result.outcome, result.reason) == (expected_outcome, expected_reason), \
        result.to_dict()
    if expected_reason:  # every reason is explained in the catalog, in three languages
        for lang in ("en", "pt-BR", "zh-CN"):
            info = catalog.explain_error(_err(expected_reason), lang=lang)
            assert info["known"] and info["action"], (expected_reason, lang)
    door_row = service.plan.door(room)
    if action == "commission":
        status = {"done": "done", "revisit": "revisit", "failed": "failed"}[expected_outcome]
        assert (door_row.status, door_row.reason) == (status, expected_reason)
    assert result.lock_state  # what the lock was left with is always said


def _colon(mac: str) -> str:
    return ":".join(mac[i:i + 2] for i in range(0, 12, 2))


def _err(code: str):  # type: ignore[no-untyped-def]
    from app.domain.errors import KeyDeskError

    return KeyDeskError("lock", code)
