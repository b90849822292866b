"""The records family (scheme 3, ``/Home/Records/...``) of the simulated cloud."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.cloud.config import CARD_TIME_FORMAT, MAX_LOG_SPAN_DAYS, RECORD_TIME_FORMAT
from app.cloud.sim import validate as v
from app.cloud.sim.state import ApiError, SimRecord, SimState


def fetch_room_info(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    builders = []
    for b in s.buildings:
        floors = []
        for fl in b.floors:
            rooms = [{"no": r.room, "name": r.name, "num": r.lock_no, "locktype": r.lock_type,
                      "mac": r.mac, "boxId": r.box_id, "lockindex": r.lock_no}
                     for r in s.rooms if r.building == b.number and r.floor == fl]
            floors.append({"floorNum": fl, "rooms": rooms})
        builders.append({"builderNum": b.number, "builderName": b.name, "floors": floors})
    return {"builders": builders}


def get_box_info(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    return [{"boxid": box, "pwd": pwd} for box, pwd in s.gateways.items()]


def lock_box_room(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    room = s.room_by_mac(v.mac(v.need(f, "mac", 5213)))
    lock_type = str(f.get("lockType", "1"))
    if lock_type not in ("1", "2", "3"):
        raise ApiError(6116, "Error LockType")
    if lock_type == "1":
        box = str(f.get("boxId", ""))
        if not room.box_id or box != room.box_id or box not in s.gateways:
            raise ApiError(5008, "lock data not exist")
        if not s.gateway_online:
            raise ApiError(5312, "Connection failed")
    with s.lock:
        s.records.append(SimRecord(room.key, s.now(), 11, "remote (gateway)", "desk"))
    return None


def query_by_room(s: SimState, f: dict[str, Any]) -> Any:
    v.community(s, f)
    room = s.find_room(str(f.get("buildNo", "")), str(f.get("floorNo", "")),
                       v.need(f, "roomNo", 5050))
    start, end = v.record_date(f, "startDate"), v.record_date(f, "endDate")
    if end < start or end - start > timedelta(days=MAX_LOG_SPAN_DAYS):
        raise ApiError(5100, "startTime or endTime is not correct")
    kind = str(f.get("recordType", "0"))
    with s.lock:
        rows = [r for r in s.records if r.room == room.key
                and start <= r.time.astimezone(s.tz).date() <= end]
    if kind == "1":
        rows = rows[-1:]
    if not rows:
        raise ApiError(6108, "No qualified data")
    return {"list": [{"openTime": r.time.astimezone(s.tz).strftime(RECORD_TIME_FORMAT),
                      "cardtype": r.card_type, "openWay": r.open_way, "holder": r.holder}
                     for r in sorted(rows, key=lambda r: r.time, reverse=True)]}


def query_keys(s: SimState, f: dict[str, Any]) -> Any:
    """The look-up the client uses after a timed-out getLink (ASSUMED endpoint)."""
    v.community(s, f)
    mobile = v.mobile(f)
    room_key = (str(f.get("buildNo", "")), str(f.get("floorNo", "")), str(f.get("roomNo", "")))
    with s.lock:
        keys = [k for k in s.keys.values() if k.mobile == mobile and k.room == room_key]
    return {"list": [{"cardNo": k.card_no, "mobile": k.mobile, "buildNo": k.room[0],
                      "floorNo": k.room[1], "roomNo": k.room[2],
                      "startTime": k.start.strftime(CARD_TIME_FORMAT),
                      "endTime": k.end.strftime(CARD_TIME_FORMAT), "clientRef": k.client_ref}
                     for k in keys]}


HANDLERS = {
    "fetchRoomInfo": fetch_room_info,
    "getBoxInfo": get_box_info,
    "lockBoxRoom": lock_box_room,
    "queryByRoom": query_by_room,
    "queryCardByMobile": query_keys,
}
ERROR_SHAPE = {"getBoxInfo"}
