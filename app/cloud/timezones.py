"""Times between the community's zone (where the locks are) and the PC's.

The cloud wants card times as ``yyMMddHHmm`` in the community's local time and filters
door logs by the community's dates; the desk may sit in another zone (a central
reservations office). So a *date* the desk shows or asks for ("today", a door-log
period) is the community's date, never the PC's. Naive datetimes given to the
conversion helpers are taken as the PC's local time; everything returned is
timezone-aware.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.cloud.config import (
    CARD_TIME_FORMAT,
    DEFAULT_TIMEZONE,
    QR_TIMESTAMP_FORMAT,
    RECORD_DATE_FORMAT,
    RECORD_TIME_FORMAT,
)
from app.domain.errors import KeyDeskError


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise KeyDeskError(
            "cloud_http", "400", f"unknown community time zone {name!r} (check Settings)"
        ) from None


def aware(dt: datetime) -> datetime:
    """A naive datetime is the PC's local time."""
    return dt if dt.tzinfo is not None else dt.astimezone()


def to_card_time(dt: datetime, tz: ZoneInfo) -> str:
    return aware(dt).astimezone(tz).strftime(CARD_TIME_FORMAT)


def from_card_time(text: str, tz: ZoneInfo) -> datetime:
    """Parse ``yyMMddHHmm`` (community time); ValueError when malformed."""
    if len(text) != 10 or not text.isdigit():
        raise ValueError(f"not yyMMddHHmm: {text!r}")
    return datetime.strptime(text, CARD_TIME_FORMAT).replace(tzinfo=tz)


def community_now(tz: ZoneInfo) -> datetime:
    """The current moment on the community's clock."""
    return datetime.now(tz)


def community_today(tz: ZoneInfo) -> date:
    """Today where the locks are (the PC may already be on another date)."""
    return community_now(tz).date()


def in_community(dt: datetime, tz: ZoneInfo) -> datetime:
    """A wall-clock time typed for the community (naive) or any aware time, as an aware
    time in the community's zone."""
    return dt.replace(tzinfo=tz) if dt.tzinfo is None else dt.astimezone(tz)


def zone_label(tz: ZoneInfo, at: datetime | None = None) -> str:
    """``Asia/Shanghai, UTC+08:00`` (the offset in force at ``at``, default now)."""
    offset = (at or community_now(tz)).astimezone(tz).strftime("%z")
    return f"{tz.key}, UTC{offset[:3]}:{offset[3:]}"


def qr_timestamp(now: datetime | None = None) -> str:
    """Scheme-1 timestamp: the PC's local wall-clock time."""
    return (now or datetime.now()).astimezone().strftime(QR_TIMESTAMP_FORMAT)


def community_date(d: date | datetime, tz: ZoneInfo) -> str:
    if isinstance(d, datetime):
        d = aware(d).astimezone(tz).date()
    return d.strftime(RECORD_DATE_FORMAT)


def from_record_time(text: str, tz: ZoneInfo) -> datetime | None:
    try:
        return datetime.strptime(text, RECORD_TIME_FORMAT).replace(tzinfo=tz)
    except (TypeError, ValueError):
        return None


def to_record_time(dt: datetime, tz: ZoneInfo) -> str:
    return aware(dt).astimezone(tz).strftime(RECORD_TIME_FORMAT)


def to_pc_local(dt: datetime) -> datetime:
    """For display: the same instant on the PC's clock."""
    return aware(dt).astimezone()
