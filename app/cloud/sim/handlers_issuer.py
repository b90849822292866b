"""The card-issuer family (scheme 2, ``/Home/Qrm/...``) of the simulated cloud."""

from __future__ import annotations

import secrets
from typing import Any

from app.cloud.config import CARD_TIME_FORMAT
from app.cloud.sim import validate as v
from app.cloud.sim.state import ApiError, SimState


def get_mac_list(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    if not s.issuers:
        raise ApiError(6114, "No MAC is available")
    return [{"id": str(i + 1), "mac": mac} for i, mac in enumerate(s.issuers)]


def _operate_type(f: dict[str, Any]) -> int:
    try:
        value = int(f.get("operateCardType", 4))
    except (TypeError, ValueError):
        raise ApiError(6116, "Error LockType") from None
    if value not in (2, 3, 4):
        raise ApiError(6116, "Error LockType")
    return value


def make_room_card(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    v.operator(s, f)
    room = s.find_room(v.need(f, "buildNo", 5105), v.need(f, "floorNo", 5106),
                       v.need(f, "roomNo", 5050))
    v.issuer(s, f, required=room.lock_type not in {"QRLOCK", "RFLOCK-V9"})
    end = v.card_time(s, f, "endTime", 5102)
    if end > s.service_end():
        raise ApiError(5107, "endTime is not allowed")
    if end <= s.now():
        raise ApiError(5100, "startTime or endTime is not correct")
    if f.get("ownerMobile") and not f.get("ownerAreaCode"):
        raise ApiError(5313, "OwnerMobile or OwnerAreaCode cannot be empty")
    if "ownerGender" in f and str(f["ownerGender"]) not in ("0", "1"):
        raise ApiError(5315, "OwnerGender is not allowed to empty")
    with s.lock:
        serial = s.card_on_issuer
        if serial is None:
            raise ApiError(5311, "Failed to identify card")
        card = s.rf_cards[serial]
        card.room, card.end, card.cancelled = room.key, end, False
        card.batch_no = secrets.token_hex(3).upper()
    return {"message": "success"}


def read_card(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    v.operator(s, f)
    v.issuer(s, f)
    kind = _operate_type(f)
    with s.lock:
        if s.card_on_issuer is None:
            raise ApiError(5300, "Read card error")
        card = s.rf_cards[s.card_on_issuer]
        b, fl, r = card.room or ("", "", "")
        return {"serialNum": card.serial_num, "cardtype": str(kind), "batchno": card.batch_no,
                "buildName": b, "floorName": fl, "roomName": r,
                "endTime": card.end.strftime(CARD_TIME_FORMAT) if card.end else "",
                "cancelled": card.cancelled}


def cancel_card(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    v.operator(s, f)
    v.issuer(s, f)
    _operate_type(f)
    serial = v.need(f, "serialNum", 5307).upper()
    with s.lock:
        card = s.rf_cards.get(serial)
        if card is None or card.room is None:
            raise ApiError(5307, "The card does not exist")
        if card.cancelled:
            raise ApiError(5308, "The card has been cancelled")
        card.cancelled = True
    return None


HANDLERS = {
    "getMacList": get_mac_list,
    "makeRoomCard": make_room_card,
    "readCard": read_card,
    "cancelCard": cancel_card,
}
