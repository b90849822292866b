"""Typed requests and responses of the lock cloud (plain dataclasses, no I/O).

Times are timezone-aware datetimes; the client converts them to and from the
community's zone on the wire.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


def _plain(obj: Any) -> dict[str, Any]:
    """The public fields as JSON-ready values: ISO times; no images, no ``raw`` answers
    (those may carry fields nobody has vetted for printing)."""
    out = asdict(obj)
    out.pop("raw", None)
    for k, v in list(out.items()):
        if isinstance(v, datetime | date):
            out[k] = v.isoformat()
        elif isinstance(v, bytes):
            out.pop(k)  # images are not printed as JSON
    return out


@dataclass(frozen=True)
class RoomRef:
    building: str  # buildNo / builderNum, e.g. "001"
    floor: str  # floorNo, e.g. "01"
    room: str  # roomNo, e.g. "0101"

    def label(self) -> str:
        return f"{self.building}-{self.floor}-{self.room}"

    @classmethod
    def parse(cls, text: str) -> RoomRef:
        """``BUILDING-FLOOR-ROOM`` (as printed by ``keydesk cloud rooms``)."""
        parts = text.split("-")
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"expected BUILDING-FLOOR-ROOM, got {text!r}")
        return cls(*parts)


@dataclass(frozen=True)
class Room:
    ref: RoomRef
    name: str
    lock_no: str
    lock_type: str
    mac: str
    box_id: str = ""
    lock_index: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"room": self.ref.label(), "building": self.ref.building, "floor": self.ref.floor,
                "roomNo": self.ref.room, "name": self.name, "lockNo": self.lock_no,
                "lockType": self.lock_type, "mac": self.mac, "boxId": self.box_id,
                "lockIndex": self.lock_index}


@dataclass(frozen=True)
class Floor:
    number: str
    rooms: list[Room] = field(default_factory=list)


@dataclass(frozen=True)
class Building:
    number: str
    name: str
    floors: list[Floor] = field(default_factory=list)

    def all_rooms(self) -> list[Room]:
        return [r for f in self.floors for r in f.rooms]


@dataclass(frozen=True)
class GuestKeyRequest:
    """``getLink``: a QR guest key for a mobile number."""

    mobile: str
    room: RoomRef
    start: datetime
    end: datetime
    area_code: str = "86"
    card_kind: str = "room"  # room / floor / building
    send_sms: bool = False
    times: int | None = None  # number of uses, None = unlimited
    is_lost: bool = False  # a loss-report card (older locks)
    open_type: int | None = None


@dataclass(frozen=True)
class IssuedKey:
    card_no: str
    request: GuestKeyRequest
    verified_after_timeout: bool = False  # found by the look-up, not by the first answer

    def to_dict(self) -> dict[str, Any]:
        r = self.request
        return {"cardNo": self.card_no, "mobile": r.mobile, "areaCode": r.area_code,
                "room": r.room.label(), "cardKind": r.card_kind, "start": r.start.isoformat(),
                "end": r.end.isoformat(), "sms": r.send_sms,
                "verifiedAfterTimeout": self.verified_after_timeout}


@dataclass(frozen=True)
class KeyMaterial:
    """What ``getCard`` returned: a QR PNG, a Bluetooth string or a lock password."""

    card_no: str = ""
    qr_png: bytes | None = None
    ble_str: str = ""
    cipher: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cardNo": self.card_no}
        if self.qr_png is not None:
            out["qrPngBytes"] = len(self.qr_png)
        if self.ble_str:
            out["bleStr"] = self.ble_str
        if self.cipher:
            out["cipher"] = self.cipher
        return out


@dataclass(frozen=True)
class KeyRecord:
    """One guest key found by the (assumed) look-up used after a timed-out getLink."""

    card_no: str
    mobile: str
    room: RoomRef
    start: datetime | None
    end: datetime | None
    client_ref: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"cardNo": self.card_no, "mobile": self.mobile, "room": self.room.label(),
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "clientRef": self.client_ref}


@dataclass(frozen=True)
class RoomCardInfo:
    """``getRoomCardInfo``: a scanned key decoded (field list partly ASSUMED)."""

    room: RoomRef
    start: datetime | None
    end: datetime | None
    raw: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"room": self.room.label(),
                "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None}


@dataclass(frozen=True)
class CardIssuer:
    id: str
    mac: str

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class RfCardRequest:
    """``makeRoomCard``: an RF card written by the card issuer."""

    room: RoomRef
    end: datetime
    open_type: int = 0  # 0 single, 1 normally open
    owner: str = ""
    owner_gender: int | None = None
    owner_area_code: str = ""
    owner_mobile: str = ""
    lock_type: str = ""  # QRLOCK / RFLOCK-V9 are issued without issueMac


@dataclass(frozen=True)
class RfCardInfo:
    """``readCard``: the card lying on the issuer (field list partly ASSUMED)."""

    serial_num: str
    card_type: str
    batch_no: str
    building: str
    floor: str
    room: str
    end: datetime | None
    raw: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class Gateway:
    box_id: str
    has_password: bool

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # the gateway password itself is never printed


@dataclass(frozen=True)
class DoorRecord:
    time: datetime | None
    card_type: int
    card_type_name: str
    open_way: str
    holder: str
    raw: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True)
class LogQuery:
    room: RoomRef
    start: date
    end: date
    record_type: int = 0  # 0 all, 1 real-time, 2 collected
