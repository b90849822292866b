"""The reader path's decoding as it was before the fast path (main at d025d98): body.py's
``parse_body`` and decode.py's ``to_device_event``, copied unchanged (the DeviceEvent built by
its own constructor). The oracle of ``tests/unit/test_access_fast_path.py``: whatever the
decoder becomes, its events must stay these. Do not "improve" this file."""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import base64
import functools
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from app.access import texts
from app.domain.events import DeviceEvent


def _text_or_code(domain: str, code: int | str | None) -> str | None:
    if code is None:
        return None
    return texts.describe(domain, code) or str(code)


HEARTBEAT = "Heartbeat"
_DECODER = json.JSONDecoder()
_DATA = ";data="


@dataclass(slots=True)
class RawEvent:
    """One event of a part body (not frozen: one is made per event on the reader path,
    and a frozen dataclass's ``__init__`` costs a ``setattr`` call per field). Treat it
    as read-only."""

    code: str
    action: str
    index: int | None
    data: dict[str, Any] | None
    text: str  # the body as text (UTF-8 with replacement characters)
    utf8: bool  # False when the body bytes were not valid UTF-8
    data_error: str = ""  # why ``data`` could not be decoded, when it could not


def body_text(body: bytes) -> tuple[str, str, bool]:
    """(display text with replacements, faithful text, whether the bytes were UTF-8)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="replace"), body.decode("latin-1"), False
    return text, text, True


def _int(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def _head(head: str) -> tuple[str, str, int | None]:
    """(code, action, index) of ``Code=...;action=...;index=...``. A reader sends a few
    distinct short heads over and over, so each is split once (a long one, which no
    firmware sends, is not kept: the cache stays small whatever a reader sends)."""
    return _short_head(head) if len(head) <= 96 else _split_head(head)


def _split_head(head: str) -> tuple[str, str, int | None]:
    fields: dict[str, str] = {}
    for item in head.split(";"):
        key, eq, value = item.partition("=")
        if eq:
            fields[key.strip().lower()] = value.strip()
    return fields.get("code", ""), fields.get("action", ""), _int(fields.get("index", ""))


_short_head = functools.lru_cache(maxsize=256)(_split_head)


def _data(text: str) -> tuple[dict[str, Any] | None, str]:
    """``data`` as a dict (a JSON value that is not an object goes under "value"), and
    why it could not be read. orjson reads the usual body; what it refuses (junk glued
    after the JSON, NaN, huge integers) takes the standard library's slower, more lenient
    path, so both give the same answer."""
    try:
        decoded = orjson.loads(text)
    except orjson.JSONDecodeError:
        try:
            # raw_decode: bytes glued after the JSON (a part cut at the boundary because
            # of a wrong length, with junk before that boundary) must not lose the event.
            decoded, end = _DECODER.raw_decode(text.lstrip())
        except ValueError as exc:
            return None, f"data is not JSON: {exc}"
        trailing = text.lstrip()[end:].strip()
        error = f"{len(trailing)} characters after the JSON data ignored" if trailing else ""
        return (decoded if isinstance(decoded, dict) else {"value": decoded}), error
    return (decoded if isinstance(decoded, dict) else {"value": decoded}), ""


_DATA_BYTES = _DATA.encode()


def _usual(body: bytes) -> list[RawEvent] | None:
    """The usual body, UTF-8 ``Code=…;action=…;index=…;data=<JSON object>``, without
    copying its text around: orjson reads the JSON straight from the bytes. None for
    anything else (the general path below gives the same answer, slower)."""
    at = body.find(_DATA_BYTES)
    if at < 0:
        return None
    try:
        text = body.decode("utf-8")
        data = orjson.loads(memoryview(body)[at + 6:])
    except (UnicodeDecodeError, orjson.JSONDecodeError):
        return None
    head = body[:at].strip()
    if type(data) is not dict or not head.isascii():
        return None
    code, action, index = _head(head.decode("ascii"))
    return [RawEvent(code, action, index, data, text, True)] if code else None


def parse_body(body: bytes) -> list[RawEvent]:
    """Every event in one part body (a few firmwares put several lines without data)."""
    usual = _usual(body)
    if usual is not None:
        return usual
    shown, faithful, utf8 = body_text(body)
    stripped = faithful.strip()
    if stripped == HEARTBEAT:
        return [RawEvent(HEARTBEAT, "", None, None, shown, utf8)]
    at = stripped.find(_DATA)
    if at < 0 and "\nCode=" in stripped:
        return [ev for line in body.splitlines() if line.strip() for ev in parse_body(line)]
    code, action, index = _head(stripped if at < 0 else stripped[:at])
    if not code:
        return [RawEvent("", "", None, None, shown, utf8, "not a Code=...; body")]
    data: dict[str, Any] | None = None
    error = ""
    if at >= 0:
        data, error = _data(stripped[at + len(_DATA):])
    return [RawEvent(code, action, index, data, shown, utf8, error)]

ALARM_CODES = frozenset(
    {"BreakIn", "Duress", "ChassisIntruded", "AlarmLocal", "DoorNotClosed"}
)
WARNING_CODES = frozenset({"Reboot", "Upgrade", "NetworkChange", "TimeChange"})


def _to_int(value: Any) -> int | None:
    if type(value) is int:  # what readers send, nearly always: no float round trip
        return value
    if value is None or value == "":
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _epoch(value: Any) -> float | None:
    if type(value) is int:
        return value if value > 0 else None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _local_time(text: Any) -> datetime | None:
    """``YYYY-MM-DD HH:MM:SS`` or ``DD-MM-YYYY HH:MM:SS`` in the PC's local zone."""
    if not isinstance(text, str):
        return None
    for fmt in ("%Y-%m-%d %H:%M:%S", "%d-%m-%Y %H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), fmt).astimezone(UTC)
        except ValueError:
            continue
    return None


def event_time(data: dict[str, Any] | None) -> datetime | None:
    """When it happened: ``RealUTC``, else ``UTC``, else ``LocaleTime``."""
    text = event_time_text(data)
    return datetime.fromisoformat(text) if text is not None else None


_LAST_DAY = 2932896  # 9999-12-31, days after 1970-01-01: datetime's own limit


@functools.lru_cache(maxsize=64)
def _day_text(day: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=day)).isoformat()


