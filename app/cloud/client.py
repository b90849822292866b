"""The lock-cloud client: one typed method per endpoint of the spec's table.

Use it on the runtime's asyncio loop thread::

    async with CloudClient(creds) as cloud:
        rooms = await cloud.fetch_room_info()

Create calls (``getLink``, ``makeRoomCard``) are never blindly repeated: after a timeout
or a dropped connection the client first finds out whether the first attempt took
effect (see :mod:`app.cloud.verify`), and only then tries once more.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from datetime import datetime, timedelta
from typing import Any

from app.cloud import parsing, verify
from app.cloud.config import (
    CARD_TYPES,
    IDEMPOTENCY_FIELD,
    RESULT_BLE,
    RESULT_PASSWORD,
    RESULT_QR,
    CallPolicy,
)
from app.cloud.credentials import CloudCredentials
from app.cloud.envelope import GarbledAnswer
from app.cloud.images import image_kind
from app.cloud.models import (
    Building,
    CardIssuer,
    DoorRecord,
    Gateway,
    GuestKeyRequest,
    IssuedKey,
    KeyMaterial,
    KeyRecord,
    LogQuery,
    RfCardInfo,
    RfCardRequest,
    RoomCardInfo,
    RoomRef,
)
from app.cloud.signing import hash_password
from app.cloud.timezones import community_date, to_card_time, zone
from app.cloud.transport import Transport
from app.domain.errors import KeyDeskError


def key_field(payload: Any, name: str) -> str:
    """A key field of ``getCard``: vendor pages show it inside ``data`` and beside it."""
    if not isinstance(payload, dict):
        return ""
    data = payload.get("data")
    for source in (data if isinstance(data, dict) else {}, payload):
        value = source.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return ""


def _qr_image(raw: str) -> bytes:
    """The QR image of ``baseImg`` (base64, maybe a data: URL); 5014 unless it decodes
    as a complete image — an empty or damaged key is never shown as a key."""
    if raw.startswith("data:"):
        raw = raw.partition(",")[2]
    try:
        image = base64.b64decode("".join(raw.split()), validate=True)
        image_kind(image)
    except (binascii.Error, ValueError) as exc:
        raise KeyDeskError("cloud_api", "5014",
                           f"getCard: no usable QR image in the answer ({exc})") from None
    return image


class CloudClient:
    def __init__(
        self, creds: CloudCredentials, policy: CallPolicy | None = None, **transport_kw: Any
    ) -> None:
        self.creds = creds
        self.tz = zone(creds.timezone)
        self.transport = Transport(creds, policy, **transport_kw)

    async def __aenter__(self) -> CloudClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.transport.aclose()

    async def call(self, name: str, fields: dict[str, Any]) -> Any:
        return await self.transport.call(name, fields)

    # -- QR-card family ----------------------------------------------------------------
    def link_fields(self, req: GuestKeyRequest) -> dict[str, Any]:
        if req.card_kind not in CARD_TYPES:
            raise KeyDeskError("cloud_api", "5117", f"unknown key kind {req.card_kind!r}")
        fields: dict[str, Any] = {
            "mobile": req.mobile, "areaCode": req.area_code,
            "communityNo": self.creds.community_no, "roomNo": req.room.room,
            "buildNo": req.room.building, "floorNo": req.room.floor,
            "startTime": to_card_time(req.start, self.tz),
            "endTime": to_card_time(req.end, self.tz),
            "cardType": CARD_TYPES[req.card_kind], "sendSms": 1 if req.send_sms else 0,
        }
        if req.times is not None:
            fields["times"] = req.times
        if req.is_lost:
            fields["isLost"] = 1
        if req.open_type is not None:
            fields["opentype"] = req.open_type
        return fields

    async def get_link(self, req: GuestKeyRequest) -> IssuedKey:
        """Create a QR guest key; returns its 16-character card number."""
        fields = {**self.link_fields(req), IDEMPOTENCY_FIELD: secrets.token_hex(8)}
        return await verify.create_guest_key(self, req, fields)

    async def query_keys(self, req: GuestKeyRequest) -> list[KeyRecord]:
        """ASSUMED look-up of keys by mobile/room/time (see config ``queryKeys``)."""
        f = self.link_fields(req)
        data = await self.call("queryKeys", {k: f[k] for k in (
            "communityNo", "mobile", "areaCode", "buildNo", "floorNo", "roomNo",
            "startTime", "endTime")})
        return parsing.key_records(data, self.tz)

    async def room_keys(self, room: RoomRef, mobile: str, area_code: str = "86"
                        ) -> list[KeyRecord]:
        """A guest's keys for a room (the same ASSUMED look-up, without the stay)."""
        data = await self.call("queryKeys", {
            "communityNo": self.creds.community_no, "mobile": mobile, "areaCode": area_code,
            "buildNo": room.building, "floorNo": room.floor, "roomNo": room.room})
        return parsing.key_records(data, self.tz)

    async def get_card(
        self, mobile: str, room_flag: str, *, area_code: str = "86", result_type: int = RESULT_QR,
        card_kind: str = "room", lock_type: str | None = None,
        open_end: datetime | None = None,
    ) -> KeyMaterial:
        """Fetch a key: ``room_flag`` is a cardNo, or ``mac:<LOCKMAC>`` for a Bluetooth lock."""
        fields: dict[str, Any] = {
            "mobile": mobile, "areaCode": area_code, "communityNo": self.creds.community_no,
            "time": int(self.transport.clock()), "roomFlag": room_flag,
            "cardType": CARD_TYPES.get(card_kind, 0), "resultType": result_type,
            "lockType": lock_type,
        }
        if open_end is not None:
            fields["openEndTime"] = to_card_time(open_end, self.tz)
        payload = await self.transport.call("getCard", fields, whole=True)
        card_no = key_field(payload, "cardNo") or ("" if room_flag.startswith("mac:")
                                                   else room_flag)
        if result_type == RESULT_QR:
            return KeyMaterial(card_no, qr_png=_qr_image(key_field(payload, "baseImg")))
        if result_type == RESULT_BLE:
            ble = key_field(payload, "bleStr")
            if not ble:
                raise KeyDeskError("cloud_api", "5208", "getCard: the answer holds no "
                                   "Bluetooth key (bleStr missing or empty)")
            return KeyMaterial(card_no, ble_str=ble)
        if result_type == RESULT_PASSWORD:
            cipher = key_field(payload, "cipher")
            if not cipher:
                raise GarbledAnswer("getCard: the answer holds no lock password (cipher)")
            return KeyMaterial(card_no, cipher=cipher)
        raise KeyDeskError("cloud_http", "400", f"unknown resultType {result_type}")

    async def cancel_card(self, card_no: str, card_kind: str = "room") -> None:
        await self.call("cancelCard", {"cardNo": card_no, "cardType": CARD_TYPES[card_kind]})

    async def report_lost(self, card_no: str, whole_room: bool = False) -> None:
        """After success the guest must fetch the same cardNo again (``get_card``) and
        present the new key at the lock to complete the loss report."""
        await self.call("reportLost", {"cardNo": card_no, "cardType": 0,
                                       "wholeRoom": 1 if whole_room else 0})

    async def get_room_card_info(self, card_string_hex: str) -> RoomCardInfo:
        data = await self.call("getRoomCardInfo", {"communityNo": self.creds.community_no,
                                                   "cardString": card_string_hex})
        return parsing.room_card_info(data, self.tz)

    # -- card-issuer family ------------------------------------------------------------
    def _operator(self) -> dict[str, str]:
        c = self.creds.require(operator=True)
        return {"communityNo": c.community_no, "issueMac": c.issue_mac,
                "creatorAreaCode": c.creator_area_code, "creatorMobile": c.creator_mobile,
                "creatorPassword": hash_password(c.creator_password)}

    async def get_mac_list(self) -> list[CardIssuer]:
        data = await self.call("getMacList", {"communityNo": self.creds.community_no})
        return [CardIssuer(str(d.get("id", "")), str(d.get("mac", ""))) for d in data or []]

    def room_card_fields(self, req: RfCardRequest) -> dict[str, Any]:
        fields: dict[str, Any] = {
            **self._operator(), "endTime": to_card_time(req.end, self.tz),
            "buildNo": req.room.building, "floorNo": req.room.floor, "roomNo": req.room.room,
            "opentype": req.open_type,
        }
        if req.lock_type.upper() in {"QRLOCK", "RFLOCK-V9"}:
            fields["issueMac"] = ""  # these lock types are issued without the issuer MAC
        for key, value in (("owner", req.owner), ("ownerAreaCode", req.owner_area_code),
                           ("ownerMobile", req.owner_mobile), ("ownerGender", req.owner_gender)):
            if value not in ("", None):
                fields[key] = value
        return fields

    async def make_room_card(self, req: RfCardRequest, operate_card_type: int = 4) -> RfCardInfo:
        """Write an RF card on the issuer; returns the card as read back afterwards."""
        fields = {**self.room_card_fields(req), IDEMPOTENCY_FIELD: secrets.token_hex(8)}
        return await verify.create_rf_card(self, req, fields, operate_card_type)

    async def read_card(self, operate_card_type: int = 4) -> RfCardInfo:
        data = await self.call("readCard", {**self._operator(),
                                            "operateCardType": operate_card_type})
        return parsing.rf_card(data, self.tz)

    async def cancel_rf_card(self, serial_num: str, operate_card_type: int = 4) -> None:
        await self.call("cancelRfCard", {**self._operator(), "serialNum": serial_num,
                                         "operateCardType": operate_card_type})

    # -- records family ----------------------------------------------------------------
    async def fetch_room_info(self) -> list[Building]:
        data = await self.call("fetchRoomInfo", {"communityNo": self.creds.community_no})
        return parsing.buildings(data)

    async def get_box_info(self) -> list[Gateway]:
        data = await self.call("getBoxInfo", {"communityNo": self.creds.community_no})
        rows = data if isinstance(data, list) else [data] if data else []
        return [Gateway(str(r.get("boxid", r.get("boxId", ""))), bool(r.get("pwd")))
                for r in rows]

    async def lock_box_room(self, mac: str, lock_type: int = 1, box_id: str = "",
                            floor_num: str = "") -> None:
        """Remote unlock: 1 gateway room (needs box_id), 2 Wi-Fi door, 3 Wi-Fi elevator."""
        fields: dict[str, Any] = {"communityNo": self.creds.community_no, "mac": mac,
                                  "lockType": lock_type}
        if lock_type == 1:
            fields["boxId"] = box_id
        if lock_type == 3:
            fields["floorNum"] = floor_num
        await self.call("lockBoxRoom", fields)

    async def query_by_room(self, q: LogQuery) -> list[DoorRecord]:
        if q.end < q.start or q.end - q.start > timedelta(days=31):
            raise KeyDeskError("cloud_api", "5100",
                               "door log: the period must run forwards and span at most 31 days")
        fields = {
            "communityNo": self.creds.community_no, "buildNo": q.room.building,
            "floorNo": q.room.floor, "roomNo": q.room.room,
            "startDate": community_date(q.start, self.tz),
            "endDate": community_date(q.end, self.tz), "recordType": q.record_type,
        }
        try:
            data = await self.call("queryByRoom", fields)
        except KeyDeskError as exc:
            if exc.code == "6108":  # "no qualified data": an empty log, not a failure
                return []
            raise
        return parsing.door_records(data, self.tz)
