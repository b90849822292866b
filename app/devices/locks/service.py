"""``LockService``: the commissioning capability as one part the composition root owns.

Everything it needs is passed in (the runtime's loop thread and bus, the secret store,
the radio, the plan store, the cloud's room directory and Bluetooth-key providers, the
site's time zone); nothing is global. Every public method may be called from any thread
and returns a ``concurrent.futures.Future`` (cancel it to Cancel); the work runs on the
loop thread, one door at a time. Lock events go on the bus as ``DeviceEvent``s
(kind ``lock``), so the event store keeps them and the Monitor shows them.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from app.devices.locks.advert import Sighting, format_mac
from app.devices.locks.errors import lock_error
from app.devices.locks.keys import LockKeys
from app.devices.locks.plan import PlanStore, doors_from_directory
from app.devices.locks.profiles import LockProfile, Timings, profile_by_id, shipped_profiles
from app.devices.locks.radio import Radio
from app.domain.errors import KeyDeskError
from app.domain.events import BusEvent, ConnectionState, DeviceEvent, DeviceStateChanged
from app.runtime.bus import EventBus
from app.runtime.loop_thread import LoopThread
from app.settings.secrets import SecretStoreUnavailable

if TYPE_CHECKING:  # the radio side (bleak, cryptography) is imported when first used
    from app.devices.locks.commission import DoorResult, StepCallback, StepResult
    from app.devices.locks.driver import TokenProvider

log = logging.getLogger(__name__)

ACTIONS = ("commission", "info", "open", "clock", "log", "reset")  # commission.ACTIONS
SOURCE = "locks"
MAX_REMEMBERED = 2000  # sightings kept for "connect to what was just scanned"
FRESH_SIGHTING = 5.0  # seconds a scanned device may be connected to without a new scan
SIGHTING_EVERY = 0.5  # seconds between two LockSighted events of one lock (bounded traffic)


@dataclass(frozen=True)
class LockSighted(BusEvent):
    """A lock seen while scanning (for live lists; not stored: it is not a lock event)."""

    sighting: Sighting
# Async callable returning the cloud's room directory (list of Building), or None.
DirectoryProvider = Callable[[], Awaitable[list[Any] | None]]


@dataclass
class LockServiceConfig:
    technician: str = ""
    timezone: str = "UTC"  # the site's zone: locks keep its local wall time
    hotel: int = 1  # hotel number written to hotel-data locks
    scan_seconds: float = 4.0  # how long "find this door's lock" scans
    timings: Timings | None = None  # overrides every profile's (tests, slow sites)
    profiles: tuple[LockProfile, ...] = field(default_factory=shipped_profiles)


def technician_uid(name: str) -> int:
    """A stable number for the technician (written in the lock's log with each opening)."""
    return zlib.crc32(name.encode("utf-8")) & 0x7FFFFFFF or 1


def room_numbers(label: str) -> tuple[int, int]:
    """Building and floor as numbers from ``BUILDING-FLOOR-ROOM`` (0 when not numeric)."""
    parts = label.split("-")
    nums = [int(p) if p.isdigit() else 0 for p in parts[:2]] + [0, 0]
    return nums[0], nums[1]


class LockService:
    def __init__(self, loop: LoopThread, bus: EventBus, keys: LockKeys, radio: Radio, *,
                 plan: PlanStore | None = None, directory: DirectoryProvider | None = None,
                 token: TokenProvider | None = None,
                 config: LockServiceConfig | None = None,
                 access: Any = None, audit: Any = None) -> None:
        self.loop = loop
        self.bus = bus
        self.keys = keys
        self.radio = radio
        self.plan = plan
        self.directory = directory
        self.token = token
        self.config = config or LockServiceConfig()
        # The desk's OperatorSession (rights: ``lock.commission``) and AuditLog, when the
        # desk has them; each lock action is checked first and written down after.
        self.access = access
        self.audit = audit
        self._directory_rooms: dict[str, str] | None = None
        self._current: concurrent.futures.Future[Any] | None = None
        self.last_sightings: dict[str, Sighting] = {}
        self._seen_at: dict[str, float] = {}  # loop time of each last sighting

    # -- time and identity ---------------------------------------------------------------
    def site_now(self) -> datetime:
        return datetime.now(ZoneInfo(self.config.timezone)).replace(tzinfo=None)

    # -- rooms ---------------------------------------------------------------------------
    async def _rooms_by_mac(self) -> dict[str, str]:
        rooms: dict[str, str] = {}
        if self._directory_rooms is None and self.directory is not None:
            try:
                buildings = await self.directory()
            except KeyDeskError as exc:
                log.warning("room directory not available: %s", exc)
                buildings = None
            if buildings is not None:
                self._directory_rooms = {d.mac: d.room for d in doors_from_directory(buildings)}
        rooms.update(self._directory_rooms or {})
        if self.plan is not None:
            rooms.update(await asyncio.to_thread(self.plan.rooms_by_mac))
        return rooms

    async def _mac_for_room(self, room: str) -> str:
        if self.plan is not None:
            door = await asyncio.to_thread(self.plan.door, room)
            if door is not None:
                return door.mac
        for mac, label in (await self._rooms_by_mac()).items():
            if label == room:
                return mac
        raise lock_error("room-unknown", f"{room} is in neither the plan nor the directory")

    def _match(self, sightings: list[Sighting], rooms: dict[str, str]) -> list[Sighting]:
        for s in sightings:
            s.room = rooms.get(s.mac, "")
            s.known = bool(s.room)
        return sightings

    # -- rights and the audit trail -------------------------------------------------------
    def authorise(self, what: str, target: str = "", room: str = "") -> None:
        """Raise the operator refusal (written to the audit trail) unless whoever holds
        the desk may commission locks. Blocking, quick: call it before submitting work."""
        if self.access is not None:
            from app.audit.actions import LOCK_RIGHT

            self.access.require(LOCK_RIGHT, what=f"lock.{what}", target=target, room=room)

    def record(self, what: str, *, mac: str = "", room: str = "",
               exc: BaseException | None = None, detail: dict[str, Any] | None = None) -> None:
        """One ``lock.<what>`` audit row (public fields only: never a key or token)."""
        if self.audit is not None:
            from app.audit.actions import record_lock

            record_lock(self.audit, what, mac=mac, room=room, exc=exc, detail=detail)

    @staticmethod
    def _refused(exc: BaseException) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        future.set_exception(exc)
        return future

    # -- public API (any thread) ---------------------------------------------------------
    def scan(self, seconds: float = 4.0,
             on_sighting: Callable[[Sighting], None] | None = None
             ) -> concurrent.futures.Future[list[Sighting]]:
        try:
            self.authorise("scan")
        except KeyDeskError as exc:
            return self._refused(exc)
        return self.loop.submit(self.scan_async(seconds, on_sighting))

    async def scan_async(self, seconds: float,
                         on_sighting: Callable[[Sighting], None] | None = None
                         ) -> list[Sighting]:
        rooms = await self._rooms_by_mac()
        loop = asyncio.get_running_loop()
        last_sent: dict[str, float] = {}

        def seen(s: Sighting) -> None:
            s.room = rooms.get(s.mac, "")
            s.known = bool(s.room)
            key = s.mac or s.address
            if key not in self.last_sightings and len(self.last_sightings) >= MAX_REMEMBERED:
                self.last_sightings.clear()  # a crowded street over hours: start afresh
                self._seen_at.clear()
            self.last_sightings[key] = s
            self._seen_at[key] = loop.time()
            if on_sighting is not None:
                on_sighting(s)
            if loop.time() - last_sent.get(key, -1e9) >= SIGHTING_EVERY:
                last_sent[key] = loop.time()
                self.bus.publish(LockSighted(SOURCE, sighting=s))

        from app.devices.locks.scan import rank, scan

        found = await scan(self.radio, self.config.profiles, seconds, on_sighting=seen)
        return rank(self._match(found, rooms))

    def run(self, action: str = "commission", *, room: str | None = None,
            mac: str | None = None, on_step: StepCallback | None = None
            ) -> concurrent.futures.Future[DoorResult]:
        """Run ``action`` (commission / info / open / clock / log) on a door, found by its
        room or its MAC. Cancel the returned future to stop it."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        if self._current is not None and not self._current.done():
            return self._refused(lock_error("busy", "one door at a time"))
        try:
            self.authorise(action, target=mac or "", room=room or "")
        except KeyDeskError as exc:
            return self._refused(exc)
        future = self.loop.submit(self.run_async(action, room=room, mac=mac, on_step=on_step))
        self._current = future
        return future

    def cancel(self) -> bool:
        current = self._current
        return current is not None and current.cancel()

    @property
    def busy(self) -> bool:
        return self._current is not None and not self._current.done()

    # -- the door ------------------------------------------------------------------------
    async def run_async(self, action: str, *, room: str | None = None, mac: str | None = None,
                        on_step: StepCallback | None = None) -> DoorResult:
        from app.devices.locks.commission import failed_before_start, run_door
        from app.devices.locks.driver import DoorContext
        from app.devices.locks.scan import find

        cfg = self.config
        rooms = await self._rooms_by_mac()
        if mac is None and room is None:
            raise ValueError("a door is found by its room or its MAC")
        mac = format_mac(mac) if mac else await self._mac_for_room(room or "")
        room = room or rooms.get(mac, "")
        technician = cfg.technician or "technician"
        try:
            sighting = self.last_sightings.pop(mac, None)  # a sighting is used once
            age = asyncio.get_running_loop().time() - self._seen_at.pop(mac, -1e9)
            if sighting is None or sighting.device is None or age > FRESH_SIGHTING:
                # Connect with a device from a scan just now (BlueZ forgets older ones).
                sighting = await find(self.radio, cfg.profiles, mac, cfg.scan_seconds)
            profile = profile_by_id(sighting.profile_id, cfg.profiles)
        except KeyDeskError as exc:
            result = failed_before_start(room, mac, None, technician, action, exc)
            await self._finished(result)
            return result
        building, floor = room_numbers(room)
        ctx = DoorContext(mac, self.keys, self.site_now, technician_uid(technician),
                          cfg.hotel, building, floor, self.token)
        self._state(ConnectionState.CONNECTING, mac)

        def step_done(result: DoorResult, step: StepResult) -> None:
            self._publish_step(result, step)
            if on_step is not None:
                on_step(result, step)

        partial: list[DoorResult] = []
        try:
            result = await run_door(sighting, profile, self.radio, ctx, room=room,
                                    technician=technician, action=action, timings=cfg.timings,
                                    on_step=step_done, partial=partial)
        except asyncio.CancelledError:
            if partial:  # tell what the lock was left with, keep it in the plan
                await asyncio.shield(self._finished(partial[0]))
            raise
        await self._finished(result)
        return result

    async def _finished(self, result: DoorResult) -> None:
        self._state(ConnectionState.DISCONNECTED, result.mac, result.outcome)
        failed = next((s for s in result.steps if s.status == "failed"), None)
        exc = None
        if result.outcome == "failed" and result.reason:
            exc = lock_error(result.reason, failed.detail if failed else "")
        detail = {"profile": result.profile, "outcome": result.outcome,
                  "reason": result.reason, "firmware": result.firmware,
                  "battery": result.battery, "lock_state": result.lock_state,
                  "steps": {s.name: s.status for s in result.steps}}
        await asyncio.shield(asyncio.to_thread(
            self.record, result.action, mac=result.mac, room=result.room, exc=exc,
            detail=detail))
        if self.plan is not None and result.room:
            if await asyncio.to_thread(self.plan.door, result.room) is not None:
                await asyncio.shield(asyncio.to_thread(self.plan.record, result))
        severity = {"failed": "error", "revisit": "warning"}.get(result.outcome, "info")
        self.bus.publish(DeviceEvent(
            f"lock:{result.mac}", kind="lock", code=f"door.{result.outcome or 'done'}",
            payload={"device": result.mac, "user": result.technician, "room": result.room,
                     "action": result.action, "outcome": result.outcome,
                     "reason": result.reason, "battery": result.battery,
                     "firmware": result.firmware, "lock_state": result.lock_state},
            severity=severity))

    def _publish_step(self, result: DoorResult, step: StepResult) -> None:
        payload: dict[str, Any] = {"device": result.mac, "user": result.technician,
                                   "room": result.room, "step": step.name,
                                   "status": step.status, "reason": step.code,
                                   "detail": step.detail, "note": step.note,
                                   "args": step.args}
        if step.name == "connect" and step.status == "done":
            self._state(ConnectionState.CONNECTED, result.mac)
        if step.name == "open" and step.status == "done":
            payload["granted"] = True
            when = step.data.get("time")
            if when:
                payload["lock_time"] = when
        severity = {"failed": "error", "warning": "warning"}.get(step.status, "info")
        self.bus.publish(DeviceEvent(f"lock:{result.mac}", kind="lock",
                                     code=f"step.{step.name}.{step.status}", payload=payload,
                                     severity=severity))

    def _state(self, state: ConnectionState, mac: str, detail: str = "") -> None:
        self.bus.publish(DeviceStateChanged(SOURCE, kind="lock", state=state,
                                            detail=f"{mac} {detail}".strip()))

    # -- the plan ------------------------------------------------------------------------
    def open_plan(self, path: Path | None = None, *, cleanup: Callable[[Callable[[], None]],
                                                                       None] | None = None
                  ) -> PlanStore:
        """Open the site plan store (idempotent); ``cleanup`` registers its closing."""
        if self.plan is None:
            self.plan = PlanStore(path)
            if cleanup is not None:
                cleanup(self.plan.close)
        return self.plan

    def import_directory(self) -> concurrent.futures.Future[int]:
        try:
            self.authorise("plan.import", target="cloud")
        except KeyDeskError as exc:
            return self._refused(exc)

        async def go() -> int:
            if self.plan is None or self.directory is None:
                raise lock_error("plan-file", "no plan store or no cloud directory configured")
            buildings = await self.directory()
            doors = doors_from_directory(buildings or [])
            self._directory_rooms = {d.mac: d.room for d in doors}
            count = await asyncio.to_thread(self.plan.import_doors, doors)
            await asyncio.to_thread(self.record, "plan.import", detail={"source": "cloud",
                                                                        "doors": count})
            return count
        return self.loop.submit(go())


def build_lock_service(runtime: Any, settings: Any, secrets: Any,
                       cloud: Callable[[], Any] | None = None, *, access: Any = None,
                       audit: Any = None) -> LockService:
    """The lock service over ``settings`` (radio, technician, site time zone) with the
    cloud desk factory ``cloud`` for the room directory and the Bluetooth keys (used
    only when the cloud account is configured). The plan store is opened by
    :meth:`LockService.open_plan`."""

    def configured() -> Any | None:
        if cloud is None:
            return None
        try:
            desk = cloud()
        except SecretStoreUnavailable:
            return None  # no keyring, so no cloud token: the plan's rooms still work
        return desk if desk.creds.account_sid else None

    async def directory() -> list[Any] | None:
        desk = configured()
        return None if desk is None else await desk.rooms()

    async def token(mac: str) -> str:
        desk = configured()
        if desk is None:
            raise lock_error("no-cloud", "no lock cloud account is configured")
        creds = desk.creds
        key = await desk.bluetooth_key(creds.creator_mobile or "13800138000",
                                       mac.replace(":", ""), creds.creator_area_code or "86")
        return str(key.ble_str)

    hotel = 1
    community = getattr(settings, "cloud_community_no", "")
    if community.isdigit():
        hotel = int(community) % (1 << 24) or 1
    config = LockServiceConfig(technician=settings.lock_technician,
                               timezone=settings.cloud_timezone or "UTC", hotel=hotel)
    return LockService(runtime.loop, runtime.bus, LockKeys(secrets),
                       Radio(settings.lock_sim_address), directory=directory, token=token,
                       config=config, access=access, audit=audit)
