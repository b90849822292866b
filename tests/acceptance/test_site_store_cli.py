"""Issue 17, done when: two KeyDesk processes on one PostgreSQL see each other's events and
audit rows; stopping the server while a reader streams leaves both desks working, and
after the restart every event is there once.

Two desks, each a ``keydesk store watch --readers --json`` process with a home of its own
(settings naming the same simulated reader, the store's password and the reader's in its
keyring, ``KEYDESK_STORE_URL`` without a password), a ``keydesk sim reader`` process, and
a real PostgreSQL server (tests/pg_server.py) stopped and started under them.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, base_env, no_traceback
from tests.pg_server import PASSWORD as STORE_PASSWORD
from tests.pg_server import PgServer

READER_PW = "site-reader-pw"
RATE = 40  # the reader's events a second
EVENTS = 480  # 12 s of traffic: the server is stopped and started in the middle of it
KEPT = re.compile(r"This desk keeps working: (\d+) events")
AUDIT_KEY = "ab" * 32


class DeskProcess:
    def __init__(self, home: Path, env: dict[str, str]) -> None:
        self.home = home
        self.out = home / "watch.out"
        self.err = home / "watch.err"
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.proc = subprocess.Popen(
                [*KEYDESK, "store", "watch", "--readers", "--json"], cwd=ROOT, env=env,
                stdout=out, stderr=err)

    def lines(self) -> list[dict[str, Any]]:
        text = self.out.read_text(encoding="utf-8", errors="replace")
        # Whole lines only: the last one may still be being written.
        return [json.loads(line) for line in text.split("\n")[:-1] if line.strip()]

    def shown(self) -> dict[int, int]:
        """{store id: reader record number} of every access the desk showed."""
        return {line["id"]: line["payload"]["record_no"] for line in self.lines()
                if line["kind"] == "reader" and line["code"] == "AccessControl"}

    def records(self) -> list[int]:
        return [line["payload"]["record_no"] for line in self.lines()
                if line["kind"] == "reader" and line["code"] == "AccessControl"]

    def said(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode


def desk_home(root: Path, name: str, reader_url: str) -> Path:
    home = root / name
    (home / "config").mkdir(parents=True)
    settings = {"version": 1, "readers": [{"name": "Lobby", "url": reader_url,
                                           "user": "admin"}]}
    (home / "config" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    keyring = {"KeyDesk/reader:Lobby": READER_PW, "KeyDesk/store.password": STORE_PASSWORD}
    (home / "test-keyring.json").write_text(json.dumps(keyring), encoding="utf-8")
    return home


def without_password(url: str) -> str:
    parts = urlsplit(url)
    netloc = f"{parts.username}@{parts.hostname}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def wait_for(check: Any, timeout: float, what: str, why: Any = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}" + (f": {why()}" if why else ""))


def kept_while_away(desk: DeskProcess) -> int:
    """The most events and audit rows the desk said it kept while the server was away."""
    return max((int(n) for n in KEPT.findall(desk.said())), default=0)


def test_two_desks_share_events_and_audit_and_lose_nothing_while_the_server_is_away(
        sim_factory: Any, pg_url: str, pg_server: PgServer, tmp_path: Path) -> None:
    reader = sim_factory("reader", "--name", "Lobby", "--rate", str(RATE), "--events",
                         str(EVENTS), "--profile", "access", "--password-env", "SIM_PW",
                         SIM_PW=READER_PW)
    store_url = without_password(pg_url)
    envs = {}
    desks = {}
    for name in ("front", "back"):
        home = desk_home(tmp_path, name, reader.url)
        envs[name] = base_env(home, KEYDESK_STORE_URL=store_url, KEYDESK_AUDIT_KEY=AUDIT_KEY,
                              PYTHON_KEYRING_BACKEND="tests.file_keyring.TestFileKeyring")
        desks[name] = DeskProcess(home, envs[name])
    front, back = desks["front"], desks["back"]

    def rows() -> dict[int, int]:
        """{id: reader record number} of the accesses in the site store."""
        with psycopg.connect(pg_url) as conn:
            return {int(r[0]): int(r[1]) for r in conn.execute(
                "SELECT id, convert_from(payload, 'UTF8')::json->>'record_no' FROM events "
                "WHERE kind = 'reader' AND code = 'AccessControl'").fetchall()}

    def stored() -> list[int]:
        return list(rows().values())

    def seen_alike(desk: DeskProcess) -> bool:
        """The desk showed every stored access from its first one on (a desk announces
        what is written after it reached the server), each once."""
        shown = desk.shown()
        if not shown:
            return False
        first = min(shown)
        expected = {i: n for i, n in rows().items() if i >= first}
        return shown == expected and len(desk.records()) == len(shown)

    try:
        wait_for(lambda: len(front.records()) >= 10 and len(back.records()) >= 10, 60,
                 "both desks streaming into the site store")
        pg_server.stop()  # the back-office PC goes away while the reader streams
        try:
            wait_for(lambda: kept_while_away(front) > 10 and kept_while_away(back) > 10, 30,
                     "both desks keeping the reader's events while the server is away",
                     lambda: f"front: {front.said()[-2000:]}\nback: {back.said()[-2000:]}")
            assert front.proc.poll() is None and back.proc.poll() is None
            assert STORE_PASSWORD not in front.said() + back.said()
            # Each kept event is told as kept, on stderr (stdout holds stored rows only).
            kept_lines = [line for line in front.said().splitlines()
                          if line.endswith(": kept on this desk until the site store is back]")]
            assert kept_lines and " Lobby AccessControl " in kept_lines[0], front.said()[-2000:]
        finally:
            pg_server.start()
        assert max(stored() or [0]) < EVENTS, "the reader finished before the server stopped"

        # A desk operation on the front desk: its audit row, and its event, reach the back.
        verified = KeyDesk(envs["front"])("audit", "verify", "--json")
        assert verified.rc == 0, str(verified)
        wait_for(lambda: any(line["kind"] == "desk" and line["code"] == "audit.verify"
                             for line in back.lines()), 30, "the back desk sees the row")
        listed = KeyDesk(envs["back"])("audit", "list", "--json")
        assert listed.rc == 0, str(listed)
        assert "audit.verify" in [row["what"] for row in listed.lines()], str(listed)

        wait_for(lambda: EVENTS in stored(), 60, "the reader's last event in the site store",
                 lambda: f"{len(stored())} stored")
        wait_for(lambda: seen_alike(front) and seen_alike(back), 30,
                 "every stored event shown on both desks")
        assert re.search(r"\[store: \d+ kept events sent to the site store\]", front.said())
    finally:
        codes = {name: desk.stop() for name, desk in desks.items()}
    for name, desk in desks.items():
        assert codes[name] == 0, f"{name}: {desk.said()}"
        assert "Traceback" not in desk.said(), desk.said()
    kept = sorted(stored())
    # Every record from the first the desks saw to the reader's last, each exactly once
    # (the reader's traffic began before the desks: what came before is not theirs).
    assert kept == list(range(kept[0], EVENTS + 1))
    assert kept[0] < EVENTS - 2 * RATE  # a good part of the traffic went through the outbox
    for desk in desks.values():
        assert seen_alike(desk)
        assert len(desk.records()) > EVENTS - kept[0] - RATE  # nearly all, on each desk
    with psycopg.connect(pg_url) as conn:
        chain = [r[0] for r in conn.execute("SELECT what FROM audit ORDER BY id").fetchall()]
    assert "audit.verify" in chain
    checked = KeyDesk(envs["back"])("audit", "verify", "--json")
    no_traceback(checked)
    assert checked.rc == 0 and checked.lines()[0]["ok"] is True, str(checked)
