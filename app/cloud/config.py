"""Everything about the UCLBRT cloud that may need correcting against a real account.

Base URL, paths, field orders for the card-issuer signatures, which calls are safe to
repeat, timeouts and back-off all live here, so a correction is a one-line change in one
file. Values marked ASSUMED are not confirmed by the vendor's pages (see
``shared/specs/uclbrt-cloud-api.md``, "Unknown").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DEFAULT_BASE_URL = "https://api.uclbrt.com/"
LEGACY_BASE_URL = "https://api.uclbrt.com:8058/"  # older integrations (spec: "Transport")
# The simulated cloud (``keydesk sim cloud``) listens here unless told otherwise.
SIM_DEFAULT_HOST = "127.0.0.1"
SIM_DEFAULT_PORT = 8058
SIM_DEFAULT_URL = f"http://{SIM_DEFAULT_HOST}:{SIM_DEFAULT_PORT}/"
DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_AREA_CODE = "86"


class Family(StrEnum):
    QRCODE = "qrcode"  # scheme 1: /?c=Qrcode&a=<action>&sig=..., JSON body, MD5 upper
    QRM = "qrm"  # scheme 2: /Home/Qrm/<action>, form body with sig, MD5 lower of values
    RECORDS = "records"  # scheme 3: /Home/Records/<action>?sig=..., form body, SHA-1


class Kind(StrEnum):
    READ = "read"  # harmless to repeat: retried after timeouts, 500s and dropped connections
    CREATE = "create"  # makes something: never repeated before checking the first attempt
    CHANGE = "change"  # cancels/unlocks: not repeated; the user decides after a timeout


# Request path of each family below the base URL; ``{action}`` is the endpoint's action.
# The signature travels in the query string (QRCODE, RECORDS) or in the form body (QRM).
PATHS: dict[Family, str] = {
    Family.QRCODE: "/?c=Qrcode&a={action}",
    Family.QRM: "/Home/Qrm/{action}",
    Family.RECORDS: "/Home/Records/{action}",
}
SIG_IN_QUERY = {Family.QRCODE, Family.RECORDS}


@dataclass(frozen=True)
class Endpoint:
    family: Family
    action: str
    kind: Kind


ENDPOINTS: dict[str, Endpoint] = {
    "getLink": Endpoint(Family.QRCODE, "getLink", Kind.CREATE),
    "getCard": Endpoint(Family.QRCODE, "getCard", Kind.READ),
    "cancelCard": Endpoint(Family.QRCODE, "cancelCard", Kind.CHANGE),
    "reportLost": Endpoint(Family.QRCODE, "reportLost", Kind.CHANGE),
    "getRoomCardInfo": Endpoint(Family.QRCODE, "getRoomCardInfo", Kind.READ),
    "getMacList": Endpoint(Family.QRM, "getMacList", Kind.READ),
    "makeRoomCard": Endpoint(Family.QRM, "makeRoomCard", Kind.CREATE),
    "readCard": Endpoint(Family.QRM, "readCard", Kind.READ),
    "cancelRfCard": Endpoint(Family.QRM, "cancelCard", Kind.CHANGE),
    "fetchRoomInfo": Endpoint(Family.RECORDS, "fetchRoomInfo", Kind.READ),
    "getBoxInfo": Endpoint(Family.RECORDS, "getBoxInfo", Kind.READ),
    "lockBoxRoom": Endpoint(Family.RECORDS, "lockBoxRoom", Kind.CHANGE),
    "queryByRoom": Endpoint(Family.RECORDS, "queryByRoom", Kind.READ),
    # ASSUMED: a read-only look-up of guest keys by mobile/room/time, used only to find
    # out whether a timed-out getLink took effect. The simulator answers it; against a
    # server that does not (4003/404) the client reports "outcome unknown" instead of
    # issuing a second key.
    "queryKeys": Endpoint(Family.RECORDS, "queryCardByMobile", Kind.READ),
}

# Scheme 2: the values of these fields, in this order, then the Auth Token, are MD5-ed.
QRM_SIGN_ORDER: dict[str, tuple[str, ...]] = {
    "getMacList": ("accountSid", "communityNo", "authToken"),
    "makeRoomCard": (
        "issueMac", "endTime", "accountSid", "communityNo", "buildNo", "floorNo", "roomNo",
        "authToken",
    ),
    "readCard": (
        "accountSid", "communityNo", "issueMac", "creatorAreaCode", "creatorMobile",
        "creatorPassword", "authToken",
    ),
    "cancelCard": (
        "accountSid", "communityNo", "issueMac", "serialNum", "creatorAreaCode",
        "creatorMobile", "creatorPassword", "authToken",
    ),
}

# Client-chosen key sent with every create call (ASSUMED harmless: unknown fields are
# ignored by the platform). The simulator records it so the look-up can match it exactly.
IDEMPOTENCY_FIELD = "clientRef"

# Time formats (community time zone unless noted).
CARD_TIME_FORMAT = "%y%m%d%H%M"  # yyMMddHHmm, 10 digits
QR_TIMESTAMP_FORMAT = "%Y%m%d%H%M%S"  # scheme 1 timestamp, the PC's local time
RECORD_DATE_FORMAT = "%Y-%m-%d"  # queryByRoom startDate/endDate
RECORD_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # ASSUMED: open time in door records

QR_TIMESTAMP_WINDOW_S = 24 * 3600  # the vendor accepts a scheme-1 timestamp for 24 h
RECORDS_TIMESTAMP_WINDOW_S = 600  # ASSUMED: scheme-3 Unix timestamp freshness
MAX_LOG_SPAN_DAYS = 31
MAX_OPEN_END_DAYS = 30

# cardType of card calls.
CARD_TYPES = {"room": 0, "floor": 1, "building": 2}
# resultType of getCard.
RESULT_QR, RESULT_BLE, RESULT_PASSWORD = 1, 2, 4
# operateCardType of readCard / cancelCard.
OPERATE_CARD_TYPES = {"RFLOCK-V9": 2, "QRLOCK": 3, "other": 4}
# Door record cardtype values (from the vendor's page; partial).
RECORD_CARD_TYPES = {
    6: "guest", 7: "checkout", 10: "emergency", 11: "admin", 12: "building", 13: "floor",
    31: "RF record",
}

# Envelope status values that are HTTP-like (catalog domain cloud_http); the rest are
# cloud_api codes.
HTTP_LIKE_STATUS = {400, 401, 403, 404, 500}
# Transport failures (timeout, refused, dropped) are reported as this cloud_http code,
# the vendor's "Network error".
NETWORK_ERROR_CODE = "403"
REQUEST_LIMIT_CODE = "4005"
RETRYABLE_CODES = {"403", "500", "4005", "5305", "5310", "5312", "6000"}


# Size caps of an answer's decoded body: a room directory is a few MB at most, a QR image
# some KB; anything larger is a fault or a hostile peer and is not read further.
MB = 1024 * 1024
BODY_CAP = 1 * MB
BODY_CAPS: dict[str, int] = {"fetchRoomInfo": 8 * MB, "queryByRoom": 8 * MB, "getCard": 4 * MB,
                             "queryKeys": 4 * MB}


@dataclass(frozen=True)
class CallPolicy:
    """Timeouts and back-off; tests pass a faster one."""

    connect_timeout: float = 5.0
    # A total deadline for one request: connect, send and the whole answer. A peer that
    # drips its answer byte by byte cannot stretch it (httpx's timeouts are per read).
    read_timeout: float = 15.0
    read_attempts: int = 3  # total tries of a READ call after network errors / 500s
    limit_attempts: int = 3  # total tries of any call answered 4005 (request limit)
    backoff: float = 0.5  # first back-off; doubles on each retry
    backoff_max: float = 8.0
    # After a create call's answer is lost: wait for the cloud to settle, then look the
    # result up this many times (doubling the wait). The create call itself is never sent
    # again: a late answer would otherwise become a second key.
    settle_delay: float = 1.0
    lookup_attempts: int = 3

    def delay(self, attempt: int) -> float:
        return min(self.backoff_max, self.backoff * (2 ** max(0, attempt - 1)))
