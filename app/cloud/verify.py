"""Create calls that are never blindly repeated.

When ``getLink`` or ``makeRoomCard`` gets no usable answer (timeout, dropped connection,
5xx, an answer cut short or oversized), the request may or may not have taken effect —
and a slow cloud may still be working on it. Sending it again could hand out two keys.
So the create call is sent **once**; after a lost answer the client waits a moment for
the cloud to settle and looks the result up, retrying only the look-up
(``CallPolicy.settle_delay``, ``lookup_attempts``):

- ``getLink``: every attempt carries a client reference (``config.IDEMPOTENCY_FIELD``).
  The look-up is ``queryKeys`` (a read) by mobile/room/time. Found (same reference, or
  same mobile, room and times) → that key is the answer.
- ``makeRoomCard``: the effect is the card on the issuer, so the look-up is ``readCard``:
  a card for that room ending at that minute means the call worked.

Not found after the last look-up, or the look-up itself failing (4003/404 when the
server lacks the ASSUMED endpoint) → :class:`OutcomeUnknown` whose state says how to
check (``keydesk cloud keys ...`` / ``rf-read``) before issuing again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.cloud.config import IDEMPOTENCY_FIELD
from app.cloud.models import GuestKeyRequest, IssuedKey, RfCardInfo, RfCardRequest
from app.cloud.timezones import to_card_time
from app.cloud.transport import OutcomeUnknown
from app.cloud.words import said
from app.domain.errors import KeyDeskError

if TYPE_CHECKING:
    from app.cloud.client import CloudClient

log = logging.getLogger(__name__)
T = TypeVar("T")


def check_keys_hint(req: GuestKeyRequest) -> str:
    return said("check_keys", room=req.room.label(), mobile=req.mobile)


RF_HINT = said("check_rf")


async def look_up(client: CloudClient, find: Callable[[], Awaitable[T | None]],
                  action: str, reason: str, hint: str) -> T:
    """Wait, look, and wait longer between looks; OutcomeUnknown when never found."""
    p = client.transport.policy
    for attempt in range(max(1, p.lookup_attempts)):
        await client.transport.sleep(p.settle_delay * 2 ** attempt)
        try:
            found = await find()
        except KeyDeskError as exc:
            raise OutcomeUnknown(action, f"{reason}; the look-up failed: {exc.detail}",
                                 hint) from None
        if found:
            return found
        log.info("%s: not found by look-up %d", action, attempt + 1)
    raise OutcomeUnknown(action, f"{reason}; not found by {max(1, p.lookup_attempts)} "
                                 "look-ups", hint)


async def create_guest_key(
    client: CloudClient, req: GuestKeyRequest, fields: dict[str, Any]
) -> IssuedKey:
    try:
        data = await client.call("getLink", fields)
    except OutcomeUnknown as exc:
        log.warning("getLink got no usable answer (%s); looking the key up", exc.reason)
        card_no = await look_up(client, lambda: _find_key(client, req, fields), "getLink",
                                exc.reason, check_keys_hint(req))
        return IssuedKey(card_no, req, verified_after_timeout=True)
    card_no = str((data or {}).get("cardNo", "")) if isinstance(data, dict) else str(data or "")
    if not card_no:
        raise KeyDeskError("cloud_api", "5015", "getLink: no cardNo in the answer")
    return IssuedKey(card_no, req)


async def _find_key(client: CloudClient, req: GuestKeyRequest, fields: dict[str, Any]) -> str:
    records = await client.query_keys(req)
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
    try:
        await client.call("makeRoomCard", fields)
    except OutcomeUnknown as exc:
        log.warning("makeRoomCard got no usable answer (%s); reading the card", exc.reason)

        async def written() -> RfCardInfo | None:
            card = await client.read_card(operate_card_type)
            return card if _written_for(card, req, client) else None

        return await look_up(client, written, "makeRoomCard", exc.reason, RF_HINT)
    return await client.read_card(operate_card_type)


def _written_for(card: RfCardInfo, req: RfCardRequest, client: CloudClient) -> bool:
    if not card.serial_num or card.end is None:
        return False
    room_ok = (card.building, card.floor, card.room) == (
        req.room.building, req.room.floor, req.room.room)
    return room_ok and to_card_time(card.end, client.tz) == to_card_time(req.end, client.tz)
