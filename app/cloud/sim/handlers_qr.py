"""The QR-card family (scheme 1) of the simulated cloud."""

from __future__ import annotations

import base64
import hashlib
import io
import re
from datetime import timedelta
from typing import Any

import segno

from app.cloud.config import CARD_TIME_FORMAT, IDEMPOTENCY_FIELD, MAX_OPEN_END_DAYS
from app.cloud.sim import community as demo
from app.cloud.sim import validate as v
from app.cloud.sim.state import ApiError, SimKey, SimState
from app.cloud.timezones import from_card_time

CARD_NO = re.compile(r"[A-Za-z0-9]{16}")


def qr_png(text: str) -> bytes:
    """A real, scannable QR code of ``text`` (the vendor encodes its own payload)."""
    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=8, border=4)
    return buf.getvalue()


def get_link(s: SimState, f: dict[str, Any]) -> Any:
    mobile = v.mobile(f)
    area = v.area_code(f)
    v.community(s, f)
    building, floor = str(f.get("buildNo", "")), str(f.get("floorNo", ""))
    if bool(building) != bool(floor):
        raise ApiError(5113, "buildNo or floorNo is not correct")
    room = s.find_room(building, floor, v.need(f, "roomNo", 5050))
    start, end = v.stay(s, f)
    card_type = v.card_type(f)
    send_sms = str(f.get("sendSms", "0")) == "1"
    if send_sms and not s.sms_enabled:
        raise ApiError(5202, "sms account not found")
    with s.lock:
        key = SimKey(s.new_card_no(), mobile, area, room.key, start, end, card_type,
                     client_ref=str(f.get(IDEMPOTENCY_FIELD, "")), sms_sent=send_sms)
        s.keys[key.card_no] = key
    return {"cardNo": key.card_no}


def _key(s: SimState, card_no: str) -> SimKey:
    if not CARD_NO.fullmatch(card_no):
        raise ApiError(5108, "cardno format is not correct")
    key = s.keys.get(card_no)
    if key is None:
        raise ApiError(5210, "card not found")
    return key


def get_card(s: SimState, f: dict[str, Any]) -> Any:
    mobile = v.mobile(f)
    v.community(s, f)
    v.need(f, "time", 4001)
    flag = v.need(f, "roomFlag", 5207)
    result_type = int(f.get("resultType", 1) or 1)
    open_end = f.get("openEndTime")
    if open_end:
        try:
            when = from_card_time(str(open_end), s.tz)
        except ValueError:
            raise ApiError(6120, "openEndTime format is not correct") from None
        if when > s.now() + timedelta(days=MAX_OPEN_END_DAYS):
            raise ApiError(6119, "The effective end time of qrcode cannot exceed 30 days")
    if flag.startswith("mac:"):
        room = s.room_by_mac(v.mac(flag[4:]))
        if room.lock_type not in demo.BLUETOOTH_LOCKS:
            raise ApiError(6107, "This lock type does not have a Bluetooth unlocking function")
        if not room.ble_configured:
            raise ApiError(5211, "room not found")
        if result_type != 2:
            raise ApiError(6116, "Error LockType")
        digest = hashlib.sha256(f"{room.mac}|{mobile}|{f['time']}".encode()).hexdigest()
        return {"bleStr": digest.upper()[:48]}
    if not CARD_NO.fullmatch(flag):
        raise ApiError(5207, "wrong record token")
    with s.lock:
        key = _key(s, flag)
        if key.mobile != mobile:
            raise ApiError(5017, "cannot match cardNo")
        if key.cancelled:
            raise ApiError(5016, "invalid card")
        if key.end < s.now():
            raise ApiError(5112, "cardNo has expired")
        key.fetched = True
        key.lost = False
    if result_type == 1:
        return {"baseImg": base64.b64encode(qr_png(key.card_no)).decode("ascii")}
    if result_type == 4:
        return {"cipher": str(int(hashlib.md5(flag.encode()).hexdigest(), 16) % 10**6).zfill(6)}
    raise ApiError(6116, "Error LockType")


def cancel_card(s: SimState, f: dict[str, Any]) -> Any:
    v.card_type(f)
    with s.lock:
        key = _key(s, v.need(f, "cardNo", 5108))
        if key.cancelled:
            raise ApiError(5301, "Card has been cancelled")
        key.cancelled = True
    return None


def report_lost(s: SimState, f: dict[str, Any]) -> Any:
    v.card_type(f, allowed=(0,))
    whole_room = str(f.get("wholeRoom", "0")) == "1"
    with s.lock:
        key = _key(s, v.need(f, "cardNo", 5108))
        if key.cancelled:
            raise ApiError(5301, "Card has been cancelled")
        if not key.fetched:
            raise ApiError(5216, "Failed to report loss")
        room = s.find_room(*key.room)
        if not whole_room and room.lock_type not in demo.SINGLE_LOSS_LOCKS:
            raise ApiError(5217, "not support report single loss")
        targets = [k for k in s.keys.values() if k.room == key.room] if whole_room else [key]
        for k in targets:
            k.lost, k.fetched = True, False
    return None


def get_room_card_info(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    try:
        card_no = bytes.fromhex(v.need(f, "cardString", 5016)).decode("ascii")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(5016, "invalid card") from None
    key = s.keys.get(card_no)
    if key is None:
        raise ApiError(5016, "invalid card")
    b, fl, r = key.room
    return {"buildNo": b, "floorNo": fl, "roomNo": r,
            "startTime": key.start.strftime(CARD_TIME_FORMAT),
            "endTime": key.end.strftime(CARD_TIME_FORMAT), "cardNo": key.card_no}


HANDLERS = {
    "getLink": get_link,
    "getCard": get_card,
    "cancelCard": cancel_card,
    "reportLost": report_lost,
    "getRoomCardInfo": get_room_card_info,
}
# Calls whose envelope uses the {"error": 0, "data": ...} shape on the vendor's pages.
ERROR_SHAPE = {"getRoomCardInfo"}
