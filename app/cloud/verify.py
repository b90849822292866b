"""Create calls that are never blindly repeated.

When ``getLink`` or ``makeRoomCard`` gets no answer (timeout, dropped connection, 5xx),
the request may or may not have taken effect. Issuing again blindly could hand out two
keys. So:

- ``getLink``: every attempt carries a client reference (``config.IDEMPOTENCY_FIELD``).
  After a failed attempt the client looks the key up by mobile/room/time
  (``queryKeys``, a read). Found (same reference, or same mobile, room and times) →
  that key is the answer. Not found → one more attempt with the same reference. The
  look-up failing (or unsupported by the server: 4003/404) → an error saying the
  outcome is unknown and what to check, never a second key.
- ``makeRoomCard``: the effect is the card on the issuer, so the check is ``readCard``:
  a card for that room ending at that minute means the first attempt worked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from app.cloud.config import IDEMPOTENCY_FIELD
from app.cloud.models import GuestKeyRequest, IssuedKey, RfCardInfo, RfCardRequest
from app.cloud.timezones import to_card_time
from app.cloud.transport import OutcomeUnknown
from app.domain.errors import KeyDeskError

if TYPE_CHECKING:
    from app.cloud.client import CloudClient

log = logging.getLogger(__name__)
CREATE_ATTEMPTS = 2


def _unknown(action: str, thing: str, exc: BaseException) -> KeyDeskError:
    return KeyDeskError(
        "cloud_http", "403",
        f"{action}: no answer, and it could not be checked whether {thing} was created ({exc})",
        state=f"unknown: {thing} may have been created; check before issuing again",
        retryable=False,
    )


async def create_guest_key(
    client: CloudClient, req: GuestKeyRequest, fields: dict[str, Any]
) -> IssuedKey:
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            data = await client.call("getLink", fields)
        except OutcomeUnknown as exc:
            log.warning("getLink attempt %d got no answer (%s); checking", attempt, exc.reason)
            found = await _find_key(client, req, fields)
            if found:
                return IssuedKey(found, req, verified_after_timeout=True)
            if attempt == CREATE_ATTEMPTS:
                raise
            continue
        card_no = str((data or {}).get("cardNo", "")) if isinstance(data, dict) else str(data)
        if not card_no:
            raise KeyDeskError("cloud_api", "5015", "getLink: no cardNo in the answer")
        return IssuedKey(card_no, req)
    raise AssertionError("unreachable")


async def _find_key(client: CloudClient, req: GuestKeyRequest, fields: dict[str, Any]) -> str:
    try:
        records = await client.query_keys(req)
    except KeyDeskError as exc:
        raise _unknown("getLink", "the guest key", exc) from None
    ref = fields[IDEMPOTENCY_FIELD]
    for r in records:
        if r.client_ref == ref:
            return r.card_no
    start, end = fields["startTime"], fields["endTime"]
    for r in records:
        same_time = (r.start and r.end and to_card_time(r.start, client.tz) == start
                     and to_card_time(r.end, client.tz) == end)
        if not r.client_ref and r.mobile == req.mobile and r.room == req.room and same_time:
            return r.card_no
    return ""


async def create_rf_card(
    client: CloudClient, req: RfCardRequest, fields: dict[str, Any], operate_card_type: int
) -> RfCardInfo:
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            await client.call("makeRoomCard", fields)
        except OutcomeUnknown as exc:
            log.warning("makeRoomCard attempt %d got no answer (%s); reading the card",
                        attempt, exc.reason)
            try:
                card = await client.read_card(operate_card_type)
            except KeyDeskError as read_exc:
                raise _unknown("makeRoomCard", "the RF card", read_exc) from None
            if _written_for(card, req, client):
                return card
            if attempt == CREATE_ATTEMPTS:
                raise
            continue
        return await client.read_card(operate_card_type)
    raise AssertionError("unreachable")


def _written_for(card: RfCardInfo, req: RfCardRequest, client: CloudClient) -> bool:
    if not card.serial_num or card.end is None:
        return False
    room_ok = (card.building, card.floor, card.room) == (
        req.room.building, req.room.floor, req.room.room)
    return room_ok and to_card_time(card.end, client.tz) == to_card_time(req.end, client.tz)
