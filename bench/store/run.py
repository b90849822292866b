"""The event store at scale: batched insert, every Monitor filter, space per event.

Fills a fresh store with ``--events`` reader events (default 1,000,000) shaped like the
reader's own (the decoded payload with its ``data``, the raw body), spread over a year,
8 readers, 4 doors, 5,000 cards, 2,000 users, one access in four refused, a few alarms.
Then, in the same run, it times each filter the Monitor offers (the newest 200 rows, as
the page asks) two ways side by side: the store's query, and the naive one (the same
filter with no index: a scan in id order, and LIKE for text), and prints each figure
against its goal.

    .venv/bin/python bench/store/run.py [--events 1000000] [--repeat 5]

Goals (issue 17): every filter <= 50 ms over 1 M events, insert >= 50,000 events/s, and
fewer bytes per event than the 525 measured before.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.events import DeviceEvent
from app.store.events import EventStore
from app.store.rows import SELECT, iso_utc, where

FILTER_GOAL_MS = 50.0
INSERT_GOAL = 50_000.0
BYTES_BEFORE = 525
START = datetime(2030, 1, 1, tzinfo=UTC)
NAMES = ["Ana Lúcia Conceição", "José Müller", "Zoë Ørsted", "李雷", "Grace O'Neil",
         "Łukasz Żółć", "Maria Silva", "João Souza"]
DEVICES = [f"Reader {n}" for n in range(1, 9)]


def event(i: int, rng: random.Random, span_s: float) -> DeviceEvent:
    """Reader event ``i``: mostly accesses, some door states and alarms."""
    when = START + timedelta(seconds=span_s * i)
    device = DEVICES[i % len(DEVICES)]
    door = rng.randrange(4)
    utc = int(when.timestamp())
    roll = rng.random()
    if roll < 0.9:
        card = f"{rng.randrange(5000):08X}"
        user = str(1000 + rng.randrange(2000))
        refused = rng.random() < 0.25
        data = {"CardNo": card, "CardName": rng.choice(NAMES), "CardType": 0, "UserID": user,
                "UserType": 0, "Method": rng.choice([1, 15, 14, 0, 6]),
                "ErrorCode": rng.choice([17, 18, 20]) if refused else 0,
                "Status": 0 if refused else 1, "Door": door, "ReaderID": str(door + 1),
                "Type": rng.choice(["Entry", "Exit"]), "UTC": utc, "RealUTC": utc,
                "RecNo": i + 1, "CreateTime": utc}
        payload = {
            "device": device, "device_id": f"sn:SIM{i % 8:04d}", "device_url":
            "http://10.0.0.1", "code": "AccessControl", "action": "Pulse", "index": door,
            "time": when.isoformat().replace("+00:00", "Z"), "data": data,
            "dedupe_key": f"sn:SIM{i % 8:04d}#rec:{i + 1}@{utc}", "origin": "stream",
            "card": card, "user": user, "user_name": data["CardName"],
            "method": data["Method"], "method_text": "Card", "error_code": data["ErrorCode"],
            "error_text": "Refused: card expired" if refused else "No error",
            "granted": not refused, "door": door, "direction": data["Type"].lower(),
            "record_no": i + 1, "code_text": "Access control"}
        code, severity = "AccessControl", "warning" if refused else "info"
    else:
        code = "BreakIn" if roll > 0.995 else "DoorStatus"
        data = {"Status": rng.choice(["Open", "Close"]), "UTC": utc}
        payload = {"device": device, "device_id": f"sn:SIM{i % 8:04d}", "code": code,
                   "action": "Pulse", "index": door, "door": door,
                   "time": when.isoformat().replace("+00:00", "Z"), "data": data,
                   "dedupe_key": None, "origin": "stream"}
        severity = "alarm" if code == "BreakIn" else "info"
    raw = (f"Code={code};action=Pulse;index={door};data="
           + json.dumps(data, indent=3, ensure_ascii=False) + "\n")
    return DeviceEvent(device, kind="reader", code=code, payload=payload, raw=raw,
                       severity=severity, time=when)


def fill(store: EventStore, count: int) -> float:
    """Add ``count`` events as fast as the bus would hand them over; events/s."""
    rng = random.Random(17)
    span = 365 * 86400 / count
    started = time.perf_counter()
    chunk = 20_000
    for first in range(0, count, chunk):
        for i in range(first, min(count, first + chunk)):
            store.add(event(i, rng, span))
        if not store.flush(600):
            raise SystemExit("the store did not take the events")
    return count / (time.perf_counter() - started)


def generate_rate(count: int) -> float:
    """How fast this benchmark makes events alone (so the insert figure can be read)."""
    rng = random.Random(17)
    span = 365 * 86400 / count
    n = min(count, 50_000)
    started = time.perf_counter()
    for i in range(n):
        event(i, rng, span)
    return n / (time.perf_counter() - started)


def naive(conn: sqlite3.Connection, filters: dict[str, Any]) -> list[Any]:
    """The same filter without any index: the table read in id order (newest first)."""
    clause, params = where(**filters)
    sql = (f"{SELECT.replace('FROM events', 'FROM events NOT INDEXED')}{clause} "
           "ORDER BY id DESC LIMIT 200")
    if filters.get("text"):
        sql = sql.replace("events_fts", "events_fts")  # the naive text search is LIKE:
        clause, params = where(**{k: v for k, v in filters.items() if k != "text"})
        pattern = f"%{filters['text']}%"
        extra = ("(device LIKE ? OR code LIKE ? OR payload LIKE ? OR raw LIKE ?)")
        clause = (clause + " AND " if clause else " WHERE ") + extra
        params = [*params, *[pattern] * 4]
        sql = (f"{SELECT.replace('FROM events', 'FROM events NOT INDEXED')}{clause} "
               "ORDER BY id DESC LIMIT 200")
    return conn.execute(sql, params).fetchall()


def timed(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="keydesk-bench-store-"))
    path = folder / "events.sqlite3"
    store = EventStore(path).start()
    made = generate_rate(args.events)
    print(f"filling {args.events:,} events (the generator alone makes {made:,.0f}/s) ...",
          flush=True)
    rate = fill(store, args.events)
    store.close()
    size = sum(p.stat().st_size for p in folder.iterdir())
    store = EventStore(path).start()
    day = START + timedelta(days=200)
    filters: list[tuple[str, dict[str, Any]]] = [
        ("newest 200", {}),
        ("device", {"device": "Reader 3"}),
        ("door", {"door": 2}),
        ("result: refused", {"granted": False}),
        ("card", {"card": "00000ABC"}),
        ("user", {"user": "1234"}),
        ("kind", {"kind": "reader"}),
        ("alarms", {"alarm": True}),
        ("one day", {"since": day, "until": day + timedelta(days=1)}),
        ("device + refused", {"device": "Reader 3", "granted": False}),
        ("device + day", {"device": "Reader 5", "since": day,
                          "until": day + timedelta(days=1)}),
        ("text: a name", {"text": "Müller"}),
        ("text: a card", {"text": "00000ABC"}),
        ("text + device", {"text": "Silva", "device": "Reader 2"}),
        ("text: nothing matches", {"text": "Nobody Here"}),
    ]
    conn = sqlite3.connect(path)
    print(f"\n{'filter':<24}{'store ms':>10}{'naive ms':>10}{'rows':>6}  goal <= "
          f"{FILTER_GOAL_MS:.0f} ms")
    worst = 0.0
    for name, f in filters:
        ms, rows = timed(lambda f=f: store.query(limit=200, **f), args.repeat)
        naive_ms, naive_rows = timed(lambda f=f: naive(conn, f), max(1, args.repeat // 2))
        worst = max(worst, ms)
        same = "" if len(rows) == len(naive_rows) else f"  (naive: {len(naive_rows)} rows)"
        mark = "ok" if ms <= FILTER_GOAL_MS else "SLOW"
        print(f"{name:<24}{ms:>10.1f}{naive_ms:>10.1f}{len(rows):>6}  {mark}{same}")
    conn.close()
    store.close()
    per_event = size / args.events
    print(f"\ninsert: {rate:,.0f} events/s (goal >= {INSERT_GOAL:,.0f})  "
          f"{'ok' if rate >= INSERT_GOAL else 'BELOW GOAL'}")
    print(f"space: {per_event:.0f} bytes per event (before: {BYTES_BEFORE})  "
          f"{'ok' if per_event < BYTES_BEFORE else 'NOT LESS'}")
    print(f"slowest filter: {worst:.1f} ms (goal <= {FILTER_GOAL_MS:.0f})  "
          f"{'ok' if worst <= FILTER_GOAL_MS else 'SLOW'}")
    print(f"(files in {folder}; iso_utc check {iso_utc(day)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
