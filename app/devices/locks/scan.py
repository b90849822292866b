"""Scanning: every lock that advertises, decoded by its profile, strongest signal first.

Scan filters are the profiles' full 128-bit service UUIDs (a short ``"1910"`` silently
matches nothing on some platforms). A scan can stop early, as soon as a wanted MAC shows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bleak import BleakScanner
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData

from app.devices.locks.advert import Sighting, format_mac, identify
from app.devices.locks.errors import explain, lock_error
from app.devices.locks.profiles import LockProfile
from app.devices.locks.radio import Radio

MAX_SIGHTINGS = 1000  # a crowded street of beacons cannot grow memory without bound


def rank(sightings: list[Sighting]) -> list[Sighting]:
    """Strongest first: the lock the technician stands at is the strongest."""
    return sorted(sightings, key=lambda s: (-s.rssi, s.mac or s.address))


async def scan(radio: Radio, profiles: tuple[LockProfile, ...], seconds: float, *,
               want_mac: str | None = None,
               on_sighting: Callable[[Sighting], None] | None = None) -> list[Sighting]:
    """Scan for ``seconds`` (or until ``want_mac`` is seen) and rank what was found."""
    found: dict[str, Sighting] = {}
    wanted = format_mac(want_mac) if want_mac else None
    seen_wanted = asyncio.Event()

    def detected(device: BLEDevice, adv: AdvertisementData) -> None:
        sighting = identify(profiles, device.address, adv.local_name, adv.rssi,
                            adv.service_uuids, adv.manufacturer_data, device)
        if sighting is None:
            return
        key = sighting.mac or sighting.address
        if key not in found and len(found) >= MAX_SIGHTINGS:
            return
        found[key] = sighting
        if on_sighting is not None:
            on_sighting(sighting)
        if wanted and sighting.mac == wanted:
            seen_wanted.set()

    uuids = sorted({p.advertisement.service_uuid for p in profiles})
    try:
        async with BleakScanner(detected, uuids, **radio.scanner_kwargs()):
            try:
                async with asyncio.timeout(seconds):
                    await seen_wanted.wait()
            except TimeoutError:
                pass
    except Exception as exc:
        raise explain(exc, during="scan") from None
    return rank(list(found.values()))


async def find(radio: Radio, profiles: tuple[LockProfile, ...], mac: str,
               seconds: float) -> Sighting:
    """The lock with ``mac``, or ``lock-not-seen`` (wake it and stand close)."""
    wanted = format_mac(mac)
    for sighting in await scan(radio, profiles, seconds, want_mac=wanted):
        if sighting.mac == wanted:
            return sighting
    raise lock_error("lock-not-seen", f"{wanted} did not advertise within {seconds:.0f} s")
