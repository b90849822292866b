"""TTLock V3 commands: what each request carries and what each reply means.

Pure functions, no I/O: the driver sends them, the simulated lock answers them, and
both use this one description of the protocol. Dates are the lock's local wall time
(it has no time zone), each field one byte holding the decimal value (not BCD).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

INITIALISE = 0x45
GET_AES_KEY = 0x19
ADD_ADMIN = 0x56
SET_CLOCK = 0x43
READ_CLOCK = 0x34
FEATURES = 0x01
DEVICE_INFO = 0x90
INIT_FINISHED = 0x57
CHECK_ADMIN = 0x41
ADMIN_PROOF = 0x30
CHECK_USER_TIME = 0x55
UNLOCK = 0x47
STATE = 0x14
READ_LOG = 0x25
HOTEL_DATA = 0x64
PASSAGE_MODE = 0x66
AUTO_LOCK = 0x36
FACTORY_RESET = 0x52

NAMES = {
    INITIALISE: "initialise", GET_AES_KEY: "get AES key", ADD_ADMIN: "add admin",
    SET_CLOCK: "set clock", READ_CLOCK: "read clock", FEATURES: "features",
    DEVICE_INFO: "device info", INIT_FINISHED: "initialisation finished",
    CHECK_ADMIN: "check admin", ADMIN_PROOF: "admin proof", CHECK_USER_TIME: "check user time",
    UNLOCK: "unlock", STATE: "state", READ_LOG: "read log", HOTEL_DATA: "hotel data",
    PASSAGE_MODE: "passage mode", AUTO_LOCK: "auto-lock", FACTORY_RESET: "factory reset",
}
# Commands the lock answers with the setting-mode default key.
DEFAULT_KEY_COMMANDS = {INITIALISE, GET_AES_KEY}
INFO_MODEL, INFO_HARDWARE, INFO_FIRMWARE, INFO_MADE = 1, 2, 3, 4
LOG_NEWEST = 0xFFFF
LOG_BLUETOOTH_UNLOCK = 1
LOG_TYPES = {1: "bluetooth unlock", 17: "IC card unlock", 25: "IC card refused",
             28: "gateway unlock", 29: "illegal unlock", 32: "exit button"}
HOTEL_OP_GET, HOTEL_OP_SET, HOTEL_TYPE_INFO = 1, 2, 3
OK, FAILED = 1, 0
U32 = 1 << 32


def date6(when: datetime) -> bytes:
    return bytes((when.year % 100, when.month, when.day, when.hour, when.minute, when.second))


def date5(when: datetime) -> bytes:
    return date6(when)[:5]


def parse_date6(data: bytes, century: int = 2000) -> datetime:
    if len(data) < 6:
        raise ValueError("a date needs 6 bytes")
    yy, mo, dd, hh, mi, ss = data[:6]
    return datetime(century + yy, mo, dd, hh, mi, ss)


def parse_date5(data: bytes, century: int = 2000) -> datetime:
    return parse_date6(bytes(data[:5]) + b"\x00", century)


def u32(value: int) -> bytes:
    return (value % U32).to_bytes(4, "big")


def read_u32(data: bytes, at: int = 0) -> int:
    return int.from_bytes(data[at:at + 4], "big")


def proof(ps_from_lock: int, unlock_key: int) -> int:
    """The answer to a challenge: (psFromLock + unlockKey) mod 2^32."""
    return (ps_from_lock + unlock_key) % U32


@dataclass(frozen=True)
class Reply:
    """A decrypted reply: ``[cmd echo][status][data]``."""

    cmd: int
    ok: bool
    data: bytes

    @property
    def error(self) -> str:
        """The lock's error byte as two hex digits ("03"), for failed replies."""
        return f"{self.data[0]:02X}" if self.data else "13"


def reply(cmd: int, ok: bool, data: bytes = b"") -> bytes:
    return bytes((cmd, OK if ok else FAILED)) + data


def parse_reply(plain: bytes) -> Reply:
    if len(plain) < 2:
        raise ValueError("a reply has at least a command echo and a status")
    return Reply(plain[0], plain[1] == OK, bytes(plain[2:]))


# --- requests -----------------------------------------------------------------------

def add_admin(admin_ps: int, unlock_key: int, vendor: str) -> bytes:
    return u32(admin_ps) + u32(unlock_key) + vendor.encode("ascii")


def check_admin(admin_ps: int, uid: int, flag_pos: int = 0) -> bytes:
    return u32(admin_ps) + flag_pos.to_bytes(3, "big") + u32(uid)


