"""Reading a lock's advertisement: which profile it matches, its MAC, battery and flags.

Manufacturer data arrives keyed by its first two bytes read little-endian (bleak's
convention); a profile's byte indices count from the re-joined bytes, those two first
(TTLock: key 0x0305, bytes ``05 03 | scene | flags | battery | ... | MAC reversed``).
On macOS the address is a UUID, so the MAC comes from inside the advertisement where the
family puts it there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.devices.locks.profiles import LockProfile


@dataclass
class Sighting:
    """One lock seen in a scan (the strongest signal first when ranked)."""

    address: str  # what the OS calls it (a MAC, or a UUID on macOS)
    name: str
    rssi: int
    profile_id: str
    family: str
    mac: str  # AA:BB:CC:DD:EE:FF, or "" when the advertisement does not say
    battery: int | None = None
    setting_mode: bool | None = None
    new_records: bool | None = None
    unlocked: bool | None = None
    model: str = ""
    room: str = ""  # BUILDING-FLOOR-ROOM from the directory, "" when unknown
    known: bool = False  # its MAC is in the site's directory
    device: Any = field(default=None, repr=False, compare=False)  # bleak's BLEDevice

    def to_dict(self) -> dict[str, Any]:
        return {"address": self.address, "name": self.name, "rssi": self.rssi,
                "profile": self.profile_id, "family": self.family, "mac": self.mac,
                "battery": self.battery, "setting_mode": self.setting_mode,
                "new_records": self.new_records, "unlocked": self.unlocked,
                "model": self.model, "room": self.room, "known": self.known}


def format_mac(raw: bytes | str) -> str:
    """``AA:BB:CC:DD:EE:FF`` from 6 bytes or any spelling of 12 hex digits."""
    if isinstance(raw, bytes | bytearray):
        if len(raw) != 6:
            raise ValueError("a MAC has 6 bytes")
        return ":".join(f"{b:02X}" for b in raw)
    digits = "".join(ch for ch in raw if ch not in ":-. ").upper()
    if len(digits) != 12 or any(ch not in "0123456789ABCDEF" for ch in digits):
        raise ValueError(f"not a MAC address: {raw!r}")
    return ":".join(digits[i:i + 2] for i in range(0, 12, 2))


def bare_mac(mac: str) -> str:
    """12 upper-case hex digits (the cloud's spelling)."""
    return format_mac(mac).replace(":", "")


def _joined(profile: LockProfile, manufacturer_data: dict[int, bytes]) -> bytes | None:
    mid = profile.advertisement.manufacturer_id
    if mid is None or mid not in manufacturer_data:
        return None
    return mid.to_bytes(2, "little") + bytes(manufacturer_data[mid])


def matches(profile: LockProfile, service_uuids: list[str],
            manufacturer_data: dict[int, bytes]) -> bool:
    adv = profile.advertisement
    if adv.service_uuid not in [u.lower() for u in service_uuids]:
        return False
    return adv.manufacturer_id is None or adv.manufacturer_id in manufacturer_data


def _byte(data: bytes | None, index: int | None) -> int | None:
    if data is None or index is None or index >= len(data):
        return None
    return data[index]


def decode(profile: LockProfile, address: str, name: str | None, rssi: int,
           service_uuids: list[str], manufacturer_data: dict[int, bytes],
           device: Any = None) -> Sighting | None:
    """A :class:`Sighting` when the advertisement is this profile's, else None.

    Never raises on a short or odd advertisement: the fields it lacks stay unknown.
    """
    if not matches(profile, service_uuids, manufacturer_data):
        return None
    adv = profile.advertisement
    data = _joined(profile, manufacturer_data)
    mac = ""
    if adv.mac == "address":
        try:
            mac = format_mac(address)
        except ValueError:
            mac = ""  # macOS: a UUID, not a MAC
    elif data is not None and len(data) >= 8:
        tail = data[-6:]
        mac = format_mac(tail[::-1] if adv.mac == "tail_reversed" else tail)
    flags = _byte(data, adv.flags_index)
    battery = _byte(data, adv.battery_index)

    def flag(name_: str) -> bool | None:
        bit = adv.flag_bits.get(name_)
        return None if flags is None or bit is None else bool(flags >> bit & 1)

    model = ""
    if adv.name_pattern is not None and name:
        found = adv.name_pattern.match(name)
        if found and "model" in found.groupdict():
            model = found.group("model")
    return Sighting(
        address=address, name=name or "", rssi=rssi, profile_id=profile.id,
        family=profile.family, mac=mac,
        battery=battery if battery is not None and battery <= 100 else None,
        setting_mode=flag("setting_mode"), new_records=flag("new_records"),
        unlocked=flag("unlocked"), model=model, device=device)


def identify(profiles: tuple[LockProfile, ...], address: str, name: str | None, rssi: int,
             service_uuids: list[str], manufacturer_data: dict[int, bytes],
             device: Any = None) -> Sighting | None:
    """The first profile (by priority) that reads this advertisement."""
    for profile in profiles:
        sighting = decode(profile, address, name, rssi, service_uuids, manufacturer_data,
                          device)
        if sighting is not None:
            return sighting
    return None


def name_suffix_matches(profile: LockProfile, name: str, mac: str) -> bool:
    """Whether the name's MAC suffix agrees with ``mac`` (TTLock: last three bytes
    reversed, lower-case; used to match a lock by name where no MAC is visible)."""
    pattern = profile.advertisement.name_pattern
    found = pattern.match(name) if pattern else None
    if not found or "mac_tail" not in found.groupdict():
        return False
    raw = bytes.fromhex(bare_mac(mac))
    tail = raw[3:][::-1] if profile.advertisement.mac == "tail_reversed" else raw[3:]
    return found.group("mac_tail").lower() == tail.hex()
