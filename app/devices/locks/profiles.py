"""Lock profiles: a lock family (or an OEM variant of one) is a JSON file in
``resources/locks/``, validated on load. A new variant with other UUIDs, another vendor
string or other timings is a new file; only a new *protocol* needs code (``PROTOCOLS``).

Validation is strict (unknown keys are typos, UUIDs must be full 128-bit lowercase,
because a short ``"1910"`` in a scan filter silently matches nothing) and every error
names the file and the key so whoever edits the data sees what to fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NoReturn, overload

from app import paths

# The protocols the code knows; a profile picks one.
PROTOCOLS = ("ttlock-v3", "gatt-standard", "token-write")
MAC_SOURCES = ("tail_reversed", "tail", "address")
OPEN_METHODS = (None, "bluetooth", "cloud_token")
CLOCK_METHODS = (None, "ttlock", "current_time")
LOG_METHODS = (None, "ttlock")
UUID128 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PROFILE_ID = re.compile(r"^[a-z][a-z0-9-]*$")

TOP_KEYS = {
    "id", "protocol", "family", "verified", "source", "priority", "advertisement", "gatt",
    "frame", "crypto", "vendor_string", "timings", "features", "open", "clock", "log",
    "errors",
}
OPTIONAL_TOP_KEYS = {"token"}
ADV_KEYS = {
    "service_uuid", "manufacturer_id", "name_pattern", "scene_index", "flags_index",
    "battery_index", "mac", "flag_bits",
}
GATT_KEYS = {"service", "write", "notify", "write_with_response", "chunk_size", "battery"}
FRAME_KEYS = {"header", "reply_cmd", "encrypted_marker", "terminator"}
CRYPTO_KEYS = {"cipher", "default_key"}
TIMING_KEYS = {"connect_timeout", "reply_timeout", "connect_attempts", "backoff", "idle_drop"}
TOKEN_KEYS = {"success_prefix", "failure_prefix"}
FLAG_NAMES = {"unlocked", "new_records", "setting_mode"}


class ProfileError(ValueError):
    """A profile file is invalid: ``file`` and ``message`` say what to fix."""

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        super().__init__(f"lock profile {file}: {message}")


@dataclass(frozen=True)
class Advertisement:
    service_uuid: str
    manufacturer_id: int | None
    name_pattern: re.Pattern[str] | None
    scene_index: int | None
    flags_index: int | None
    battery_index: int | None
    mac: str
    flag_bits: dict[str, int]


@dataclass(frozen=True)
class Gatt:
    service: str
    write: str | None
    notify: str | None
    write_with_response: bool
    chunk_size: int
    battery: str | None


@dataclass(frozen=True)
class Frame:
    header: tuple[int, ...]
    reply_cmd: int | None
    encrypted_marker: int | None
    terminator: bytes


@dataclass(frozen=True)
class Timings:
    connect_timeout: float
    reply_timeout: float
    connect_attempts: int
    backoff: tuple[float, ...]
    idle_drop: float


@dataclass(frozen=True)
class LockProfile:
    id: str
    protocol: str
    family: str
    verified: bool
    source: str
    priority: int
    advertisement: Advertisement
    gatt: Gatt
    frame: Frame | None
    default_key: bytes | None
    vendor_string: str | None
    timings: Timings
    features: dict[str, int]
    open: str | None
    clock: str | None
    log: str | None
    errors: dict[str, str]
    token_success: bytes = b""
    token_failure: bytes = b""
    file: str = field(default="", compare=False)

    def error_code(self, lock_error: str) -> str:
        """The catalog code (domain ``lock``) for the lock's own error ``lock_error``."""
        return self.errors.get(lock_error.upper(), self.errors.get(lock_error, "lock-error"))

Fail = Callable[[str], NoReturn]  # raises ProfileError naming the file


def _keys(raw: Any, expected: set[str], what: str, fail: Fail,
          optional: AbstractSet[str] = frozenset()) -> None:
    if not isinstance(raw, dict):
        fail(f"{what} must be an object")
    missing = sorted(expected - raw.keys())
    extra = sorted(raw.keys() - expected - optional)
    if missing:
        fail(f"{what} is missing {', '.join(missing)}")
    if extra:
        fail(f"{what} has unknown key(s) {', '.join(extra)} (typo?)")