@functools.lru_cache(maxsize=256)
def _second_text(whole: int) -> str:
    """ISO text of a whole UTC second (events of one second share it: cached)."""
    day, second = divmod(whole, 86400)
    hour, rest = divmod(second, 3600)
    return f"{_day_text(day)}T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}Z"


def _epoch_text(epoch: float) -> str | None:
    """``datetime.fromtimestamp(epoch, UTC)`` as ISO text with ``Z`` (whole seconds, the
    usual case, without building a datetime), or None when out of datetime's range."""
    whole = int(epoch)
    if whole == epoch and whole < _LAST_DAY * 86400:
        return _second_text(whole)
    try:
        return iso(datetime.fromtimestamp(epoch, UTC))
    except (OverflowError, OSError, ValueError):  # a reader's nonsense: a time far away
        return None


def event_time_text(data: dict[str, Any] | None) -> str | None:
    """:func:`event_time` as ISO 8601 text ending in ``Z``."""
    if not data:
        return None
    for key in ("RealUTC", "UTC", "CreateTime"):
        epoch = _epoch(data.get(key))
        if epoch is not None:
            text = _epoch_text(epoch)
            if text is not None:
                return text
    return iso(_local_time(data.get("LocaleTime")))


def iso(dt: datetime | None) -> str | None:
    return dt.isoformat().replace("+00:00", "Z") if dt is not None else None


def device_identity(serial: str | None = None, url: str | None = None,
                    name: str | None = None) -> str:
    """Who the device is, for dedupe keys: its serial number as read from the device,
    else (firmware that will not say) its address, else the configured name."""
    if serial:
        return f"sn:{serial}"
    if url:
        return f"url:{url}"
    return f"name:{name}"


