"""The simulated locks: their GATT tables, advertisements and behaviour.

A lock receives GATT writes, collects them into whole commands (:meth:`SimLock.accept`)
and answers a command with notifications (:meth:`SimLock.execute`). Link-level faults
(drops, ATT errors, lost replies, chunking) are applied by the server around these
calls; the faults that are the lock's own behaviour (wrong key, wrong admin, not in
setting mode, battery) live here.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.devices.locks import crypto
from app.devices.locks import current_time as ct
from app.devices.locks.profiles import LockProfile
from app.devices.locks.sim.faults import Fault
from app.devices.locks.ttlock import commands as c
from app.devices.locks.ttlock import frames

BASE = "0000{:04x}-0000-1000-8000-00805f9b34fb"
DEVICE_INFO = {0x2A29: "manufacturer", 0x2A24: "model", 0x2A25: "serial",
               0x2A27: "hardware", 0x2A26: "firmware", 0x2A28: "software"}
BATTERY_LEVEL, CURRENT_TIME = 0x2A19, 0x2A2B
LOG_LIMIT = 400  # records a lock keeps (oldest go first), so memory stays bounded
LOG_PAGE = 5


def uuid16(short: int) -> str:
    return BASE.format(short)


@dataclass
class Char:
    handle: int
    uuid: str
    props: list[str]
    cccd: int | None = None  # handle of the notify descriptor


@dataclass
class Service:
    handle: int
    uuid: str
    chars: list[Char] = field(default_factory=list)


class AttError(Exception):
    def __init__(self, code: int) -> None:
        self.code = code
        super().__init__(code)


class SimLock:
    protocol = ""

    def __init__(self, mac: str, profile: LockProfile, *, room: str = "",
                 clock: Callable[[], datetime], drift: float = 0.0, battery: int = 86,
                 rssi: int = -62, model: str = "K5", firmware: str = "6.1.2",
                 rng: random.Random | None = None) -> None:
        self.mac = mac.upper()
        self.profile = profile
        self.room = room
        self._clock = clock
        self.clock_offset = timedelta(seconds=drift)
        self.normal_battery = battery
        self.rssi = rssi
        self.model, self.hardware, self.firmware = model, "2.1", firmware
        self.manufacturer, self.serial = "KeyDesk Sim", self.mac.replace(":", "")
        self.rng = rng or random.Random(self.mac)
        self.faults: dict[str, Fault] = {}
        self.awake_until = 0.0
        self.locked = True
        self.openings = 0
        self.services: list[Service] = []
        self._next_handle = 1
        self._build_gatt()

    # -- state -----------------------------------------------------------------------
    def has(self, name: str) -> bool:
        fault = self.faults.get(name)
        return fault is not None and fault.after <= 0 and (fault.count is None
                                                            or fault.count > 0)

    def use(self, name: str) -> bool:
        fault = self.faults.get(name)
        if fault is None:
            return False
        used = fault.use()
        if fault.count is not None and fault.count <= 0:
            self.faults.pop(name, None)
        return used

    @property
    def battery(self) -> int:
        if self.has("out_of_battery"):
            return 3
        if self.has("low_battery"):
            return 15
        return self.normal_battery

    def now(self) -> datetime:
        """The lock's own wall clock (site-local, no time zone, whole seconds)."""
        return (self._clock() + self.clock_offset).replace(microsecond=0)

    def set_clock(self, when: datetime) -> None:
        self.clock_offset = when - self._clock().replace(microsecond=0)

    def flags(self) -> int:
        return 0

    # -- GATT --------------------------------------------------------------------------
    def _handle(self) -> int:
        self._next_handle += 1
        return self._next_handle - 1

    def _service(self, uuid: str, chars: list[tuple[str, list[str]]]) -> None:
        service = Service(self._handle(), uuid)
        for cuuid, props in chars:
            char = Char(self._handle(), cuuid, props)
            if "notify" in props:
                char.cccd = self._handle()
            service.chars.append(char)
        self.services.append(service)

    def _build_gatt(self) -> None:
        self._service(uuid16(0x180A), [(uuid16(u), ["read"]) for u in DEVICE_INFO])
        self._service(uuid16(0x180F), [(uuid16(BATTERY_LEVEL), ["read", "notify"])])

    def char_by_handle(self, handle: int) -> Char | None:
        for service in self.services:
            for char in service.chars:
                if char.handle == handle:
                    return char
        return None

    def describe_gatt(self) -> list[dict[str, Any]]:
        return [{"uuid": s.uuid, "handle": s.handle,
                 "chars": [{"uuid": ch.uuid, "handle": ch.handle, "props": ch.props,
                            "cccd": ch.cccd} for ch in s.chars]} for s in self.services]

    def read(self, handle: int) -> bytes:
        char = self.char_by_handle(handle)
        if char is None or "read" not in char.props:
            raise AttError(0x02)  # read not permitted
        short = int(char.uuid[4:8], 16)
        if short in DEVICE_INFO:
            return str(getattr(self, DEVICE_INFO[short])).encode()
        if short == BATTERY_LEVEL:
            return bytes((self.battery,))
        return self.read_other(short)

    def read_other(self, short: int) -> bytes:
        raise AttError(0x0A)

    def accept(self, handle: int, data: bytes) -> bytes | None:
        """Collect one write; the whole command once it is complete, else None."""
        raise AttError(0x03)  # write not permitted

    def execute(self, handle: int, command: bytes) -> list[bytes]:
        return []

    def notify_handle(self) -> int | None:
        return None

    def disconnected(self) -> None:
        """The link went away: forget anything half-received."""

    # -- advertising -------------------------------------------------------------------
    def advertisement(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        return {"mac": self.mac, "profile": self.profile.id, "family": self.profile.family,
                "room": self.room, "battery": self.battery, "rssi": self.rssi,
                "clock": self.now().isoformat(), "openings": self.openings,
                "faults": sorted(self.faults)}


class VendorChannelLockSim(SimLock):
    """A lock whose own protocol runs over the profile's vendor service: a write
    characteristic and a notify one, listed before the standard services."""

    def _build_gatt(self) -> None:
        gatt = self.profile.gatt
        assert gatt.write is not None and gatt.notify is not None  # checked on load
        self._service(gatt.service, [(gatt.write, ["write"]), (gatt.notify, ["notify"])])
        super()._build_gatt()

    def notify_handle(self) -> int | None:
        return self.services[0].chars[1].handle


class TTLockSim(VendorChannelLockSim):
    """A TTLock V3 lock: frames, AES with the default key in setting mode, then its own."""

    protocol = "ttlock-v3"

    def __init__(self, *args: Any, setting_mode: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setting_mode = setting_mode
        self.key: bytes | None = None
        self.admin_ps: int | None = None
        self.unlock_key: int | None = None
        self.other_key = bytes(self.rng.randrange(256) for _ in range(16))
        self.log: deque[c.LogRecord] = deque(maxlen=LOG_LIMIT)
        self.hotel = (0, 0, 0)
        self.auto_lock = 5
        self._rx = frames.Reassembler()
        self._challenge: int | None = None
        self._user_uid = 0
        self._record_id = 1000
        f = profile_features(self.profile)
        self.feature_bits = f
        if not setting_mode:  # initialised by someone else: its secrets are not ours
            self.key = bytes(self.rng.randrange(256) for _ in range(16))
            self.admin_ps, self.unlock_key = self.rng.getrandbits(31), self.rng.getrandbits(31)

    def flags(self) -> int:
        bits = self.profile.advertisement.flag_bits
        out = 0
        if not self.locked:
            out |= 1 << bits["unlocked"]
        if self.log:
            out |= 1 << bits["new_records"]
        if self.in_setting_mode:
            out |= 1 << bits["setting_mode"]
        return out

    def advertisement(self) -> dict[str, Any]:
        raw = bytes.fromhex(self.mac.replace(":", ""))
        mid = self.profile.advertisement.manufacturer_id or 0
        payload = bytes((2, self.flags(), self.battery, 5, 0)) + raw[::-1]
        return {"name": f"{self.model}_{raw[3:][::-1].hex()}",
                "service_uuids": [self.profile.advertisement.service_uuid],
                "manufacturer_data": {str(mid): payload.hex()}}

    def disconnected(self) -> None:
        self._rx.reset()
        self._challenge = None

    def accept(self, handle: int, data: bytes) -> bytes | None:
        if handle != self.services[0].chars[0].handle:
            return super().accept(handle, data)
        done = self._rx.feed(data)
        return done[-1].raw if done else None

    # -- one command -------------------------------------------------------------------
    @property
    def in_setting_mode(self) -> bool:
        return self.setting_mode and not self.has("not_setting_mode")

    def _key_for(self, cmd: int) -> bytes | None:
        if cmd in c.DEFAULT_KEY_COMMANDS:
            return self.profile.default_key
        if any(self.has(f) for f in ("wrong_key_silent", "wrong_key_garbled",
                                     "not_setting_mode")):
            return self.other_key  # reset or set up elsewhere: a key that is not ours
        return self.key

    def execute(self, handle: int, command: bytes) -> list[bytes]:
        frame = frames.parse(command)
        key = self._key_for(frame.cmd)
        if key is None:
            return []  # no key yet: nothing it could decrypt
        try:
            plain = crypto.decrypt(key, frame.data)
        except crypto.DecryptError:
            if not self.has("wrong_key_garbled"):
                return []  # most locks stay silent on what they cannot read
            plain = None  # some answer "failed" under their own key, which we cannot read
        if plain is None:
            ok, data = False, b"\x01"
        elif not frame.crc_ok:
            ok, data = False, b"\x01"
        else:
            ok, data = self._answer(frame.cmd, plain)
        body = crypto.encrypt(key, c.reply(frame.cmd, ok, data))
        cfg = self.profile.frame
        assert cfg is not None and cfg.reply_cmd is not None  # a ttlock-v3 profile has them
        raw = bytearray(frames.encode(cfg.header, cfg.reply_cmd, body))
        if self.has("bad_crc"):
            raw[-3] ^= 0xA5  # the same wrong CRC every time for the same reply
        elif self.has("bad_crc_random"):
            raw[-3] ^= self.rng.randrange(1, 256)
        return frames.chunks(bytes(raw), self.profile.gatt.chunk_size)

    def _answer(self, cmd: int, data: bytes) -> tuple[bool, bytes]:
        needs_admin = {c.CHECK_ADMIN, c.ADMIN_PROOF, c.CHECK_USER_TIME, c.UNLOCK, c.READ_LOG,
                       c.HOTEL_DATA, c.FACTORY_RESET, c.PASSAGE_MODE, c.AUTO_LOCK}
        if self.in_setting_mode and cmd in needs_admin:
            return False, b"\x05"
        if cmd in (c.INITIALISE, c.GET_AES_KEY, c.ADD_ADMIN, c.INIT_FINISHED) \
                and not self.in_setting_mode:
            return False, b"\x07"
        name = c.NAMES.get(cmd, "").replace(" ", "_").replace("-", "_")
        handler = getattr(self, f"_cmd_{name}", None)
        if handler is None:
            return False, b"\x1b"
        answer: tuple[bool, bytes] = handler(data)
        return answer

    def _cmd_initialise(self, data: bytes) -> tuple[bool, bytes]:
        self.key = bytes(self.rng.randrange(256) for _ in range(16))
        self.admin_ps = self.unlock_key = None
        return True, b""

    def _cmd_get_AES_key(self, data: bytes) -> tuple[bool, bytes]:
        if data.decode("ascii", "replace") != self.profile.vendor_string:
            return False, b"\x1d"
        return True, self.key or b""

    def _cmd_add_admin(self, data: bytes) -> tuple[bool, bytes]:
        if len(data) < 8 or self.key is None:
            return False, b"\x13"
        if data[8:].decode("ascii", "replace") != self.profile.vendor_string:
            return False, b"\x1d"
        self.admin_ps, self.unlock_key = c.read_u32(data, 0), c.read_u32(data, 4)
        return True, data[8:]

    def _cmd_set_clock(self, data: bytes) -> tuple[bool, bytes]:
        if self.admin_ps is None:
            return False, b"\x06"
        try:
            self.set_clock(c.parse_date6(data))
        except ValueError:
            return False, b"\x13"
        return True, b""

    def _cmd_read_clock(self, data: bytes) -> tuple[bool, bytes]:
        return True, c.date6(self.now())

    def _cmd_features(self, data: bytes) -> tuple[bool, bytes]:
        return True, bytes((self.battery,)) + c.u32(self.feature_bits)

    def _cmd_device_info(self, data: bytes) -> tuple[bool, bytes]:
        kind = data[0] if data else 0
        value = {c.INFO_MODEL: self.model, c.INFO_HARDWARE: self.hardware,
                 c.INFO_FIRMWARE: self.firmware, c.INFO_MADE: "20260105"}.get(kind)
        if value is None:
            return False, b"\x13"
        return True, value.encode("ascii") + b"\x00"

    def _cmd_initialisation_finished(self, data: bytes) -> tuple[bool, bytes]:
        if self.admin_ps is None:
            return False, b"\x06"
        self.setting_mode = False
        return True, b""

    def _cmd_check_admin(self, data: bytes) -> tuple[bool, bytes]:
        if self.admin_ps is None:
            return False, b"\x06"
        if self.has("wrong_admin") or len(data) < 4 or c.read_u32(data) != self.admin_ps:
            return False, b"\x03"
        self._challenge = self.rng.getrandbits(32)
        return True, c.u32(self._challenge)

    def _proof_ok(self, value: int) -> bool:
        return (self._challenge is not None and self.unlock_key is not None
                and value == c.proof(self._challenge, self.unlock_key))

    def _cmd_admin_proof(self, data: bytes) -> tuple[bool, bytes]:
        ok = len(data) >= 4 and self._proof_ok(c.read_u32(data))
        self._challenge = None
        return (True, b"") if ok else (False, b"\x03")

    def _cmd_check_user_time(self, data: bytes) -> tuple[bool, bytes]:
        if len(data) < 17:
            return False, b"\x13"
        try:
            start, end = c.parse_date5(data[0:5]), c.parse_date5(data[5:10])
        except ValueError:
            return False, b"\x13"
        if not start <= self.now() <= end:
            return False, b"\x13"
        self._user_uid = c.read_u32(data, 13)
        self._challenge = self.rng.getrandbits(32)
        return True, c.u32(self._challenge)

    def _cmd_unlock(self, data: bytes) -> tuple[bool, bytes]:
        if len(data) < 8 or not self._proof_ok(c.read_u32(data)):
            self._challenge = None
            return False, b"\x03"
        self._challenge = None
        if self.has("out_of_battery"):
            return False, b"\x0a"
        self.openings += 1
        self._record_id += 1
        when = self.now()
        self.log.append(c.LogRecord(c.LOG_BLUETOOTH_UNLOCK, when, self.battery,
                                    self._user_uid, self._record_id))
        return True, (bytes((self.battery,)) + c.u32(self._user_uid) + c.u32(self._record_id)
                      + c.date6(when))

    def _cmd_state(self, data: bytes) -> tuple[bool, bytes]:
        return True, bytes((self.battery, 0 if self.locked else 1))

    def _cmd_read_log(self, data: bytes) -> tuple[bool, bytes]:
        records = list(self.log)[::-1]  # newest first
        seq = int.from_bytes(data[:2], "big") if len(data) >= 2 else c.LOG_NEWEST
        start = 0 if seq == c.LOG_NEWEST else seq
        page = records[start:start + LOG_PAGE]
        following = start + LOG_PAGE
        next_seq = following if following < len(records) else 0
        body = len(records).to_bytes(2, "big") + next_seq.to_bytes(2, "big")
        return True, body + b"".join(c.encode_record(r) for r in page)

    def _cmd_hotel_data(self, data: bytes) -> tuple[bool, bytes]:
        if not self.feature_bits >> self.profile.features.get("hotel", 19) & 1:
            return False, b"\x1b"
        if len(data) >= 8 and data[0] == c.HOTEL_OP_SET and data[1] == c.HOTEL_TYPE_INFO:
            self.hotel = (int.from_bytes(data[3:6], "big"), data[6], data[7])
            return True, b""
        if data[:1] == bytes((c.HOTEL_OP_GET,)):
            h, b, f = self.hotel
            return True, bytes((c.HOTEL_TYPE_INFO, 5)) + h.to_bytes(3, "big") + bytes((b, f))
        return False, b"\x13"

    def _cmd_auto_lock(self, data: bytes) -> tuple[bool, bytes]:
        if len(data) >= 3 and data[0] == 2:
            self.auto_lock = int.from_bytes(data[1:3], "big")
        return True, bytes((self.battery, data[0] if data else 1)) + \
            self.auto_lock.to_bytes(2, "big") + (0).to_bytes(2, "big") + (900).to_bytes(2, "big")

    def _cmd_passage_mode(self, data: bytes) -> tuple[bool, bytes]:
        return True, b""

    def _cmd_factory_reset(self, data: bytes) -> tuple[bool, bytes]:
        self.setting_mode = True
        self.key = self.admin_ps = self.unlock_key = None
        self.log.clear()
        return True, b""

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.update(setting_mode=self.in_setting_mode, hotel=list(self.hotel))
        return out


def profile_features(profile: LockProfile) -> int:
    bits = 0
    for name in ("hotel", "passage_mode", "auto_lock", "audio", "ic_card"):
        if name in profile.features:
            bits |= 1 << profile.features[name]
    return bits


class GattLockSim(SimLock):
    """A lock that speaks only the standard services (Device Information, Battery,
    Current Time, writable)."""

    protocol = "gatt-standard"

    def _build_gatt(self) -> None:
        super()._build_gatt()
        self._service(uuid16(0x1805), [(uuid16(CURRENT_TIME), ["read", "write", "notify"])])

    def read_other(self, short: int) -> bytes:
        if short == CURRENT_TIME:
            return ct.encode(self.now())
        return super().read_other(short)

    def accept(self, handle: int, data: bytes) -> bytes | None:
        char = self.char_by_handle(handle)
        if char is None or char.uuid != uuid16(CURRENT_TIME):
            return super().accept(handle, data)
        return data

    def execute(self, handle: int, command: bytes) -> list[bytes]:
        try:
            self.set_clock(ct.decode(command))
        except ValueError:
            raise AttError(0x0D) from None  # invalid attribute value length
        return []

    def advertisement(self) -> dict[str, Any]:
        return {"name": f"DOOR-{self.mac.replace(':', '')[-4:]}",
                "service_uuids": [uuid16(0x180F), uuid16(0x180A)], "manufacturer_data": {}}


class TokenLockSim(VendorChannelLockSim):
    """A lock opened by the cloud's Bluetooth string: ASCII written in chunks up to the
    profile's terminator, answered ``OK`` / ``ER`` + reason."""

    protocol = "token-write"
    TOKEN_LENGTH = 48

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rx = bytearray()

    @property
    def terminator(self) -> bytes:
        return self.profile.frame.terminator if self.profile.frame else b"\r\n"

    def disconnected(self) -> None:
        self._rx.clear()

    def accept(self, handle: int, data: bytes) -> bytes | None:
        if handle != self.services[0].chars[0].handle:
            return super().accept(handle, data)
        self._rx += data
        del self._rx[:-512]  # bounded whatever is written
        end = self.terminator
        at = self._rx.find(end)
        if at < 0:
            return None
        command = bytes(self._rx[:at])
        del self._rx[:at + len(end)]
        return command

    def execute(self, handle: int, command: bytes) -> list[bytes]:
        end = self.terminator
        text = command.decode("ascii", "replace")
        valid = len(text) == self.TOKEN_LENGTH and all(ch in "0123456789ABCDEF" for ch in text)
        if self.has("wrong_key_silent"):
            return []
        if self.has("wrong_key_garbled"):
            return [b"\x13\x37garbage" + end]
        if not valid:
            answer = self.profile.token_failure + b"\x01"
        elif self.has("out_of_battery"):
            answer = self.profile.token_failure + b"\x0a"
        else:
            self.openings += 1
            answer = self.profile.token_success + bytes((self.battery,))
        data = answer + end
        size = self.profile.gatt.chunk_size
        return [data[i:i + size] for i in range(0, len(data), size)]

    def flags(self) -> int:
        return 0 if self.locked else 1

    def advertisement(self) -> dict[str, Any]:
        raw = bytes.fromhex(self.mac.replace(":", ""))
        mid = self.profile.advertisement.manufacturer_id or 0
        payload = bytes((self.flags(), self.battery, 0)) + raw
        return {"name": f"UCL_{raw[3:].hex().upper()}",
                "service_uuids": [self.profile.advertisement.service_uuid],
                "manufacturer_data": {str(mid): payload.hex()}}


LOCK_CLASSES: dict[str, type[SimLock]] = {
    TTLockSim.protocol: TTLockSim,
    GattLockSim.protocol: GattLockSim,
    TokenLockSim.protocol: TokenLockSim,
}
