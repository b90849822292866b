"""The usual part body straight to its ``DeviceEvent``: the reader stream's hot path.

Nearly every part a reader sends is one UTF-8 ``Code=…;action=…;index=…;data=<JSON
object>`` whose time and access fields have the types firmware sends (whole seconds,
numbers, strings). :func:`usual_event` builds that event in one pass — the event
``parse_body`` + ``to_device_event`` build, key for key, in the same order — and
answers None for anything else, which then takes that general path. What it saves
(measured by ``bench/stream/run.py``; the profile is in ``app/access/README.md``):

- no ``RawEvent`` in between, and one call instead of a dozen per event;
- the head (``Code=…;action=…;index=…``) is looked up by its bytes: readers repeat a few
  heads, so its code, action, index, catalog title and severity are worked out once;
- the catalog's method and error texts, and each second's ISO text, are kept in small
  dicts (a dict look-up instead of a call per field);
- the access fields are read once each (the dedupe key reuses them); a field of another
  type than usual (a float time, a bool status, a number as text) hands the access part
  to ``decode``'s general functions, so odd values give today's answers;
- an access payload is a copy of a 22-key template filled in (a literal that size is
  built one key at a time, resizing as it grows).

Every table is bounded (cleared when full; heads kept only up to 96 bytes): a reader
sending endless distinct heads, codes or times costs time, never memory.
``tests/unit/test_access_fast_path.py`` holds this path to the pre-fast-path decoder
(``tests/access_reference.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.access import texts
from app.access.body import split_head, usual_parts
from app.access.decode import (
    _LAST_DAY,
    ALARM_CODES,
    WARNING_CODES,
    _access_into,
    _second_text,
    _to_int,
    dedupe_key,
    device_identity,
    event_time_text,
    iso,
)
from app.domain.events import DeviceEvent, device_event

_KEPT = 256  # entries per table before it is cleared
_HEAD_KEPT = 96  # bytes: a longer head is read every time, never kept
_LAST_SECOND = _LAST_DAY * 86400
_DIRECTIONS = {"Entry": "entry", "Exit": "exit"}  # as readers spell them

# An access payload's keys in the contract's order: a copy of this is filled in (cheaper
# than a 22-key literal, which CPython builds one key at a time, resizing as it grows).
_PAYLOAD: dict[str, Any] = dict.fromkeys((
    "device", "device_id", "device_url", "code", "action", "index", "time", "data",
    "dedupe_key", "origin", "card", "user", "user_name", "method", "method_text",
    "error_code", "error_text", "granted", "door", "direction", "record_no", "code_text"),
    "stream")  # the origin; every other value is set
_UNSEEN: Any = object()  # a head not looked at yet (None: looked at, not usual)
# head bytes -> (code, action, index, catalog title, severity), or None: not a usual head
_Head = tuple[str, str | None, int | None, str | None, str]
_heads: dict[bytes, _Head | None] = {}
_seconds: dict[int, str] = {}
_methods: dict[int, str | None] = {}
_errors: dict[int, str | None] = {}


def _head(raw: bytes) -> _Head | None:
    head = raw.strip()
    if not head.isascii():  # the general path reads such a head (and says why)
        return None
    code, action, index = split_head(head.decode("ascii"))
    if not code:
        return None
    if code in ALARM_CODES:
        level = "alarm"
    elif code in WARNING_CODES:
        level = "warning"
    else:
        level = "info"  # AccessControl: decided per event (granted or not)
    return code, action or None, index, texts.describe(texts.EVENT_TYPE, code), level


def _kept(table: dict[Any, Any], key: Any, value: Any) -> Any:
    if len(table) >= _KEPT:
        table.clear()
    table[key] = value
    return value


def usual_event(device: str, device_url: str, body: bytes, *, device_id: str | None = None,
                use_recno: bool = True) -> DeviceEvent | None:
    """The live-stream event of a usual ``body`` (as ``to_device_event`` of
    ``parse_body(body)[0]`` with ``origin="stream"``), or None: not a usual body."""
    parts = usual_parts(body)
    if parts is None:
        return None
    raw_head, data, text = parts
    head = _heads.get(raw_head, _UNSEEN)
    if head is _UNSEEN:
        # Only short heads are kept (firmware's are ~40 bytes): 256 of a peer's 1 MiB heads
        # would hold 256 MiB.
        head = (_head(raw_head) if len(raw_head) > _HEAD_KEPT
                else _kept(_heads, raw_head, _head(raw_head)))
    if head is None:
        return None
    code, action, index, code_text, level = head
    device_id = device_id or device_identity(url=device_url)
    get = data.get
    when = get("RealUTC")
    if when is None:
        when = get("UTC")  # RealUTC absent: the general rule's next choice
    if type(when) is int and 0 < when < _LAST_SECOND:
        time = _seconds.get(when) or _kept(_seconds, when, _second_text(when))
    elif when is None and "CreateTime" not in data and "LocaleTime" not in data:
        time = iso(datetime.now(UTC))  # no time of its own (_DoorFace_, TimeChange)
    else:
        time = event_time_text(data) or iso(datetime.now(UTC))
    if code == "AccessControl":
        payload = _access_payload(data, device_id, use_recno)
        if payload is None:  # a field of an unusual type: the general functions read it
            payload = {
                "device": device, "device_id": device_id, "device_url": device_url,
                "code": code, "action": action, "index": index, "time": time, "data": data,
                "dedupe_key": None, "origin": "stream",
            }
            _access_into(payload, data)
            payload["dedupe_key"] = dedupe_key(device_id, data, use_recno=use_recno)
            if code_text:
                payload["code_text"] = code_text
        else:
            payload["device"] = device
            payload["device_url"] = device_url
            payload["code"] = code
            payload["action"] = action
            payload["index"] = index
            payload["time"] = time
            if code_text:
                payload["code_text"] = code_text
            else:
                del payload["code_text"]
        return device_event(device, "reader", code, payload, text,
                            "info" if payload["granted"] else "warning")
    payload = {
        "device": device, "device_id": device_id, "device_url": device_url,
        "code": code, "action": action, "index": index, "time": time, "data": data,
        "dedupe_key": None, "origin": "stream",
    }
    if code_text:
        payload["code_text"] = code_text
    return device_event(device, "reader", code, payload, text, level)


def _access_payload(data: dict[str, Any], device_id: str,
                    use_recno: bool) -> dict[str, Any] | None:
    """An access payload (a copy of ``_PAYLOAD``) with its data, dedupe key and access
    fields filled in, the rest left to the caller; None when a field has an unusual type."""
    get = data.get
    method = get("Method")
    error = get("ErrorCode")
    status = get("Status")
    door = get("Door")
    card = get("CardNo")
    user = get("UserID")
    kind = get("Type")
    direction = _DIRECTIONS.get(kind) if type(kind) is str else None
    if not (type(method) is int and type(error) is int and type(status) is int
            and type(door) is int and type(card) is str and type(user) is str
            and direction is not None):
        return None
    rec = get("RecNo")
    if type(rec) is not int:
        rec = _to_int(rec)
    if use_recno and rec is not None:
        created = get("CreateTime") or get("UTC") or get("RealUTC")
        if type(created) is not int:
            created = _to_int(created)
        key = f"{device_id}#rec:{rec}@{created}"
    else:
        key = dedupe_key(device_id, data, use_recno=use_recno)
    payload = _PAYLOAD.copy()
    payload["device_id"] = device_id
    payload["data"] = data
    payload["dedupe_key"] = key
    payload["card"] = card.upper() if card else None
    payload["user"] = user or None
    payload["user_name"] = get("CardName") or get("UserName") or None
    payload["method"] = method
    payload["method_text"] = _methods.get(method) or _kept(
        _methods, method, texts.text_or_code(texts.METHOD, method))
    payload["error_code"] = error
    payload["error_text"] = _errors.get(error) or _kept(
        _errors, error, texts.text_or_code(texts.EVENT_ERROR, error))
    payload["granted"] = status != 0
    payload["door"] = door
    payload["direction"] = direction
    payload["record_no"] = rec
    return payload
