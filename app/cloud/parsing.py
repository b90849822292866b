"""Turning ``data`` of the answers into typed models, tolerant of the field-name variants
seen on the vendor's pages (nested list names and some response fields are ASSUMED)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from app.cloud.config import RECORD_CARD_TYPES
from app.cloud.envelope import GarbledAnswer
from app.cloud.models import (
    Building,
    DoorRecord,
    Floor,
    KeyRecord,
    RfCardInfo,
    Room,
    RoomCardInfo,
    RoomRef,
)
from app.cloud.timezones import from_card_time, from_record_time


def _list(obj: Any, *names: str) -> list[dict[str, Any]]:
    if isinstance(obj, list):
        return [x for x in obj if isinstance(x, dict)]
    if isinstance(obj, dict):
        for name in names:
            if isinstance(obj.get(name), list):
                return [x for x in obj[name] if isinstance(x, dict)]
    return []


def _s(d: dict[str, Any], *names: str) -> str:
    for name in names:
        if d.get(name) not in (None, ""):
            return str(d[name])
    return ""


def _card_time(text: str, tz: ZoneInfo) -> Any:
    try:
        return from_card_time(text, tz) if text else None
    except ValueError:
        return None


def _has_list(obj: Any, *names: str) -> bool:
    return isinstance(obj, list) or (isinstance(obj, dict) and any(
        isinstance(obj.get(n), list) for n in names))


def buildings(data: Any) -> list[Building]:
    """The directory; GarbledAnswer when ``data`` is missing or no list of buildings (an
    empty list is an empty community, anything else is not "0 rooms")."""
    if not _has_list(data, "builders", "list"):
        raise GarbledAnswer(f"fetchRoomInfo: the answer holds no list of buildings "
                            f"(data: {type(data).__name__})")
    out = []
    for b in _list(data, "builders", "list"):
        bno = _s(b, "builderNum", "buildNo")
        floors = []
        for f in _list(b, "floors", "floor", "children"):
            fno = _s(f, "floorNum", "floorNo")
            rooms = [
                Room(RoomRef(bno, fno, _s(r, "no", "roomNo")), _s(r, "name", "roomName", "no"),
                     _s(r, "num"), _s(r, "locktype", "lockType"), _s(r, "mac"),
                     _s(r, "boxId", "boxid"), _s(r, "lockindex", "lockIndex"))
                for r in _list(f, "rooms", "room", "children")
            ]
            floors.append(Floor(fno, rooms))
        out.append(Building(bno, _s(b, "builderName", "name") or bno, floors))
    return out


def key_records(data: Any, tz: ZoneInfo) -> list[KeyRecord]:
    return [
        KeyRecord(_s(r, "cardNo"), _s(r, "mobile"),
                  RoomRef(_s(r, "buildNo"), _s(r, "floorNo"), _s(r, "roomNo")),
                  _card_time(_s(r, "startTime"), tz), _card_time(_s(r, "endTime"), tz),
                  _s(r, "clientRef"))
        for r in _list(data, "list", "cards")
    ]


def room_card_info(data: Any, tz: ZoneInfo) -> RoomCardInfo:
    d = data if isinstance(data, dict) else {}
    return RoomCardInfo(
        RoomRef(_s(d, "buildNo", "builderNum"), _s(d, "floorNo", "floorNum"),
                _s(d, "roomNo", "no")),
        _card_time(_s(d, "startTime"), tz), _card_time(_s(d, "endTime"), tz), dict(d),
    )


def rf_card(data: Any, tz: ZoneInfo) -> RfCardInfo:
    d = data if isinstance(data, dict) else {}
    return RfCardInfo(
        _s(d, "serialNum"), _s(d, "cardtype", "cardType"), _s(d, "batchno", "batchNo"),
        _s(d, "buildName", "buildNo"), _s(d, "floorName", "floorNo"),
        _s(d, "roomName", "roomNo"), _card_time(_s(d, "endTime"), tz), dict(d),
    )


def door_records(data: Any, tz: ZoneInfo) -> list[DoorRecord]:
    if data is not None and not _has_list(data, "list", "records"):
        raise GarbledAnswer(f"queryByRoom: the answer holds no list of door records "
                            f"(data: {type(data).__name__})")
    out = []
    for r in _list(data, "list", "records"):
        try:
            card_type = int(r.get("cardtype", -1))
        except (TypeError, ValueError):
            card_type = -1
        out.append(DoorRecord(
            from_record_time(_s(r, "openTime", "time"), tz), card_type,
            RECORD_CARD_TYPES.get(card_type, f"type {card_type}"),
            _s(r, "openWay", "openway"), _s(r, "holder", "mobile"), dict(r),
        ))
    return out
