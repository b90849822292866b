"""The device's access log (``recordFinder.cgi``) and other ``key=value`` answers.

A ``find`` answer is ``found=N`` followed by ``records[i].Field=value`` lines. Each record
is turned into the same ``data`` dict an ``AccessControl`` stream event carries (``UTC``
from ``CreateTime``), so both go through one decoder and share their dedupe key.
"""

from __future__ import annotations

import re
from typing import Any

_RECORD_LINE = re.compile(r"^records\[(\d+)\]\.([^=]+)=(.*)$")
_INT_FIELDS = frozenset(
    {"CreateTime", "Door", "ErrorCode", "Method", "RecNo", "Status", "CardType", "UserType"}
)


def parse_key_values(text: str) -> dict[str, str]:
    """``key=value`` lines (``magicBox``, ``global.cgi``, ``getDoorStatus``)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def _value(name: str, value: str) -> Any:
    if name in _INT_FIELDS:
        try:
            return int(float(value))
        except ValueError:
            return value
    return value


def parse_records(text: str) -> tuple[int, list[dict[str, Any]]]:
    """(``found``, records in index order) from a ``recordFinder`` answer."""
    found = 0
    rows: dict[int, dict[str, Any]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("found="):
            try:
                found = int(line[6:])
            except ValueError:
                found = 0
            continue
        m = _RECORD_LINE.match(line)
        if m:
            name = m.group(2)
            rows.setdefault(int(m.group(1)), {})[name] = _value(name, m.group(3))
    return found, [rows[i] for i in sorted(rows)]


def record_to_event_data(record: dict[str, Any]) -> dict[str, Any]:
    """A log record as the ``data`` of an ``AccessControl`` event."""
    data = dict(record)
    if "UTC" not in data and "CreateTime" in data:
        data["UTC"] = data["CreateTime"]
    return data


def record_text(record: dict[str, Any]) -> str:
    """The record as the device printed it (kept as the event's raw form)."""
    return "\n".join(f"{k}={v}" for k, v in record.items())
