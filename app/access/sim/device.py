"""The simulated reader's inner state: users, cards, the access log, doors, clock, traffic.

Everything here is plain Python used from the simulator's own event-loop thread; the
HTTP layer (:mod:`app.access.sim.server`) turns it into the device's CGI answers and the
event stream. Traffic goes into the log (with record numbers) whether or not a client is
attached, exactly like a real device, which is what back-fill relies on.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# (UserID, name, card): names exercise non-ASCII, and ';' '=' inside JSON strings.
BUILTIN_USERS = [
    ("1001", "Ana Lúcia Conceição", "12EA3004"),
    ("1002", "José Müller", "5B7C9D01"),
    ("1003", "Zoë Ørsted", "A1B2C3D4"),
    ("1004", "李雷", "0F0E0D0C"),
    ("1005", "Grace O'Neil; Room=12", "77AA55EE"),
    ("1006", "Łukasz Żółć", "DEADBEEF"),
]
# (Method, weight): card, face, QR, password, remote, fingerprint.
GRANT_METHODS = [(1, 40), (15, 25), (14, 8), (0, 6), (6, 6), (29, 5)]
REFUSALS = [17, 18, 20, 32, 64, 97, 99, 101, 102, 164]
OTHER_EVENTS = [  # (code, weight)
    ("DoorStatus", 12), ("DoorNotClosed", 2), ("BreakIn", 1), ("Duress", 1),
    ("ChassisIntruded", 1), ("AlarmLocal", 1), ("ButtonExit", 2), ("_DoorFace_", 2),
    ("TimeChange", 1), ("KeepLightOn", 1),
]


@dataclass
class SimEvent:
    code: str
    data: dict[str, Any] | None
    action: str = "Pulse"
    index: int = 0

    def body(self, encoding: str = "utf-8") -> bytes:
        text = f"Code={self.code};action={self.action};index={self.index}"
        if self.data is not None:
            text += ";data=" + json.dumps(self.data, indent=3, ensure_ascii=False) + "\n"
        try:
            return text.encode(encoding)
        except UnicodeEncodeError:
            return text.encode("utf-8")


@dataclass
class SimDevice:
    name: str = "Reader"
    serial: str = "SIM0001"
    device_type: str = "SS 3530 MF W"
    doors: int = 1
    clock_offset: float = 0.0  # device clock minus real time
    profile: str = "realistic"  # or "access": AccessControl only (tests, benchmarks)
    seed: int | None = None
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    cards: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    door_state: dict[int, str] = field(default_factory=dict)
    generated: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.listeners: list[Callable[[SimEvent], None]] = []
        for uid, name, card in BUILTIN_USERS:
            self.users[uid] = {"UserID": uid, "UserName": name, "Doors": list(range(self.doors)),
                               "ValidFrom": "2020-01-01 00:00:00",
                               "ValidTo": "2037-12-31 23:59:59"}
            self.cards[card] = {"UserID": uid, "CardNo": card, "CardType": 0, "CardStatus": 0}
        for door in range(self.doors):
            self.door_state[door] = "Close"

    # -- clock ----------------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.clock_offset

    def local_time_text(self) -> str:
        return datetime.fromtimestamp(self.now()).strftime(TIME_FORMAT)

    def set_local_time(self, text: str) -> None:
        target = datetime.strptime(text, TIME_FORMAT).timestamp()
        before = self.local_time_text()
        self.clock_offset = target - time.time()
        self.publish(SimEvent("TimeChange", {"BeforeModifyTime": before,
                                             "ModifiedTime": text}))

    # -- events -----------------------------------------------------------------------

    def publish(self, event: SimEvent) -> None:
        for listener in list(self.listeners):
            listener(event)

    def access(self, card: str, method: int, door: int = 0, *, error: int | None = None,
               direction: str = "Entry") -> SimEvent:
        """One access attempt, judged against users/cards, logged and published."""
        info = self.cards.get(card)
        user = self.users.get(info["UserID"]) if info else None
        if error is None:
            error = self._judge(info, user, door)
        utc = int(self.now())
        rec_no = len(self.records) + 1
        record = {
            "RecNo": rec_no, "CreateTime": utc, "CardNo": card,
            "CardName": user["UserName"] if user else "", "UserID": info["UserID"] if info else "",
            "Method": method, "ErrorCode": error, "Status": 1 if error == 0 else 0,
            "Door": door, "ReaderID": str(door + 1), "Type": direction,
        }
        self.records.append(record)
        data = {
            "CardNo": card, "CardName": record["CardName"], "CardType": 0,
            "UserID": record["UserID"], "UserType": 0, "Method": method, "ErrorCode": error,
            "Status": record["Status"], "Door": door, "ReaderID": record["ReaderID"],
            "Type": direction, "UTC": utc, "RealUTC": utc, "RecNo": rec_no,
            "CreateTime": utc, "LocaleTime": datetime.fromtimestamp(utc).strftime(TIME_FORMAT),
            "Mask": 1, "Extra": {"Similarity": 93, "Path": "/mnt/pic;id=7.jpg"},
        }
        event = SimEvent("AccessControl", data, index=door)
        self.publish(event)
        return event

    def _judge(self, info: dict[str, Any] | None, user: dict[str, Any] | None, door: int) -> int:
        if info is None or user is None or info.get("CardStatus", 0) != 0:
            return 17  # lost or cancelled / unknown card
        if door not in user.get("Doors", [0]):
            return 18
        now_text = self.local_time_text()
        if not (user.get("ValidFrom", "") <= now_text <= user.get("ValidTo", "9999")):
            return 20
        return 0

    def open_door(self, door: int) -> None:
        self.door_state[door] = "Open"
        self.access("", 4, door, error=0)
        self.publish(SimEvent("DoorStatus", {"Status": "Open", "UTC": int(self.now())},
                              index=door))

    def close_door(self, door: int) -> None:
        self.door_state[door] = "Close"
        self.publish(SimEvent("DoorStatus", {"Status": "Close", "UTC": int(self.now())},
                              index=door))

    def random_event(self) -> None:
        """One step of realistic traffic."""
        self.generated += 1
        rng = self.rng
        door = rng.randrange(self.doors)
        if self.profile == "access" or rng.random() < 0.7:
            cards = list(self.cards)
            if rng.random() < 0.75:
                method = rng.choices(*zip(*GRANT_METHODS, strict=True))[0]
                direction = rng.choice(["Entry", "Exit"])
                self.access(rng.choice(cards), method, door, direction=direction)
            else:
                card = rng.choice([*cards, "99FF00AA"])
                self.access(card, rng.choice([1, 15, 14]), door, error=rng.choice(REFUSALS))
            return
        code = rng.choices(*zip(*OTHER_EVENTS, strict=True))[0]
        utc = int(self.now())
        data: dict[str, Any] | None
        if code == "DoorStatus":
            status = "Open" if self.door_state.get(door) == "Close" else "Close"
            self.door_state[door] = status
            data = {"Status": status, "UTC": utc}
        elif code == "Duress":
            data = {"Name": f"Door {door + 1}", "UTC": utc, "UserID": "1003"}
        elif code == "ButtonExit":
            data = {"Local": True, "ReaderID": str(door + 1), "Type": "Button", "UTC": utc}
        elif code == "TimeChange":
            t = self.local_time_text()
            data = {"BeforeModifyTime": t, "ModifiedTime": t}
        elif code == "_DoorFace_":
            data = {"FaceIndex": rng.randrange(100), "Info": {"Score": 0.91, "Box": [1, 2, 3]}}
        elif code == "KeepLightOn":
            data = None
        else:
            data = {"Name": f"Door {door + 1}", "UTC": utc}
        self.publish(SimEvent(code, data, index=door))

    async def run_traffic(self, rate: float, count: int | None,
                          gate: asyncio.Event | None = None) -> None:
        """``count`` events (forever when None) at ``rate`` per second, evenly spread;
        with ``gate``, traffic begins when it is set."""
        if gate is not None:
            await gate.wait()
        start = time.monotonic()
        done = 0
        while count is None or done < count:
            due = int((time.monotonic() - start) * rate) + 1
            if count is not None:
                due = min(due, count)
            while done < due:
                self.random_event()
                done += 1
            await asyncio.sleep(min(0.05, max(0.002, 1.0 / rate)))
