"""What a desk or a commissioning tool asks a reader: identity, clock, doors, log, cards.

All methods are coroutines for the runtime's asyncio loop. Card enrolment gives a card
UID (captured on the encoder) access to this reader's doors for a stay, and takes it away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.access.client import ReaderHttp
from app.access.records import parse_key_values, parse_records
from app.domain.errors import KeyDeskError

MAX_PER_CALL = 10  # the firmware's limit for insertMulti / removeMulti
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class ClockCheck:
    device_time: datetime  # the device's local wall clock, read as naive local time
    pc_time: datetime
    drift_seconds: float  # device minus PC; positive = the device is ahead


def drift_words(seconds: float) -> str:
    """``+95 s``: whole seconds, signed, and never ``-0 s`` for a clock that is right."""
    return f"{round(seconds):+d} s"


@dataclass(frozen=True)
class CardGrant:
    """A card to enrol: ``card`` is the UID in hex, valid between two local times."""

    card: str
    user_id: str
    name: str
    valid_from: datetime
    valid_to: datetime
    doors: tuple[int, ...] = (0,)


def _chunks(items: Sequence[Any], size: int = MAX_PER_CALL) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def normalise_card(card: str) -> str:
    """UPPER HEX without separators; anything else is refused before reaching the device."""
    uid = card.replace(":", "").replace(" ", "").replace("-", "").upper()
    if not uid or any(c not in "0123456789ABCDEF" for c in uid) or len(uid) > 20:
        raise KeyDeskError("reader_request_error", 286064901, f"not a card UID: {card!r}",
                           retryable=False)
    return uid


class ReaderApi:
    def __init__(self, http: ReaderHttp) -> None:
        self.http = http

    async def system_info(self) -> dict[str, str]:
        text = await self.http.request(
            "GET", "/cgi-bin/magicBox.cgi", params={"action": "getSystemInfo"},
            what="device identity",
        )
        return parse_key_values(text)

    async def clock(self) -> ClockCheck:
        # The device answers in whole seconds, truncated, at some instant of the round
        # trip: compare its mid-second with the PC's clock at the round trip's midpoint,
        # so a slow answer does not read as a second of drift.
        sent = datetime.now()
        text = await self.http.request(
            "GET", "/cgi-bin/global.cgi", params={"action": "getCurrentTime"}, what="clock",
        )
        value = parse_key_values(text).get("result", "")
        try:
            device = datetime.strptime(value, TIME_FORMAT)
        except ValueError:
            raise KeyDeskError("reader_request_error", 268632324,
                               f"clock: unexpected answer {text[:80]!r}") from None
        received = datetime.now()
        pc = sent + (received - sent) / 2
        drift = (device + timedelta(milliseconds=500) - pc).total_seconds()
        return ClockCheck(device, pc.replace(microsecond=0), drift)

    async def set_clock(self, when: datetime | None = None) -> None:
        """Set the device clock to ``when`` (local time; default: the PC's clock now)."""
        when = when or datetime.now()
        await self.http.request(
            "GET", "/cgi-bin/global.cgi",
            params={"action": "setCurrentTime", "time": when.strftime(TIME_FORMAT)},
            what="set clock",
        )

    async def door_status(self, channel: int = 1) -> str:
        text = await self.http.request(
            "GET", "/cgi-bin/accessControl.cgi",
            params={"action": "getDoorStatus", "channel": channel}, what="door status",
        )
        return parse_key_values(text).get("Info.status", text.strip())

    async def open_door(self, channel: int = 1) -> None:
        await self.http.request(
            "GET", "/cgi-bin/accessControl.cgi",
            params={"action": "openDoor", "channel": channel}, what="open door",
        )

    async def close_door(self, channel: int = 1) -> None:
        await self.http.request(
            "GET", "/cgi-bin/accessControl.cgi",
            params={"action": "closeDoor", "channel": channel}, what="close door",
        )

    async def find_records(
        self, start: float, end: float, *, page: int = 1000, max_pages: int = 1000
    ) -> list[dict[str, Any]]:
        """Every access record with ``start <= CreateTime <= end`` (device epoch seconds).

        Pages by re-asking from the last ``CreateTime`` when a page comes back full; the
        overlap is removed by record number. A full page that does not advance (more
        records in one second than a page holds) is asked again with a larger count.
        """
        out: list[dict[str, Any]] = []
        seen: set[Any] = set()
        cursor, count = int(start), page
        for _ in range(max_pages):
            text = await self.http.request(
                "GET", "/cgi-bin/recordFinder.cgi",
                params={"action": "find", "name": "AccessControlCardRec",
                        "StartTime": cursor, "EndTime": int(end) + 1, "count": count},
                what="access log",
            )
            _found, rows = parse_records(text)
            for row in rows:
                key = row.get("RecNo", (row.get("CreateTime"), row.get("CardNo")))
                if key not in seen:
                    seen.add(key)
                    out.append(row)
            if len(rows) < count:
                break
            last = max(int(r.get("CreateTime") or cursor) for r in rows)
            if last <= cursor:
                count *= 2  # a whole page inside one second
            else:
                cursor, count = last, page
        return out

    async def add_users(self, grants: Sequence[CardGrant]) -> None:
        for chunk in _chunks(grants):
            users = [
                {"UserID": g.user_id, "UserName": g.name, "UserType": 0, "Authority": 2,
                 "Doors": list(g.doors), "TimeSections": [255] * len(g.doors),
                 "ValidFrom": g.valid_from.strftime(TIME_FORMAT),
                 "ValidTo": g.valid_to.strftime(TIME_FORMAT)}
                for g in chunk
            ]
            await self.http.request(
                "POST", "/cgi-bin/AccessUser.cgi", params={"action": "insertMulti"},
                json_body={"UserList": users}, what="add users",
            )

    async def add_cards(self, grants: Sequence[CardGrant]) -> None:
        for chunk in _chunks(grants):
            cards = [{"UserID": g.user_id, "CardNo": normalise_card(g.card), "CardType": 0,
                      "CardStatus": 0} for g in chunk]
            await self.http.request(
                "POST", "/cgi-bin/AccessCard.cgi", params={"action": "insertMulti"},
                json_body={"CardList": cards}, what="add cards",
            )

    async def remove_cards(self, cards: Sequence[str]) -> None:
        for chunk in _chunks([normalise_card(c) for c in cards]):
            params = {"action": "removeMulti"}
            params |= {f"CardNoList[{i}]": c for i, c in enumerate(chunk)}
            await self.http.request("GET", "/cgi-bin/AccessCard.cgi", params=params,
                                    what="remove cards")

    async def remove_users(self, user_ids: Sequence[str]) -> None:
        for chunk in _chunks(list(user_ids)):
            params = {"action": "removeMulti"}
            params |= {f"UserIDList[{i}]": u for i, u in enumerate(chunk)}
            await self.http.request("GET", "/cgi-bin/AccessUser.cgi", params=params,
                                    what="remove users")

    async def enrol(self, grants: Sequence[CardGrant]) -> None:
        """Give each card access for its stay: the user first, then the card."""
        await self.add_users(grants)
        await self.add_cards(grants)

    async def revoke(self, cards: Sequence[str], user_ids: Sequence[str] = ()) -> None:
        """Take cards (and, when given, their users) away again."""
        if cards:
            await self.remove_cards(cards)
        if user_ids:
            await self.remove_users(user_ids)

