"""Reader events → the payload every consumer (store, Monitor page, CLI) relies on.

The payload keys are a contract with the event store and the Monitor page; see
``app/access/README.md``. Access records from the live stream and from the device log
(back-fill) go through :func:`access_payload` alike, so their ``dedupe_key`` matches.
"""

from __future__ import annotations

import base64
import functools
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.access import texts
from app.access.body import RawEvent
from app.domain.events import DeviceEvent, device_event

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
    if value is None:  # the key is absent: no exception to raise and catch
        return None
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
    out["method_text"] = texts.text_or_code(texts.METHOD, method)
    out["error_code"] = error
    out["error_text"] = texts.text_or_code(texts.EVENT_ERROR, error)
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
    return device_event(device, "reader", code, payload, raw.text, severity(code, payload))