def dedupe_key(device_id: str, data: dict[str, Any], *, use_recno: bool = True) -> str:
    """The same string for one access record, live or back-filled.

    ``device_id`` (:func:`device_identity`) names the device itself, not its display name,
    so two readers under one name never collide. A record number alone is not unique for
    ever: a reset or replaced device numbers from 1 again, so the record's creation time
    goes with it. New keys always hold ``#`` (old ones, ``<name>:rec:<n>``, never did:
    see ``EventStore.adopt_legacy_keys``).
    """
    rec = _to_int(data.get("RecNo"))
    created = _to_int(data.get("CreateTime") or data.get("UTC") or data.get("RealUTC"))
    if use_recno and rec is not None:
        return f"{device_id}#rec:{rec}@{created}"
    utc = _to_int(data.get("RealUTC") or data.get("UTC") or data.get("CreateTime"))
    card = str(data.get("CardNo") or "").upper()
    return (
        f"{device_id}#{utc}:{card}:{_to_int(data.get('Door'))}:{_to_int(data.get('Method'))}"
        f":{_to_int(data.get('Status'))}"
    )


def _granted(data: dict[str, Any]) -> bool:
    status = data.get("Status")
    if isinstance(status, str):
        return status.strip().lower() in ("1", "true", "granted", "success")
    return bool(status)


_DIRECTIONS = {"Entry": "entry", "Exit": "exit"}  # as readers spell them


def access_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    _access_into(fields, data)
    return fields


def _access_into(out: dict[str, Any], data: dict[str, Any]) -> None:
    """:func:`access_fields` written into ``out`` (the event's payload: no second dict)."""
    get = data.get
    method = _to_int(get("Method"))
    error = _to_int(get("ErrorCode")) or 0
    kind = get("Type")
    direction = _DIRECTIONS.get(kind) if type(kind) is str else None
    if direction is None:
        direction = str(kind or "").strip().lower()
    card = get("CardNo")
    user = get("UserID")
    status = get("Status")
    out["card"] = str(card).upper() if card not in (None, "") else None
    out["user"] = str(user) if user not in (None, "") else None
    out["user_name"] = get("CardName") or get("UserName") or None
    out["method"] = method
    out["method_text"] = _text_or_code(texts.METHOD, method)
    out["error_code"] = error
    out["error_text"] = _text_or_code(texts.EVENT_ERROR, error)
    out["granted"] = bool(status) if type(status) is int else _granted(data)
    out["door"] = _to_int(get("Door"))
    out["direction"] = direction if direction in ("entry", "exit") else None
    out["record_no"] = _to_int(get("RecNo"))


def severity(code: str, payload: dict[str, Any]) -> str:
    if code in ALARM_CODES:
        return "alarm"
    if code == "AccessControl":
        return "info" if payload.get("granted") else "warning"
    if code in WARNING_CODES:
        return "warning"
    return "info"


def to_device_event(
    device: str,
    device_url: str,
    raw: RawEvent,
    body: bytes,
    *,
    use_recno: bool = True,
    origin: str = "stream",
    device_id: str | None = None,
) -> DeviceEvent:
    """One decoded reader event, ready for the bus (never fails on odd input).

    ``device_id``: the device's identity (:func:`device_identity`); without it, its URL.
    """
    data = raw.data
    code = raw.code or "_unparsed_"
    device_id = device_id or device_identity(url=device_url)
    payload: dict[str, Any] = {
        "device": device,
        "device_id": device_id,
        "device_url": device_url,
        "code": code,
        "action": raw.action or None,
        "index": raw.index,
        "time": event_time_text(data) or iso(datetime.now(UTC)),
        "data": data,
        "dedupe_key": None,
        "origin": origin,
    }
    if code == "AccessControl" and data is not None:
        _access_into(payload, data)
        payload["dedupe_key"] = dedupe_key(device_id, data, use_recno=use_recno)
    if not raw.utf8:
        payload["raw_b64"] = base64.b64encode(body).decode("ascii")
    if raw.data_error:
        payload["decode_error"] = raw.data_error
    event_text = texts.describe(texts.EVENT_TYPE, code)
    if event_text:
        payload["code_text"] = event_text
    return DeviceEvent(device, kind="reader", code=code, payload=payload, raw=raw.text,
                       severity=severity(code, payload))
