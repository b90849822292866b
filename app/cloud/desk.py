"""The front desk's cloud flows, each one recorded in the audit trail.

Shared by the window (``ui/front_desk/cloud_*.py``) and ``keydesk cloud``. Every method
is a coroutine for the runtime's asyncio loop; each opens its own client (so edited
Settings apply at once) and writes one audit row: who, what, target, result. With an
``access`` policy (the desk's ``OperatorSession``) each flow first checks its right
(:data:`RIGHTS`); a refusal is explained and audited, and nothing is sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from app.cloud import room_names
from app.cloud.client import CloudClient
from app.cloud.config import RESULT_BLE, RESULT_QR, CallPolicy
from app.cloud.credentials import CloudCredentials
from app.cloud.models import (
    Building,
    DoorRecord,
    GuestKeyRequest,
    IssuedKey,
    KeyMaterial,
    KeyRecord,
    LogQuery,
    RfCardInfo,
    RfCardRequest,
    Room,
    RoomRef,
)
from app.cloud.timezones import zone
from app.domain.errors import KeyDeskError
from app.store.backend import AuditBackend

T = TypeVar("T")

LOST_NEXT_STEP = (
    "Loss reported. The guest must fetch the key again (same card number) and show the new "
    "key at the door once: that tells the lock the old key is lost."
)
LOST_WHOLE_ROOM_NEXT_STEP = (
    "Every key of this room is reported lost. Each guest of the room must fetch their key "
    "again and show the new key at the door once."
)
# The operator right each flow needs (app.operators.rights).
RIGHTS: dict[str, str] = {
    "test_connection": "cloud.read", "rooms": "cloud.read", "door_log": "cloud.read",
    "issue_key": "key.guest", "get_key": "key.guest", "bluetooth_key": "key.guest",
    "rf_issue": "key.guest", "rf_read": "key.guest", "room_keys": "key.guest",
    "cancel_key": "key.cancel", "report_lost": "key.cancel", "rf_cancel": "key.cancel",
    "unlock": "door.unlock",
}
# Flows whose target is a room (filled into the audit row's room column).
ROOM_FLOWS = {"issue_key", "rf_issue", "unlock", "door_log", "room_keys"}
# Codes that mean the credentials themselves were refused (a test call fails on these).
AUTH_FAILURES = {"401", "4004", "4006", "4007", "4008"}
# Answers to the operator's test read that come after the login was accepted, and those
# that leave it unchecked (the issuer is offline or none is registered).
OPERATOR_ACCEPTED = {"5300", "5311"}  # no card on the issuer / card not identified
ISSUER_UNREACHABLE = {"5310", "6114"}
OPERATOR_OK, OPERATOR_NOT_SET, OPERATOR_UNCHECKED = "ok", "not set", "issuer offline"


class CloudDesk:
    def __init__(self, creds: CloudCredentials, audit: AuditBackend | None = None, *,
                 who: str | None = None, policy: CallPolicy | None = None,
                 access: Any = None) -> None:
        self.creds = creds
        self.audit = audit
        self.who = who
        self.policy = policy
        self.access = access  # an app.operators.session.OperatorSession, or None

    def zone(self) -> ZoneInfo:
        """The community's time zone (door-log dates and card times are in it)."""
        return zone(self.creds.timezone)

    def client(self) -> CloudClient:
        return CloudClient(self.creds.require(), self.policy)

    async def _run(self, what: str, target: str, detail: dict[str, Any],
                   op: Callable[[CloudClient], Awaitable[T]]) -> T:
        if self.access is not None:
            self.access.require(RIGHTS[what], what=f"cloud.{what}", target=target,
                                room=target if what in ROOM_FLOWS else "", detail=detail)
        try:
            async with self.client() as cloud:
                result = await op(cloud)
        except KeyDeskError as exc:
            self._record(what, target, f"error {exc.domain} {exc.code}",
                         {**detail, "error": exc.detail, "state": exc.state})
            raise
        except asyncio.CancelledError:  # given up on (a deadline, the window closing)
            self._record(what, target, "cancelled: outcome unknown", detail)
            raise
        except Exception as exc:
            self._record(what, target, f"bug {type(exc).__name__}", detail)
            raise
        self._record(what, target, "ok", detail)
        return result

    def _record(self, what: str, target: str, result: str, detail: dict[str, Any]) -> None:
        if self.audit is not None:
            self.audit.record(f"cloud.{what}", who=self.who, target=target, result=result,
                              room=target if what in ROOM_FLOWS else "", detail=detail)

    # -- flows -------------------------------------------------------------------------
    async def test_connection(self) -> dict[str, Any]:
        """Every credential that can be checked without changing anything: one read per
        signing scheme (account, token, community), the card issuer set up here among the
        community's, and the operator's login (a read of the issuer's card). A credential
        refused fails the test with the cloud's code; what could not be checked is said."""
        async def op(cloud: CloudClient) -> dict[str, Any]:
            buildings = await cloud.fetch_room_info()  # scheme 3
            try:
                await cloud.get_room_card_info("00")  # scheme 1: any non-auth error is fine
            except KeyDeskError as exc:
                if exc.code in AUTH_FAILURES:
                    raise
            issuers: list[str] = []
            try:
                issuers = [i.mac for i in await cloud.get_mac_list()]  # scheme 2
            except KeyDeskError as exc:
                if exc.code in AUTH_FAILURES:
                    raise
            mac = self.creds.issue_mac
            if mac and issuers and mac.upper() not in {i.upper() for i in issuers}:
                raise KeyDeskError("cloud_desk", "issuer-not-listed",
                                   f"card issuer {mac}; the community's: {', '.join(issuers)}")
            rooms = sum(len(b.all_rooms()) for b in buildings)
            return {"ok": True, "buildings": len(buildings), "rooms": rooms,
                    "issuers": issuers, "community_no": self.creds.community_no,
                    "issue_mac": mac, "operator": await self._operator_login(cloud)}
        return await self._run("test_connection", self.creds.community_no, {}, op)

    async def _operator_login(self, cloud: CloudClient) -> str:
        """"ok", "not set" (no operator mobile/password here) or "issuer offline" (the
        issuer answered first, so the login was not reached); a refused login raises the
        cloud's code (5303)."""
        if not (self.creds.creator_mobile and self.creds.creator_password):
            return OPERATOR_NOT_SET
        try:
            await cloud.read_card()  # reads; writes nothing on the card or the cloud
        except KeyDeskError as exc:
            if exc.code in OPERATOR_ACCEPTED:
                return OPERATOR_OK
            if exc.code in ISSUER_UNREACHABLE:
                return OPERATOR_UNCHECKED
            raise
        return OPERATOR_OK

    async def rooms(self) -> list[Building]:
        return await self._run("rooms", self.creds.community_no, {},
                               lambda c: c.fetch_room_info())

    async def issue_key(self, req: GuestKeyRequest,
                        with_qr: bool = True) -> tuple[IssuedKey, KeyMaterial | None]:
        async def op(cloud: CloudClient) -> tuple[IssuedKey, KeyMaterial | None]:
            issued = await cloud.get_link(req)
            qr = None
            if with_qr:
                qr = await cloud.get_card(req.mobile, issued.card_no, area_code=req.area_code,
                                          result_type=RESULT_QR, card_kind=req.card_kind)
            return issued, qr
        detail = {"mobile": req.mobile, "kind": req.card_kind, "sms": req.send_sms,
                  "start": req.start.isoformat(), "end": req.end.isoformat()}
        issued, qr = await self._run("issue_key", req.room.label(), detail, op)
        if self.audit is not None:
            self.audit.record("cloud.issue_key.card", who=self.who, target=issued.card_no,
                              room=req.room.label(),
                              detail={"room": req.room.label(), "mobile": req.mobile})
        return issued, qr

    async def get_key(self, mobile: str, card_no: str, area_code: str = "86") -> KeyMaterial:
        return await self._run(
            "get_key", card_no, {"mobile": mobile},
            lambda c: c.get_card(mobile, card_no, area_code=area_code, result_type=RESULT_QR))

    async def bluetooth_key(self, mobile: str, lock_mac: str, area_code: str = "86",
                            lock_type: str | None = None) -> KeyMaterial:
        return await self._run(
            "bluetooth_key", lock_mac, {"mobile": mobile},
            lambda c: c.get_card(mobile, f"mac:{lock_mac}", area_code=area_code,
                                 result_type=RESULT_BLE, lock_type=lock_type))

    async def cancel_key(self, card_no: str, card_kind: str = "room") -> None:
        await self._run("cancel_key", card_no, {"kind": card_kind},
                        lambda c: c.cancel_card(card_no, card_kind))

    async def report_lost(self, card_no: str, whole_room: bool = False) -> str:
        await self._run("report_lost", card_no, {"whole_room": whole_room},
                        lambda c: c.report_lost(card_no, whole_room))
        return LOST_WHOLE_ROOM_NEXT_STEP if whole_room else LOST_NEXT_STEP

    async def rf_issue(self, req: RfCardRequest, operate_card_type: int = 4) -> RfCardInfo:
        return await self._run(
            "rf_issue", req.room.label(), {"end": req.end.isoformat(), "owner": req.owner},
            lambda c: c.make_room_card(req, operate_card_type))

    async def rf_read(self, operate_card_type: int = 4) -> RfCardInfo:
        return await self._run("rf_read", self.creds.issue_mac, {},
                               lambda c: c.read_card(operate_card_type))

    async def rf_cancel(self, serial_num: str, operate_card_type: int = 4) -> None:
        await self._run("rf_cancel", serial_num, {},
                        lambda c: c.cancel_rf_card(serial_num, operate_card_type))

    async def unlock(self, room: Room, lock_type: int = 1) -> None:
        """Remote unlock through the room's gateway (the UI asks for confirmation first).
        A room the directory lists without a gateway is refused here, nothing sent: the
        cloud would answer 5008 "cannot make a key", which says nothing of the gateway."""
        async def op(cloud: CloudClient) -> None:
            if lock_type == 1 and not room.box_id:
                raise KeyDeskError("cloud_desk", "no-gateway",
                                   f"room {room.ref.label()} ({room.name}, {room.lock_type}) "
                                   "has no gateway in the lock cloud's directory")
            await cloud.lock_box_room(room.mac, lock_type, room.box_id)
        await self._run("unlock", room.ref.label(), {"mac": room.mac, "box": room.box_id}, op)

    async def door_log(self, query: LogQuery) -> list[DoorRecord]:
        return await self._run(
            "door_log", query.room.label(),
            {"from": query.start.isoformat(), "to": query.end.isoformat()},
            lambda c: c.query_by_room(query))

    async def room_keys(self, room: RoomRef, mobile: str,
                        area_code: str = "86") -> list[KeyRecord]:
        """What to check after "outcome unknown": the guest's keys for the room."""
        return await self._run("room_keys", room.label(), {"mobile": mobile},
                               lambda c: c.room_keys(room, mobile, area_code))

    async def find_room(self, text: str) -> Room:
        """The directory's room named ``text`` (BUILDING-FLOOR-ROOM or its name); an
        InputError when none or several fit (the person's mistake, nothing is sent)."""
        return room_names.find(room_names.rooms_of(await self.rooms()), text)

    async def room_ref(self, text: str) -> RoomRef:
        """``text`` as the cloud's reference: BUILDING-FLOOR-ROOM as written, a room's name
        (``101``) looked up in the directory."""
        ref = room_names.as_reference(text)
        return ref if ref is not None else (await self.find_room(text)).ref