def check_user_time(start: datetime, end: datetime, uid: int, flag_pos: int = 0) -> bytes:
    return date5(start) + date5(end) + flag_pos.to_bytes(3, "big") + u32(uid)


def unlock(ps_from_lock: int, unlock_key: int, unix_time: int) -> bytes:
    return u32(proof(ps_from_lock, unlock_key)) + u32(unix_time)


def hotel_set(hotel: int, building: int, floor: int) -> bytes:
    return bytes((HOTEL_OP_SET, HOTEL_TYPE_INFO, 5)) + (hotel % (1 << 24)).to_bytes(3, "big") \
        + bytes((building % 256, floor % 256))


def hotel_get() -> bytes:
    return bytes((HOTEL_OP_GET, HOTEL_TYPE_INFO, 0))


def auto_lock_set(seconds: int) -> bytes:
    """0x36 op 2: lock again ``seconds`` after opening (0 = off)."""
    return bytes((2,)) + max(0, min(seconds, 0xFFFF)).to_bytes(2, "big")


def passage_mode(op: int, start: tuple[int, int], end: tuple[int, int], kind: int = 1,
                 day: int = 0, month: int = 0) -> bytes:
    """0x66: op (1 query, 2 add, 3 delete, 4 clear), type (1 weekly, 2 monthly), day, month,
    start h/m, end h/m — the door stays open between start and end."""
    return bytes((op, kind, day, month, *start, *end))


def read_log(seq: int = LOG_NEWEST) -> bytes:
    return seq.to_bytes(2, "big")


# --- replies ------------------------------------------------------------------------

@dataclass(frozen=True)
class Features:
    battery: int
    bits: int

    def has(self, bit: int) -> bool:
        return bool(self.bits >> bit & 1)


def parse_features(data: bytes) -> Features:
    if len(data) < 5:
        raise ValueError("features reply is too short")
    return Features(data[0], read_u32(data, 1))


@dataclass(frozen=True)
class Unlocked:
    battery: int
    uid: int
    unique_id: int
    when: datetime


def parse_unlock(data: bytes) -> Unlocked:
    if len(data) < 15:
        raise ValueError("unlock reply is too short")
    return Unlocked(data[0], read_u32(data, 1), read_u32(data, 5), parse_date6(data[9:15]))


@dataclass(frozen=True)
class LogRecord:
    type: int
    when: datetime
    battery: int
    uid: int | None = None
    record_id: int | None = None

    @property
    def type_name(self) -> str:
        return LOG_TYPES.get(self.type, f"type {self.type}")

    def to_dict(self) -> dict[str, object]:
        return {"type": self.type, "what": self.type_name, "time": self.when.isoformat(),
                "battery": self.battery, "uid": self.uid, "record_id": self.record_id}


def encode_record(rec: LogRecord) -> bytes:
    body = bytes((rec.type,)) + date6(rec.when) + bytes((rec.battery,))
    if rec.type == LOG_BLUETOOTH_UNLOCK:
        body += u32(rec.uid or 0) + u32(rec.record_id or 0)
    return bytes((len(body),)) + body


@dataclass(frozen=True)
class LogPage:
    total: int
    next_seq: int
    records: list[LogRecord]


def parse_log_page(data: bytes) -> LogPage:
    if len(data) < 4:
        raise ValueError("log reply is too short")
    total, next_seq = int.from_bytes(data[:2], "big"), int.from_bytes(data[2:4], "big")
    records: list[LogRecord] = []
    at = 4
    while at < len(data):
        size = data[at]
        body = data[at + 1:at + 1 + size]
        if size < 8 or len(body) < size:
            raise ValueError("a log record is cut short")
        rec_type, when, battery = body[0], parse_date6(body[1:7]), body[7]
        uid = record_id = None
        if rec_type == LOG_BLUETOOTH_UNLOCK and size >= 16:
            uid, record_id = read_u32(body, 8), read_u32(body, 12)
        records.append(LogRecord(rec_type, when, battery, uid, record_id))
        at += 1 + size
    return LogPage(total, next_seq, records)


@dataclass(frozen=True)
class AutoLock:
    battery: int
    seconds: int
    minimum: int
    maximum: int


def parse_auto_lock(data: bytes) -> AutoLock:
    if len(data) < 8:
        raise ValueError("auto-lock reply is too short")
    return AutoLock(data[0], int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big"),
                    int.from_bytes(data[6:8], "big"))


def parse_info(data: bytes) -> str:
    """Device info replies: ASCII text (the last byte is a terminator/flag)."""
    text = data[:-1] if data else b""
    return text.rstrip(b"\x00").decode("ascii", "replace")
