"""Helpers shared by the lock-cloud tests (unit, integration, GUI)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

from app.cloud.models import GuestKeyRequest, RoomRef
from app.cloud.signing import hash_password
from app.cloud.sim import community as demo

ROOM = RoomRef("001", "01", "0101")  # QRALOCK, behind the demo gateway
MOBILE = "13900001111"
# Everything secret of the demo account, as it could leak: token, password, password MD5.
DEMO_SECRETS = (demo.DEMO_AUTH_TOKEN, demo.DEMO_OPERATOR_PASSWORD,
                hash_password(demo.DEMO_OPERATOR_PASSWORD))
COMMUNITY_TZ = ZoneInfo(demo.DEMO_TIMEZONE)
# Moments for time_machine.travel: just before and after the midnight that ends MIDNIGHT_DAY
# on the PC's clock (whatever TZ this run has) and on the community's.
MIDNIGHTS = ("pc-before", "pc-after", "community-before", "community-after")
MIDNIGHT_DAY = date(2026, 12, 1)


def midnight_moment(which: str, margin_s: float = 2.0, day: date = MIDNIGHT_DAY) -> float:
    """A Unix time ``margin_s`` before/after a midnight (``which`` is one of MIDNIGHTS).

    A Unix time, not a zoned datetime: time_machine would then also change the PC's zone,
    and the test command's re-runs under other zones are what vary that."""
    whose, side = which.rsplit("-", 1)
    midnight = datetime.combine(day + timedelta(days=1), clock_time())
    at = midnight.astimezone() if whose == "pc" else midnight.replace(tzinfo=COMMUNITY_TZ)
    return at.timestamp() + (margin_s if side == "after" else -margin_s)


def stay(hours: float = 24, start_delta: float = 0) -> tuple[datetime, datetime]:
    """(start, end) from the current minute on the PC's clock, timezone-aware."""
    start = datetime.now().astimezone().replace(second=0, microsecond=0)
    start += timedelta(hours=start_delta)
    return start, start + timedelta(hours=hours)


def key_request(room: RoomRef = ROOM, *, mobile: str = MOBILE, start: datetime | None = None,
                end: datetime | None = None, **kw: Any) -> GuestKeyRequest:
    """A one-day guest key from now for ``MOBILE`` in ``ROOM`` unless told otherwise."""
    default_start, default_end = stay()
    return GuestKeyRequest(mobile, room, start or default_start, end or default_end, **kw)


@contextmanager
def pc_time_zone(name: str) -> Iterator[None]:
    """Run with the PC's (the process's) local time zone set to ``name`` (POSIX TZ)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
