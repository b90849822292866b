"""Crash safety: a process killed mid-stream keeps every event it announced as stored."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

from app.store.events import EventStore

PRODUCER = r"""
import sys, threading, time
from pathlib import Path
from app.domain.events import DeviceEvent
from app.domain.stored import StoredEvents
from app.runtime import EventBus
from app.store.events import EventStore

store = EventStore(Path(sys.argv[1])).start()
bus = EventBus()
lock = threading.Lock()

def shown(batch):  # what a UI would display: only rows the store announced
    with lock:
        for e in batch.events:
            print(e.id, e.card, flush=True)

bus.subscribe(shown, StoredEvents)
store.attach(bus)
n = 0
mode = sys.argv[2]
while True:
    bus.publish(DeviceEvent("lobby", kind="reader", code="AccessControl",
                            payload={"device": "lobby", "card": f"C{n}", "dedupe_key": f"k{n}"},
                            raw=f"Code=AccessControl;index={n}"))
    n += 1
    if mode == "flush" and n == 200:
        store.flush(10)
        with lock:
            print("FLUSHED", flush=True)
        time.sleep(60)  # killed here
    if n % 50 == 0:
        time.sleep(0.002)
"""


def _spawn(tmp_path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", PRODUCER, str(tmp_path / "events.sqlite3"), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _read_until(proc: subprocess.Popen[str], done, timeout: float = 30.0) -> list[str]:
    lines: list[str] = []
    end = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if done(lines):
            return lines
    proc.kill()
    raise AssertionError(f"producer stopped early: {proc.stderr.read() if proc.stderr else ''}")


def test_every_event_announced_before_a_kill_is_on_disk(tmp_path):
    proc = _spawn(tmp_path, "stream")
    try:
        lines = _read_until(proc, lambda ls: len(ls) >= 3000)
    finally:
        proc.kill()  # SIGKILL: no cleanup, no close, mid-write
        proc.wait(10)
    shown = {int(i): card for i, card in (line.split() for line in lines)}
    conn = sqlite3.connect(tmp_path / "events.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = dict(conn.execute("SELECT id, card FROM events").fetchall())
    conn.close()
    missing = {i: c for i, c in shown.items() if stored.get(i) != c}
    assert not missing, f"{len(missing)} shown events missing after the kill"
    assert len(stored) >= len(shown)


def test_flushed_events_survive_a_kill_and_the_store_reopens(tmp_path):
    proc = _spawn(tmp_path, "flush")
    try:
        _read_until(proc, lambda ls: ls[-1] == "FLUSHED")
    finally:
        proc.kill()
        proc.wait(10)
    store = EventStore(tmp_path / "events.sqlite3").start()
    try:
        assert store.count() == 200
        assert all(store.has_key(f"k{n}") for n in (0, 99, 199))
    finally:
        store.close()