@overload
def _uuid(value: Any, what: str, fail: Fail, *, optional: Literal[False] = False) -> str: ...
@overload
def _uuid(value: Any, what: str, fail: Fail, *, optional: bool) -> str | None: ...
def _uuid(value: Any, what: str, fail: Fail, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not UUID128.match(value):
        fail(f"{what} must be a full 128-bit lowercase UUID "
             "(e.g. 00001910-0000-1000-8000-00805f9b34fb), not {value!r}")
    return value


def _index(value: Any, what: str, fail: Fail) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 31:
        fail(f"{what} must be null or a byte index 0..30")
    return value


def _hex(value: Any, what: str, fail: Fail, length: int | None = None) -> bytes:
    try:
        data = bytes.fromhex(value) if isinstance(value, str) else None
    except ValueError:
        data = None
    if data is None or (length is not None and len(data) != length):
        size = f"{length} bytes of " if length else ""
        fail(f"{what} must be {size}hex text, not {value!r}")
    return data


def _advertisement(raw: Any, fail: Fail) -> Advertisement:
    _keys(raw, ADV_KEYS, "advertisement", fail)
    mid = raw["manufacturer_id"]
    if mid is not None and (not isinstance(mid, int) or not 0 <= mid <= 0xFFFF):
        fail("advertisement.manufacturer_id must be null or 0..65535")
    pattern = raw["name_pattern"]
    try:
        compiled = re.compile(pattern) if pattern is not None else None
    except (re.error, TypeError) as exc:
        fail(f"advertisement.name_pattern is not a regular expression: {exc}")
    if raw["mac"] not in MAC_SOURCES:
        fail(f"advertisement.mac must be one of {', '.join(MAC_SOURCES)}")
    if raw["mac"] != "address" and mid is None:
        fail("advertisement.mac reads the manufacturer data: manufacturer_id is needed")
    bits = raw["flag_bits"]
    if not isinstance(bits, dict) or not set(bits) <= FLAG_NAMES or not all(
            isinstance(b, int) and 0 <= b <= 7 for b in bits.values()):
        fail(f"advertisement.flag_bits maps {', '.join(sorted(FLAG_NAMES))} to bits 0..7")
    flags_index = _index(raw["flags_index"], "advertisement.flags_index", fail)
    if bits and flags_index is None:
        fail("advertisement.flag_bits needs flags_index")
    return Advertisement(
        service_uuid=_uuid(raw["service_uuid"], "advertisement.service_uuid", fail),
        manufacturer_id=mid, name_pattern=compiled,
        scene_index=_index(raw["scene_index"], "advertisement.scene_index", fail),
        flags_index=flags_index,
        battery_index=_index(raw["battery_index"], "advertisement.battery_index", fail),
        mac=raw["mac"], flag_bits=dict(bits))


def _gatt(raw: Any, fail: Fail) -> Gatt:
    _keys(raw, GATT_KEYS, "gatt", fail)
    chunk = raw["chunk_size"]
    if not isinstance(chunk, int) or not 1 <= chunk <= 512:
        fail("gatt.chunk_size must be 1..512")
    if not isinstance(raw["write_with_response"], bool):
        fail("gatt.write_with_response must be true or false")
    return Gatt(
        service=_uuid(raw["service"], "gatt.service", fail),
        write=_uuid(raw["write"], "gatt.write", fail, optional=True),
        notify=_uuid(raw["notify"], "gatt.notify", fail, optional=True),
        write_with_response=raw["write_with_response"], chunk_size=chunk,
        battery=_uuid(raw["battery"], "gatt.battery", fail, optional=True))


def _frame(raw: Any, fail: Fail) -> Frame | None:
    if raw is None:
        return None
    _keys(raw, FRAME_KEYS, "frame", fail)
    header = raw["header"]
    if not isinstance(header, list) or not all(
            isinstance(b, int) and 0 <= b <= 0xFFFF for b in header):
        fail("frame.header must be a list of numbers")
    for key in ("reply_cmd", "encrypted_marker"):
        value = raw[key]
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 255):
            fail(f"frame.{key} must be null or a byte")
    return Frame(tuple(header), raw["reply_cmd"], raw["encrypted_marker"],
                 _hex(raw["terminator"], "frame.terminator", fail))


def _timings(raw: Any, fail: Fail) -> Timings:
    _keys(raw, TIMING_KEYS, "timings", fail)
    for key in ("connect_timeout", "reply_timeout", "idle_drop"):
        if not isinstance(raw[key], int | float) or not 0 < raw[key] <= 120:
            fail(f"timings.{key} must be seconds in 0..120")
    attempts = raw["connect_attempts"]
    if not isinstance(attempts, int) or not 1 <= attempts <= 10:
        fail("timings.connect_attempts must be 1..10")
    backoff = raw["backoff"]
    if not isinstance(backoff, list) or not all(
            isinstance(b, int | float) and 0 <= b <= 30 for b in backoff):
        fail("timings.backoff must be a list of seconds")
    return Timings(float(raw["connect_timeout"]), float(raw["reply_timeout"]), attempts,
                   tuple(float(b) for b in backoff), float(raw["idle_drop"]))


