"""Bluetooth SIG Current Time (0x2A2B), 10 bytes: year u16 little-endian, month, day,
hour, minute, second, day of week (1 = Monday ... 7, 0 unknown), 1/256 s, adjust reason."""

from __future__ import annotations

from datetime import datetime

ADJUST_MANUAL = 0x01


def encode(when: datetime, reason: int = ADJUST_MANUAL) -> bytes:
    return (when.year.to_bytes(2, "little") + bytes((
        when.month, when.day, when.hour, when.minute, when.second, when.isoweekday(),
        when.microsecond * 256 // 1_000_000, reason)))


def decode(data: bytes) -> datetime:
    if len(data) < 7:
        raise ValueError("Current Time needs at least 7 bytes")
    return datetime(int.from_bytes(data[:2], "little"), data[2], data[3], data[4], data[5],
                    data[6])
