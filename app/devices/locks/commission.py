"""One door, step by step: connect → identify → initialise → room → clock → open → log.

Each step is idempotent and reports done / skipped / warning / failed with its catalog
reason. A failure that leaves the link unusable ends the door; a soft one (the clock
still drifts, the opening missing from the log, the cloud refusing a key) is recorded
and the door goes on. Cancel at any moment: the running step is marked cancelled, the
link is closed, and the result says what the lock was left with (``lock_state``).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.devices.locks import texts
from app.devices.locks.advert import Sighting
from app.devices.locks.driver import DoorContext, LockDriver, Opening, opening_in_log
from app.devices.locks.link import LockLink
from app.devices.locks.profiles import LockProfile, Timings
from app.devices.locks.radio import Radio
from app.devices.locks.token_driver import TokenDriver
from app.devices.locks.ttlock.driver import TTLockDriver
from app.domain.errors import KeyDeskError

DRIVERS: dict[str, type[LockDriver]] = {
    "ttlock-v3": TTLockDriver,
    "gatt-standard": LockDriver,
    "token-write": TokenDriver,
}
STEPS = ("connect", "identify", "initialise", "room", "clock", "open", "log")
# What each headless action runs (connect is implied).
ACTIONS: dict[str, tuple[str, ...]] = {
    "commission": STEPS,
    "info": ("connect", "identify"),
    "open": ("connect", "identify", "login", "open", "log"),
    "clock": ("connect", "identify", "login", "clock"),
    "log": ("connect", "identify", "login", "log"),
    "reset": ("connect", "identify", "reset"),
}
# Failures after which the door goes on (the link is still good); the step still fails.
GO_ON = {"no-cloud", "uclbrt-refused", "uclbrt-garbled", "cloud-5208", "cloud-5209", "cloud-5211",
         "cloud-5213", "cloud-5214", "cloud-5215", "cloud-6114", "cloud-6116", "ttlock-0A"}
# Outcomes that only need a revisit: the door works, something is worth a look.
SOFT = {"clock-drift", "open-not-logged", "low-battery", "cannot-open", "cloud-6107"}
LOW_BATTERY = 20  # % at or below which the door needs a revisit for batteries
DRIFT_TOLERANCE = 2.0  # seconds the clock may be off after setting it

DONE, SKIPPED, WARNING, FAILED, CANCELLED = "done", "skipped", "warning", "failed", "cancelled"


@dataclass
class StepResult:
    name: str
    status: str
    code: str = ""  # catalog code (domain "lock") for warnings, failures and skips
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    note: str = ""  # what it did, as a key of app.devices.locks.texts ("note_<key>")
    args: dict[str, Any] = field(default_factory=dict)  # the note's values

    def say(self, note: str, **args: Any) -> None:
        """Set the note (shown translated) and the English detail (for logs, support)."""
        self.note, self.args = note, args
        self.detail = texts.note(note, "en", **args)

    def skip(self, note: str, code: str = "") -> None:
        """The lock family cannot do this step: ``note`` says why (``code``: its reason)."""
        self.status, self.code = SKIPPED, code
        self.say(note)

    def warn(self, code: str, note: str, **args: Any) -> None:
        """The step worked but the door needs a revisit (``code``: the catalog reason)."""
        self.status, self.code = WARNING, code
        self.say(note, **args)

    def say_or_skip(self, done: str | None, skipped_note: str) -> None:
        """``done``: the driver's note of what it did; None: the family has no such step."""
        if done is None:
            self.skip(skipped_note)
        else:
            self.say(done)

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.name, "status": self.status, "code": self.code,
                "detail": self.detail, "note": self.note, "args": self.args,
                "data": self.data, "seconds": round(self.seconds, 3)}


