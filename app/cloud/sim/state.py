"""What the simulated cloud holds in memory, and the switches tests turn.

All mutation happens under :attr:`SimState.lock` (the HTTP server answers on several
threads).
"""

from __future__ import annotations

import secrets
import string
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.cloud.sim import community as demo


class ApiError(Exception):
    """The simulator's answer is an error envelope with this code."""

    def __init__(self, code: int | str, message: str = "") -> None:
        super().__init__(message or str(code))
        self.code = str(code)
        self.message = message


@dataclass
class SimKey:
    card_no: str
    mobile: str
    area_code: str
    room: tuple[str, str, str]
    start: datetime
    end: datetime
    card_type: int
    client_ref: str = ""
    cancelled: bool = False
    fetched: bool = False
    lost: bool = False
    sms_sent: bool = False


@dataclass
class SimRfCard:
    serial_num: str
    room: tuple[str, str, str] | None = None
    end: datetime | None = None
    batch_no: str = ""
    cancelled: bool = False


@dataclass
class SimRecord:
    room: tuple[str, str, str]
    time: datetime
    card_type: int
    open_way: str
    holder: str


@dataclass
class SimState:
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(demo.DEMO_TIMEZONE))
    accounts: dict[str, str] = field(
        default_factory=lambda: {demo.DEMO_ACCOUNT_SID: demo.DEMO_AUTH_TOKEN})
    community_no: str = demo.DEMO_COMMUNITY_NO
    buildings: list[demo.SimBuilding] = field(default_factory=demo.demo_buildings)
    rooms: list[demo.SimRoom] = field(default_factory=demo.demo_rooms)
    issuers: list[str] = field(default_factory=lambda: [demo.DEMO_ISSUE_MAC])
    operator: tuple[str, str, str] = (
        demo.DEMO_OPERATOR_AREA_CODE, demo.DEMO_OPERATOR_MOBILE, demo.DEMO_OPERATOR_PASSWORD)
    gateways: dict[str, str] = field(default_factory=lambda: {demo.DEMO_GATEWAY: "8899"})
    # Switches for the failure paths.
    operator_logged_in: bool = True  # False -> 5304
    issuer_online: bool = True  # False -> 5310
    gateway_online: bool = True  # False -> 5312
    sms_enabled: bool = True  # False -> 5202
    service_days: int = 365  # end times beyond now + this -> 5107
    rate_limit_per_s: int | None = None  # more requests than this in one second -> 4005
    # Contents.
    keys: dict[str, SimKey] = field(default_factory=dict)
    rf_cards: dict[str, SimRfCard] = field(default_factory=dict)
    card_on_issuer: str | None = None  # serialNum of the card lying on the issuer
    records: list[SimRecord] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        self.place_rf_card()
        now = self.now()
        for i, room in enumerate(self.rooms[:4]):
            for day in range(3):
                self.records.append(SimRecord(
                    room.key, now - timedelta(days=day, hours=i + 1), 6 if day else 11,
                    "QR code" if day else "admin card", "138****0000"))

    def now(self) -> datetime:
        return datetime.now(self.tz)

    def service_end(self) -> datetime:
        return self.now() + timedelta(days=self.service_days)

    def place_rf_card(self, serial: str | None = None) -> str:
        """Put a (blank) RF card on the issuer; returns its serial number."""
        with self.lock:
            serial = serial or secrets.token_hex(4).upper()
            self.rf_cards.setdefault(serial, SimRfCard(serial))
            self.card_on_issuer = serial
            return serial

    def find_room(self, building: str, floor: str, room: str) -> demo.SimRoom:
        if building and building not in {b.number for b in self.buildings}:
            raise ApiError(5005, "build no not exist")
        if floor and not any(floor in b.floors for b in self.buildings
                             if not building or b.number == building):
            raise ApiError(5006, "floor No not exist")
        for r in self.rooms:
            if r.room == room and (not building or r.building == building) and (
                    not floor or r.floor == floor):
                return r
        raise ApiError(5007, "room No not exist")

    def room_by_mac(self, mac: str) -> demo.SimRoom:
        for r in self.rooms:
            if r.mac.upper() == mac.upper():
                return r
        raise ApiError(5215, "No mac or roomId invalid")

    def new_card_no(self) -> str:
        alphabet = string.ascii_letters + string.digits
        while True:
            card_no = "".join(secrets.choice(alphabet) for _ in range(16))
            if card_no not in self.keys:
                return card_no
