"""Self-test of Bluetooth commissioning on the demo's simulated site: the profiles load,
bleak's real front classes reach the simulated radio, a door is commissioned end to end
(TTLock V3 frames, AES, the lock's log), and an injected fault is explained."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.selftest import Check, SelfTestContext

if TYPE_CHECKING:
    from app.devices.locks.service import LockService
    from app.devices.locks.sim.site import Site

DOOR_ROOM, DOOR_MAC = "001-01-0102", "C4A828001102"
FAULT_ROOM, FAULT_MAC = "001-02-0202", "C4A828001202"


def _profiles(ctx: SelfTestContext) -> str:
    from app import catalog
    from app.devices.locks.profiles import load_profiles

    profiles = load_profiles()
    for profile in profiles:
        for code in profile.errors.values():
            if not catalog.lookup(code, "lock"):
                raise AssertionError(f"{profile.id}: {code} is not in the lock catalog")
    verified = ", ".join(f"{p.id}{'' if p.verified else ' (unverified)'}" for p in profiles)
    return f"{len(profiles)} profiles: {verified}"


def _site(ctx: SelfTestContext) -> tuple[Site, LockService]:
    server = ctx.demo.locks
    if server is None or ctx.services.locks is None:
        raise RuntimeError("the lock simulator is not running")
    return server.site, ctx.services.start_locks()


def _commission(ctx: SelfTestContext) -> str:
    site, service = _site(ctx)
    site.wake(DOOR_MAC, 30.0)
    result = service.run("commission", room=DOOR_ROOM, mac=DOOR_MAC).result(40)
    if result.outcome != "done":
        raise AssertionError(f"{DOOR_ROOM}: {result.outcome} {result.reason} "
                             f"({[(s.name, s.status) for s in result.steps]})")
    log_step = result.step("log")
    opened = log_step.data.get("opening") if log_step else None
    if not opened:
        raise AssertionError("the opening is not in the lock's log")
    return (f"{DOOR_ROOM}: {result.model} fw {result.firmware}, battery {result.battery} %, "
            f"clock {result.drift_before:+.0f} s → {result.drift_after:+.0f} s, opening in "
            f"the log, {result.round_trips} round trips")


def _fault(ctx: SelfTestContext) -> str:
    site, service = _site(ctx)
    site.wake(FAULT_MAC, 30.0)
    site.inject(FAULT_MAC, "att_error", 1)
    try:
        result = service.run("clock", room=FAULT_ROOM, mac=FAULT_MAC).result(40)
    finally:
        site.clear(FAULT_MAC)
    if (result.outcome, result.reason) != ("failed", "att-error"):
        raise AssertionError(f"expected att-error, got {result.outcome} {result.reason}")
    return f"{FAULT_ROOM}: an ATT error is explained as {result.reason}"


CHECKS = [
    Check("locks: profiles valid, every lock error explained", _profiles),
    Check("locks: commission a TTLock door through bleak", _commission, timeout=45),
    Check("locks: a Bluetooth fault is explained", _fault, timeout=45),
]