@dataclass
class DoorResult:
    room: str
    mac: str
    profile: str
    family: str
    technician: str
    action: str = "commission"
    rssi: int | None = None
    model: str = ""
    hardware: str = ""
    firmware: str = ""
    battery: int | None = None
    drift_before: float | None = None
    drift_after: float | None = None
    steps: list[StepResult] = field(default_factory=list)
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime | None = None
    outcome: str = ""  # done / revisit / failed / cancelled
    reason: str = ""  # the catalog code of the first failure (or warning)
    lock_state: str = ""
    round_trips: int = 0
    commands: int = 0  # protocol commands answered by notification (round trips + a reply)
    chunks_in: int = 0  # notification chunks received

    def step(self, name: str) -> StepResult | None:
        return next((s for s in self.steps if s.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {"room": self.room, "mac": self.mac, "profile": self.profile,
                "family": self.family, "technician": self.technician, "action": self.action,
                "rssi": self.rssi, "model": self.model, "hardware": self.hardware,
                "firmware": self.firmware, "battery": self.battery,
                "drift_before": self.drift_before, "drift_after": self.drift_after,
                "steps": [s.to_dict() for s in self.steps],
                "started": self.started.isoformat(),
                "finished": self.finished.isoformat() if self.finished else None,
                "outcome": self.outcome, "reason": self.reason, "lock_state": self.lock_state,
                "round_trips": self.round_trips, "commands": self.commands}


StepCallback = Callable[[DoorResult, StepResult], None]


def _finish(result: DoorResult) -> None:
    result.finished = datetime.now(UTC)
    failed = [s for s in result.steps if s.status == FAILED]
    warned = [s for s in result.steps if s.status == WARNING]
    if any(s.status == CANCELLED for s in result.steps):
        result.outcome = CANCELLED
        result.reason = "cancelled"
    elif failed:
        result.outcome, result.reason = FAILED, failed[0].code
    elif warned:
        result.outcome, result.reason = "revisit", warned[0].code
    else:
        result.outcome, result.reason = DONE, ""


def lock_state(notes: list[str], steps: list[StepResult]) -> str:
    """What the lock was left with, in plain words (for Cancel and failures)."""
    if not notes:
        return "the lock was not changed"
    return "; ".join(notes)


async def run_door(sighting: Sighting, profile: LockProfile, radio: Radio, ctx: DoorContext,
                   *, room: str, technician: str, action: str = "commission",
                   timings: Timings | None = None,
                   on_step: StepCallback | None = None,
                   partial: list[DoorResult] | None = None) -> DoorResult:
    """Run ``action``'s steps on the lock of ``sighting``; never raises a KeyDeskError
    (failures are in the result). Cancellation re-raises after recording the state."""
    steps = ACTIONS[action]
    result = DoorResult(room=room, mac=sighting.mac, profile=profile.id, family=profile.family,
                        technician=technician, action=action, rssi=sighting.rssi)
    if partial is not None:
        partial.append(result)  # the caller still has it when a Cancel interrupts us
    link = LockLink(sighting.device, profile, radio, timings)
    driver = DRIVERS[profile.protocol](link, profile, ctx)
    opening: Opening | None = None
    current: StepResult | None = None
    began = time.perf_counter()

    def report(step: StepResult) -> None:
        step.seconds = time.perf_counter() - began
        result.steps.append(step)
        if on_step is not None:
            on_step(result, step)

    async def one(name: str) -> StepResult:
        nonlocal opening
        step = StepResult(name, DONE)
        if name == "connect":
            await link.connect()
            step.data = {"attempts": link.stats.attempts}
            step.say("connected", attempts=link.stats.attempts)
        elif name == "identify":
            ident = await driver.identify()
            result.model = ident.model or sighting.model
            result.hardware, result.firmware = ident.hardware, ident.firmware
            result.battery = ident.battery if ident.battery is not None else sighting.battery
            step.data = ident.to_dict()
            step.data["battery"] = result.battery
            battery = f"{result.battery} %" if result.battery is not None else "?"
            step.say("identified", model=result.model or "?", firmware=result.firmware or "?",
                     battery=battery)
            if result.battery is not None and result.battery <= LOW_BATTERY:
                step.warn("low-battery", "low_battery", battery=result.battery)
        elif name == "initialise":
            step.say_or_skip(await driver.initialise(), "no_init")
        elif name == "login":
            step.say_or_skip(await driver.login(), "no_login")
        elif name == "room":
            tied = await driver.tie_room()
            if tied is None:
                step.skip("no_room_data")
            else:
                step.data = dict(tied)
                step.say("room_tied", **tied)
        elif name == "clock":
            clock = await driver.set_clock()
            if clock is None:
                step.skip("no_clock")
            else:
                step.data = clock.to_dict()
                result.drift_before, result.drift_after = clock.drift_before, clock.drift_after
                step.say("clock_set", before=clock.drift_before or 0.0, after=clock.drift_after)
                if abs(clock.drift_after) > DRIFT_TOLERANCE:
                    step.warn("clock-drift", "clock_drift", after=clock.drift_after)
        elif name == "open":
            opening = await driver.open()
            if opening is None:
                step.skip("cannot_open", "cannot-open")
            else:
                step.data = opening.to_dict()
                if opening.when is not None:
                    step.say("opened", time=opening.when.strftime("%Y-%m-%d %H:%M:%S"))
                else:
                    step.say("opened_token")
        elif name == "reset":
            reset = getattr(driver, "factory_reset", None)
            if reset is None:
                step.skip("cannot_reset", "cannot-reset")
            else:
                await reset()
                step.say("reset")
        elif name == "log":
            records = await driver.read_log()
            if records is None:
                step.skip("log_in_cloud" if profile.open == "cloud_token" else "no_log")
            else:
                step.data = {"records": len(records),
                             "newest": [r.to_dict() for r in records[:5]]}
                step.say("records", count=len(records))
                if opening is not None and opening.when is not None:
                    found = opening_in_log(records, opening)
                    if found is None:
                        step.warn("open-not-logged", "not_logged")
                    else:
                        step.data["opening"] = found.to_dict()
                        step.say("in_log", time=found.when.strftime("%Y-%m-%d %H:%M:%S"))
        return step

    try:
        for name in steps:
            current = StepResult(name, CANCELLED)
            try:
                step = await one(name)
            except KeyDeskError as exc:
                step = StepResult(name, WARNING if exc.code in SOFT else FAILED, exc.code,
                                  exc.detail)
                report(step)
                if exc.code in SOFT or exc.code in GO_ON:
                    continue
                break
            current = None
            report(step)
    except asyncio.CancelledError:
        if current is not None:
            current.say("cancelled")
            report(current)
        result.lock_state = lock_state(ctx.notes, result.steps)
        _finish(result)
        with contextlib.suppress(Exception):
            await asyncio.shield(link.close())
        raise
    finally:
        result.round_trips = link.stats.round_trips
        result.commands = link.stats.commands
        result.chunks_in = link.stats.chunks_in
    await link.close()
    result.lock_state = lock_state(ctx.notes, result.steps)
    _finish(result)
    return result


def failed_before_start(room: str, mac: str, profile: LockProfile | None, technician: str,
                        action: str, err: KeyDeskError) -> DoorResult:
    """A door that could not even be connected to (not seen, radio off, ...)."""
    result = DoorResult(room=room, mac=mac, profile=profile.id if profile else "",
                        family=profile.family if profile else "", technician=technician,
                        action=action)
    result.steps.append(StepResult("connect", FAILED, err.code, err.detail))
    result.lock_state = "the lock was not changed"
    _finish(result)
    return result
