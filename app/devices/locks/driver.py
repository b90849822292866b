"""What every lock family can be asked at a door, and the standard-GATT family.

A driver works over one :class:`~app.devices.locks.link.LockLink`. Each operation is
idempotent (running it twice leaves the lock as running it once) and returns plain data
for the step list; a family that cannot do something says so with ``None``
(the step is then "skipped" with the reason).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.devices.locks import current_time as ct
from app.devices.locks.keys import LockKeys
from app.devices.locks.link import LockLink
from app.devices.locks.profiles import LockProfile

BASE = "0000{:04x}-0000-1000-8000-00805f9b34fb"
INFO_CHARS = {"manufacturer": 0x2A29, "model": 0x2A24, "hardware": 0x2A27,
              "firmware": 0x2A26}
CURRENT_TIME = BASE.format(0x2A2B)

# Returns the cloud's Bluetooth string for a lock MAC (UCLBRT getCard, resultType 2).
TokenProvider = Callable[[str], Awaitable[str]]


@dataclass
class Identity:
    model: str = ""
    hardware: str = ""
    firmware: str = ""
    manufacturer: str = ""
    battery: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "hardware": self.hardware, "firmware": self.firmware,
                "manufacturer": self.manufacturer, "battery": self.battery}


@dataclass
class ClockResult:
    before: datetime | None
    after: datetime
    site_time: datetime
    drift_before: float | None
    drift_after: float

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.isoformat() if self.before else None,
                "after": self.after.isoformat(), "site_time": self.site_time.isoformat(),
                "drift_before": self.drift_before, "drift_after": self.drift_after}


@dataclass
class Opening:
    when: datetime | None
    uid: int | None = None
    record_id: int | None = None
    battery: int | None = None
    method: str = "bluetooth"

    def to_dict(self) -> dict[str, Any]:
        return {"time": self.when.isoformat() if self.when else None, "uid": self.uid,
                "record_id": self.record_id, "battery": self.battery, "method": self.method}


@dataclass
class DoorContext:
    """What a driver needs besides the link: all of it passed in, nothing global."""

    mac: str
    keys: LockKeys
    site_now: Callable[[], datetime]  # the site's local wall time (naive)
    technician_uid: int = 1
    hotel: int = 1
    building: int = 0
    floor: int = 0
    token: TokenProvider | None = None
    notes: list[str] = field(default_factory=list)  # what was done, for "lock state"


class LockDriver:
    """The standard-GATT family: Device Information, Battery, Current Time."""

    def __init__(self, link: LockLink, profile: LockProfile, ctx: DoorContext) -> None:
        self.link = link
        self.profile = profile
        self.ctx = ctx

    async def _text(self, short: int) -> str:
        try:
            raw = await self.link.read(BASE.format(short), f"read {short:04X}")
        except Exception as exc:
            if getattr(exc, "code", "") in ("att-error", "profile-mismatch"):
                return ""  # an optional characteristic the lock lacks
            raise
        return raw.decode("utf-8", "replace").strip("\x00 ")

    async def identify(self) -> Identity:
        ident = Identity()
        for name, short in INFO_CHARS.items():
            setattr(ident, name, await self._text(short))
        ident.battery = await self.battery()
        return ident

    async def battery(self) -> int | None:
        if not self.profile.gatt.battery:
            return None
        raw = await self.link.read(self.profile.gatt.battery, "read battery")
        return raw[0] if raw and raw[0] <= 100 else None

    async def initialise(self) -> str | None:
        """What was done, as a note key of ``texts`` ("initialised", "already", ...)."""
        return None  # nothing to initialise on a standard lock

    async def login(self) -> str | None:
        """Prove to the lock that we are its administrator (families that need it)."""
        return None

    async def tie_room(self) -> dict[str, int] | None:
        """The room data written (hotel, building, floor), None when the family has none."""
        return None

    async def set_clock(self) -> ClockResult | None:
        if self.profile.clock != "current_time":
            return None
        before = ct.decode(await self.link.read(CURRENT_TIME, "read clock"))
        site = self.ctx.site_now().replace(microsecond=0)
        drift_before = (before - site).total_seconds()
        await self.link.write(CURRENT_TIME, ct.encode(self.ctx.site_now()),
                              "set clock")
        after = ct.decode(await self.link.read(CURRENT_TIME, "read clock back"))
        now = self.ctx.site_now().replace(microsecond=0)
        self.ctx.notes.append("clock set")
        return ClockResult(before, after, now, drift_before, (after - now).total_seconds())

    async def open(self) -> Opening | None:
        return None

    async def read_log(self) -> list[Any] | None:
        return None


def opening_in_log(records: list[Any], opening: Opening) -> Any | None:
    """The log record of ``opening`` (same record id, else same user within a minute)."""
    for rec in records:
        if opening.record_id is not None and getattr(rec, "record_id", None) == opening.record_id:
            return rec
    for rec in records:
        if (opening.when is not None and getattr(rec, "uid", None) == opening.uid
                and abs((rec.when - opening.when).total_seconds()) <= 60):
            return rec
    return None
