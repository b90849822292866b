"""The simulated reader's CGI calls (everything but the event stream)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.access.sim.server import Request, SimHttpServer

from app.access.sim.server import response_bytes

MAX_PER_CALL = 10
MAX_RECORDS = 5000
# Request error codes of the seed's table.
INVALID_ARGS = 268632322
NO_RECORDS = 286064917
USER_EXISTS = 286064929
CARD_EXISTS = 286064930
USER_NOT_FOUND = 286064925
UNSUPPORTED = 268632326


class RouteError(Exception):
    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class Routes:
    def __init__(self, server: SimHttpServer) -> None:
        self.server = server
        self.device = server.device
        self.door_opens = 0

    def error(self, status: int, code: int, message: str,
              headers: dict[str, str] | None = None) -> bytes:
        """Newer firmware answers JSON codes; older firmware a plain ``Error`` text."""
        if self.server.json_errors:
            body = json.dumps({"error": {"code": code, "message": message}})
            return response_bytes(status, body, headers, "application/json")
        return response_bytes(status, f"Error\r\n{message}\r\n", headers)

    def dispatch(self, req: Request) -> bytes:
        name = req.path.rsplit("/", 1)[-1].removesuffix(".cgi")
        action = req.params.get("action", "")
        handler = getattr(self, f"_{name}_{action}".replace(".", "_"), None)
        try:
            if handler is None:
                raise RouteError(400, UNSUPPORTED, f"unsupported {req.path}?action={action}")
            return response_bytes(200, handler(req))
        except RouteError as err:
            return self.error(err.status, err.code, err.message)

    # -- identity and clock ----------------------------------------------------------------

    def _magicBox_getSystemInfo(self, _req: Request) -> str:
        d = self.device
        return (f"deviceType={d.device_type}\r\nprocessor=SIM\r\nserialNumber={d.serial}\r\n"
                f"updateSerial={d.device_type}\r\nversion=2.840.0000000.SIM\r\n")

    def _magicBox_getDeviceType(self, _req: Request) -> str:
        return f"type={self.device.device_type}\r\n"

    def _magicBox_getSoftwareVersion(self, _req: Request) -> str:
        return "version=2.840.0000000.SIM,build:2024-01-01\r\n"

    def _magicBox_getSerialNo(self, _req: Request) -> str:
        return f"sn={self.device.serial}\r\n"

    def _global_getCurrentTime(self, _req: Request) -> str:
        return f"result={self.device.local_time_text()}\r\n"

    def _global_setCurrentTime(self, req: Request) -> str:
        try:
            self.device.set_local_time(req.params.get("time", ""))
        except ValueError:
            raise RouteError(400, INVALID_ARGS, "bad time") from None
        return "OK\r\n"

    # -- doors --------------------------------------------------------------------------------

    def _channel(self, req: Request) -> int:
        try:
            door = int(req.params.get("channel", "1")) - 1
        except ValueError:
            door = -1
        if not 0 <= door < self.device.doors:
            raise RouteError(400, INVALID_ARGS, "bad channel")
        return door

    def _accessControl_openDoor(self, req: Request) -> str:
        self.device.open_door(self._channel(req))
        self.door_opens += 1
        return "OK\r\n"

    def _accessControl_closeDoor(self, req: Request) -> str:
        self.device.close_door(self._channel(req))
        return "OK\r\n"

    def _accessControl_getDoorStatus(self, req: Request) -> str:
        return f"Info.status={self.device.door_state[self._channel(req)]}\r\n"

    # -- the access log --------------------------------------------------------------------------

    def _recordFinder_find(self, req: Request) -> str:
        p = req.params
        if p.get("name") != "AccessControlCardRec":
            raise RouteError(400, UNSUPPORTED, "unknown record name")
        try:
            start = int(p.get("StartTime", "0"))
            end = int(p.get("EndTime", str(2**31)))
            count = min(MAX_RECORDS, int(p.get("count", "100")))
        except ValueError:
            raise RouteError(400, INVALID_ARGS, "bad number") from None
        rows = [r for r in self.device.records if start <= r["CreateTime"] <= end][:count]
        lines = [f"found={len(rows)}"]
        for i, row in enumerate(rows):
            lines += [f"records[{i}].{k}={v}" for k, v in row.items()]
        return "\r\n".join(lines) + "\r\n"

    # -- users and cards --------------------------------------------------------------------------

    def _json_list(self, req: Request, key: str) -> list[dict[str, Any]]:
        try:
            items = json.loads(req.body.decode("utf-8"))[key]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise RouteError(400, INVALID_ARGS, f"expected JSON with {key}") from None
        if not isinstance(items, list) or not 0 < len(items) <= MAX_PER_CALL:
            raise RouteError(400, INVALID_ARGS, f"{key}: 1 to {MAX_PER_CALL} entries")
        return items

    def _indexed(self, req: Request, key: str) -> list[str]:
        values = [v for k, v in req.params.items() if k.startswith(f"{key}[")]
        if not 0 < len(values) <= MAX_PER_CALL:
            raise RouteError(400, INVALID_ARGS, f"{key}: 1 to {MAX_PER_CALL} entries")
        return values

    def _AccessUser_insertMulti(self, req: Request) -> str:
        users = self._json_list(req, "UserList")
        for user in users:
            if str(user.get("UserID")) in self.device.users:
                raise RouteError(400, USER_EXISTS, f"user {user.get('UserID')} exists")
            for field in ("ValidFrom", "ValidTo"):
                try:
                    datetime.strptime(user.get(field, "2000-01-01 00:00:00"), "%Y-%m-%d %H:%M:%S")
                except (TypeError, ValueError):
                    raise RouteError(400, INVALID_ARGS, f"bad {field}") from None
        for user in users:
            entry = {"ValidFrom": "2000-01-01 00:00:00", "ValidTo": "2037-12-31 23:59:59",
                     "Doors": [0], **user, "UserID": str(user["UserID"])}
            self.device.users[entry["UserID"]] = entry
        return "OK\r\n"

    def _AccessUser_removeMulti(self, req: Request) -> str:
        for uid in self._indexed(req, "UserIDList"):
            if self.device.users.pop(uid, None) is None:
                raise RouteError(400, NO_RECORDS, f"no user {uid}")
            for card in [c for c, i in self.device.cards.items() if i["UserID"] == uid]:
                del self.device.cards[card]
        return "OK\r\n"

    def _AccessCard_insertMulti(self, req: Request) -> str:
        cards = self._json_list(req, "CardList")
        for card in cards:
            if str(card.get("UserID")) not in self.device.users:
                raise RouteError(400, USER_NOT_FOUND, f"no user {card.get('UserID')}")
            if str(card.get("CardNo", "")).upper() in self.device.cards:
                raise RouteError(400, CARD_EXISTS, f"card {card.get('CardNo')} exists")
        for card in cards:
            number = str(card["CardNo"]).upper()
            self.device.cards[number] = {"CardType": 0, "CardStatus": 0, **card,
                                         "CardNo": number, "UserID": str(card["UserID"])}
        return "OK\r\n"

    def _AccessCard_removeMulti(self, req: Request) -> str:
        for number in self._indexed(req, "CardNoList"):
            if self.device.cards.pop(number.upper(), None) is None:
                raise RouteError(400, NO_RECORDS, f"no card {number}")
        return "OK\r\n"
