"""Testing an access reader before it is saved: who it is (device type, serial number,
firmware) and how far its clock is from this PC's.

A refused password is never tried twice by the check itself: readers lock the PC's
address out for about 30 minutes after a few wrong passwords (five on Intelbras/Dahua
firmware), so the window warns before the next try.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.access.api import ReaderApi
from app.access.client import ACCOUNT_LOCKED, BAD_CREDENTIALS, ReaderHttp
from app.domain.errors import KeyDeskError

LOCKOUT_TRIES = 5  # wrong passwords in a row before the reader locks this PC out
LOCKOUT_MINUTES = 30
CHECK_TIMEOUT = 8.0  # seconds per call: a person is waiting on the Test button


@dataclass(frozen=True)
class ReaderCheck:
    device_type: str
    serial: str
    firmware: str
    drift_seconds: float  # device clock minus this PC's


def refused_password(exc: BaseException) -> bool:
    """The reader said no to the user name or password (or has locked this PC out)."""
    return isinstance(exc, KeyDeskError) and exc.code in (str(BAD_CREDENTIALS),
                                                          str(ACCOUNT_LOCKED))


async def check_reader(url: str, user: str, password: str,
                       timeout: float = CHECK_TIMEOUT) -> ReaderCheck:
    """(On the loop thread.) One session: identity, then the clock."""
    http = ReaderHttp(url, user, password, timeout=timeout)
    try:
        api = ReaderApi(http)
        info = await api.system_info()
        clock = await api.clock()
    finally:
        await http.aclose()
    return ReaderCheck(
        device_type=info.get("deviceType", "").strip(),
        serial=info.get("serialNumber", "").strip(),
        firmware=info.get("version", "").strip(),
        drift_seconds=clock.drift_seconds,
    )
