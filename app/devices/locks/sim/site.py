"""A simulated site: N locks, each with its room, MAC, wake window and faults, and the
PC's radio (on or off). Thread-safe: the server's loop and a test or the demo call it.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.devices.locks.advert import format_mac
from app.devices.locks.profiles import LockProfile, profile_by_id, shipped_profiles
from app.devices.locks.sim.faults import make_fault
from app.devices.locks.sim.locks import LOCK_CLASSES, SimLock

FOREVER = math.inf
DEFAULT_WAKE = 15.0  # seconds a touched lock advertises


def site_clock(tz: str) -> Callable[[], datetime]:
    """The site's local wall time (naive), as its locks keep it."""
    zone = ZoneInfo(tz)
    return lambda: datetime.now(zone).replace(tzinfo=None)


class Site:
    def __init__(self, *, tz: str = "UTC", monotonic: Callable[[], float] = time.monotonic,
                 idle_drop: float | None = None) -> None:
        self.tz = tz
        self.clock = site_clock(tz)
        self.monotonic = monotonic
        self.idle_drop = idle_drop  # None: each lock's profile value
        self.locks: dict[str, SimLock] = {}
        self.radio_on = True
        self.lock = threading.RLock()

    def add(self, lock: SimLock) -> SimLock:
        with self.lock:
            self.locks[lock.mac] = lock
        return lock

    def get(self, mac: str) -> SimLock:
        try:
            return self.locks[format_mac(mac)]
        except (KeyError, ValueError):
            raise KeyError(f"no simulated lock {mac!r}") from None

    def by_room(self, room: str) -> SimLock:
        for lock in self.locks.values():
            if lock.room == room:
                return lock
        raise KeyError(f"no simulated lock in room {room!r}")

    # -- control -------------------------------------------------------------------------
    def wake(self, mac: str | None = None, seconds: float = DEFAULT_WAKE, *,
             nearest: bool = True) -> list[str]:
        """Touch a lock (or every lock): it advertises for ``seconds``. The touched lock
        is the one the technician stands at: its signal becomes the strongest."""
        with self.lock:
            targets = list(self.locks.values()) if mac is None else [self.get(mac)]
            until = FOREVER if seconds == FOREVER else self.monotonic() + seconds
            for lock in targets:
                lock.faults.pop("asleep", None)
                lock.awake_until = until
            if mac is not None and nearest:
                for other in self.locks.values():
                    other.rssi = -48 if other is targets[0] else min(other.rssi, -72)
            return [lock.mac for lock in targets]

    def sleep(self, mac: str | None = None) -> None:
        with self.lock:
            for lock in (self.locks.values() if mac is None else [self.get(mac)]):
                lock.awake_until = 0.0

    def awake(self, lock: SimLock) -> bool:
        return (self.radio_on and not lock.has("asleep")
                and lock.awake_until > self.monotonic())

    def inject(self, mac: str | None, fault: str, count: int | None = None,
               after: int = 0) -> None:
        with self.lock:
            if fault == "radio_off":
                make_fault(fault)  # validates the name
                self.radio_on = False
                return
            for lock in (self.locks.values() if mac is None else [self.get(mac)]):
                lock.faults[fault] = make_fault(fault, count, after)

    def clear(self, mac: str | None = None) -> None:
        with self.lock:
            self.radio_on = True
            for lock in (self.locks.values() if mac is None else [self.get(mac)]):
                lock.faults.clear()

    def set_radio(self, on: bool) -> None:
        with self.lock:
            self.radio_on = on

    def describe(self) -> list[dict[str, Any]]:
        with self.lock:
            return [lock.to_dict() for lock in self.locks.values()]


def make_lock(profile: LockProfile, mac: str, room: str, site: Site, index: int,
              **kwargs: Any) -> SimLock:
    cls = LOCK_CLASSES[profile.protocol]
    rng = random.Random(f"{mac}-{index}")
    defaults: dict[str, Any] = {
        "clock": site.clock, "drift": float(rng.randint(-240, 240)),
        "battery": rng.randint(55, 98), "rssi": -60 - rng.randint(0, 30),
        "model": "K5" if profile.protocol == "ttlock-v3" else "U1", "rng": rng,
    }
    defaults.update(kwargs)
    return site.add(cls(format_mac(mac), profile, room=room, **defaults))


def build_site(doors: Iterable[tuple[str, str, str]], *, tz: str = "UTC",
               awake: bool = True, idle_drop: float | None = None,
               monotonic: Callable[[], float] = time.monotonic) -> Site:
    """A site from ``(room, mac, profile id)`` triples."""
    site = Site(tz=tz, idle_drop=idle_drop, monotonic=monotonic)
    profiles = shipped_profiles()
    for i, (room, mac, profile_id) in enumerate(doors):
        make_lock(profile_by_id(profile_id, profiles), mac, room, site, i)
    if awake:
        site.wake(None, FOREVER)
    return site


def numbered_doors(count: int, start: int = 0) -> list[tuple[str, str, str]]:
    """``count`` doors on floors of 20, mostly TTLock, every 5th a cloud-token lock and
    every 10th a standard-GATT lock (MACs in a range of their own)."""
    doors = []
    for n in range(start, start + count):
        floor, room = n // 20 + 1, n % 20 + 1
        label = f"009-{floor:02d}-{floor:02d}{room:02d}"
        family = "gatt-generic" if n % 10 == 9 else "uclbrt-token" if n % 5 == 4 else "ttlock-v3"
        doors.append((label, f"C4A8290{n:05X}", family))
    return doors