def parse_profile(raw: Any, file: str = "<data>") -> LockProfile:
    def fail(message: str) -> NoReturn:
        raise ProfileError(file, message)

    _keys(raw, TOP_KEYS, "profile", fail, OPTIONAL_TOP_KEYS)
    if not isinstance(raw["id"], str) or not PROFILE_ID.match(raw["id"]):
        fail("id must be lower-case letters, digits and dashes")
    if raw["protocol"] not in PROTOCOLS:
        fail(f"protocol must be one of {', '.join(PROTOCOLS)}, not {raw['protocol']!r}")
    if not isinstance(raw["verified"], bool):
        fail("verified must be true or false")
    for key in ("family", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            fail(f"{key} must be a non-empty string")
    if not isinstance(raw["priority"], int):
        fail("priority must be a number (lower is tried first)")
    if raw["open"] not in OPEN_METHODS:
        fail("open must be null, 'bluetooth' or 'cloud_token'")
    if raw["clock"] not in CLOCK_METHODS:
        fail("clock must be null, 'ttlock' or 'current_time'")
    if raw["log"] not in LOG_METHODS:
        fail("log must be null or 'ttlock'")
    errors = raw["errors"]
    if not isinstance(errors, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items()):
        fail("errors maps the lock's error codes to catalog codes (domain 'lock')")
    features = raw["features"]
    if not isinstance(features, dict) or not all(
            isinstance(v, int) and 0 <= v < 32 for v in features.values()):
        fail("features maps feature names to bit numbers 0..31")
    vendor = raw["vendor_string"]
    if vendor is not None and (not isinstance(vendor, str) or not vendor.isascii()):
        fail("vendor_string must be null or ASCII text")
    frame = _frame(raw["frame"], fail)
    gatt = _gatt(raw["gatt"], fail)
    default_key = None
    if raw["crypto"] is not None:
        _keys(raw["crypto"], CRYPTO_KEYS, "crypto", fail)
        if raw["crypto"]["cipher"] != "aes-128-cbc":
            fail("crypto.cipher must be 'aes-128-cbc'")
        default_key = _hex(raw["crypto"]["default_key"], "crypto.default_key", fail, 16)
    success = failure = b""
    if raw["protocol"] == "ttlock-v3":
        if frame is None or len(frame.header) != 5 or frame.reply_cmd is None:
            fail("a ttlock-v3 profile needs frame.header (5 numbers) and frame.reply_cmd")
        if default_key is None or vendor is None:
            fail("a ttlock-v3 profile needs crypto.default_key and vendor_string")
        if gatt.write is None or gatt.notify is None:
            fail("a ttlock-v3 profile needs gatt.write and gatt.notify")
    if raw["protocol"] == "token-write":
        if "token" not in raw:
            fail("a token-write profile needs token.success_prefix / failure_prefix")
        _keys(raw["token"], TOKEN_KEYS, "token", fail)
        success = _hex(raw["token"]["success_prefix"], "token.success_prefix", fail)
        failure = _hex(raw["token"]["failure_prefix"], "token.failure_prefix", fail)
        if gatt.write is None or gatt.notify is None or frame is None:
            fail("a token-write profile needs gatt.write, gatt.notify and frame.terminator")
    return LockProfile(
        id=raw["id"], protocol=raw["protocol"], family=raw["family"],
        verified=raw["verified"], source=raw["source"], priority=raw["priority"],
        advertisement=_advertisement(raw["advertisement"], fail), gatt=gatt, frame=frame,
        default_key=default_key, vendor_string=vendor, timings=_timings(raw["timings"], fail),
        features=dict(features), open=raw["open"], clock=raw["clock"], log=raw["log"],
        errors={k.upper() if len(k) == 2 else k: v for k, v in errors.items()},
        token_success=success, token_failure=failure, file=file)


def profiles_dir() -> Path:
    return paths.resources_dir() / "locks"


def load_profiles(directory: Path | None = None) -> tuple[LockProfile, ...]:
    """Every profile of ``directory``, best match first (by ``priority``)."""
    directory = directory or profiles_dir()
    found: dict[str, LockProfile] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProfileError(path.name, f"cannot be read as JSON: {exc}") from None
        profile = parse_profile(raw, path.name)
        if profile.id in found:
            raise ProfileError(path.name, f"id {profile.id!r} is also used by "
                                          f"{found[profile.id].file}")
        found[profile.id] = profile
    if not found:
        raise ProfileError(str(directory), "no lock profiles found")
    return tuple(sorted(found.values(), key=lambda p: (p.priority, p.id)))


@cache
def shipped_profiles() -> tuple[LockProfile, ...]:
    return load_profiles()


def profile_by_id(profile_id: str,
                  profiles: tuple[LockProfile, ...] | None = None) -> LockProfile:
    for profile in profiles or shipped_profiles():
        if profile.id == profile_id:
            return profile
    raise KeyError(profile_id)
