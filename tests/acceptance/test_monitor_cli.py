"""Issue 6 (access readers), end to end: ``keydesk sim reader`` in its own process,
``keydesk monitor ... --json`` and ``keydesk readers ...`` against it.

Done when:
- ``keydesk sim reader`` + ``keydesk monitor ... --json`` prints decoded events with friendly
  texts (the window's Monitor page is covered by ``keydesk self-test``, see
  test_foundation.py);
- killing the stream mid-run and restoring it leaves every record exactly once (here: in
  what ``keydesk monitor`` reports, with the connection cut by a proxy in between).
"""

from __future__ import annotations

import collections
import re
import signal
import socket
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, Result, no_traceback
from tests.stays import FROM, TO

PASSWORD = "acceptance-reader-pw"
UTC_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")
ACCESS_FIELDS = ("device", "code", "action", "index", "time", "card", "user", "method",
                 "method_text", "error_code", "error_text", "granted", "door", "direction")


@pytest.fixture(scope="module")
def reader(sim_factory):
    """A busy reader: realistic traffic at 100 events/s (accesses, refusals, alarms, door
    events, and codes KeyDesk does not know)."""
    return sim_factory("reader", "--name", "Lobby", "--rate", "100",
                       "--password-env", "SIM_PW", SIM_PW=PASSWORD)


@dataclass
class Runs:
    json: Result  # 3 s of --json
    text: Result  # 1.5 s of readable lines
    codes: Result  # 1.5 s of --codes AccessControl
    verbose: Result  # 1 s of -v --json, in a home of its own (scanned for the password)
    verbose_home: Path


@pytest.fixture(scope="module")
def monitored(reader, tmp_path_factory) -> Runs:
    """``keydesk monitor`` four ways on the busy reader, side by side (run once, judged by
    several tests)."""
    from tests.acceptance.conftest import base_env

    run = KeyDesk(base_env(tmp_path_factory.mktemp("monitor"), READER_PW=PASSWORD))
    verbose_home = tmp_path_factory.mktemp("monitor-verbose")
    verbose = KeyDesk(base_env(verbose_home, READER_PW=PASSWORD))
    base = ["monitor", "--device", reader.url, "--user", "admin", "--password-env", "READER_PW",
            "--name", "Lobby"]
    with ThreadPoolExecutor(4) as pool:
        # Side by side, so the longest sets the pace; long enough that a busy CI machine
        # (the command's own start-up, then identity and stream) still sees traffic.
        futures = [pool.submit(run, *base, "--json", "--duration", "4"),
                   pool.submit(run, *base, "--duration", "3"),
                   pool.submit(run, *base, "--codes", "AccessControl", "--json",
                               "--duration", "3"),
                   pool.submit(verbose, "-v", *base, "--json", "--duration", "3")]
        results = [f.result() for f in futures]
    return Runs(*results, verbose_home)


@pytest.fixture
def readers(reader, keydesk: KeyDesk):
    keydesk.env["READER_PW"] = PASSWORD

    def run(action: str, *args: str) -> Result:
        return keydesk("readers", action, "--device", reader.url, "--password-env",
                       "READER_PW", "--json", *args)

    return run


def test_monitor_prints_decoded_events_with_friendly_texts(monitored):
    monitored = monitored.json
    assert monitored.rc == 0, str(monitored)
    no_traceback(monitored)
    events = monitored.lines()
    assert len(events) >= 100, f"only {len(events)} events in 3 s at 100/s"
    for event in events:
        assert event["device"] == "Lobby"
        assert event["code"] and event["action"]
        assert UTC_ISO.match(event["time"] or ""), event

    access = [e for e in events if e["code"] == "AccessControl"]
    assert len(access) >= 30
    for event in access:
        missing = [k for k in ACCESS_FIELDS if k not in event]
        assert not missing, (missing, event)
        # friendly words, not bare numbers
        assert event["method_text"] and not str(event["method_text"]).isdigit(), event
        assert event["error_text"] and not str(event["error_text"]).isdigit(), event
        assert isinstance(event["granted"], bool)
        assert event["direction"] in ("entry", "exit", None)
    granted = [e for e in access if e["granted"]]
    refused = [e for e in access if not e["granted"]]
    assert granted and refused
    assert all(e["error_code"] != 0 for e in refused)
    assert all(e["error_text"].startswith("Refused") for e in refused), refused[:3]
    methods = {e["method"]: e["method_text"] for e in access}
    assert methods.get(1) == "Card", methods  # open-door method 1 is a card


def test_monitor_keeps_alarms_and_unknown_events(monitored):
    events = monitored.json.lines()
    codes = collections.Counter(e["code"] for e in events)
    alarms = [e for e in events if e["code"] in ("BreakIn", "Duress", "ChassisIntruded")]
    assert alarms, codes
    assert all(e["severity"] == "alarm" for e in alarms), alarms
    unknown = [e for e in events if e["code"] == "_DoorFace_"]
    assert unknown, f"no unknown event in {codes}"
    assert all("_DoorFace_" in e["raw"] for e in unknown), unknown[:2]
    known = [e for e in events if e["code"] == "DoorStatus"]
    assert known and all(e["data"]["Status"] in ("Open", "Close") for e in known)


def test_monitor_text_output(monitored):
    result = monitored.text
    assert result.rc == 0, str(result)
    no_traceback(result)
    lines = result.out.splitlines()
    assert len(lines) >= 20
    assert any("REFUSED: Refused" in line or "granted card" in line for line in lines)
    assert "connected" in result.err  # connection states go to stderr, not to the data


def test_monitor_codes_filter(monitored):
    result = monitored.codes
    assert result.rc == 0, str(result)
    codes = {e["code"] for e in result.lines()}
    assert codes == {"AccessControl"}


def test_wrong_password_stops_at_once_with_the_explanation(sim_factory, keydesk):
    # A reader of its own, so that failed logins cannot lock the other tests out.
    lonely = sim_factory("reader", "--rate", "5", "--password-env", "SIM_PW",
                         SIM_PW=PASSWORD)
    started = time.monotonic()
    as_json, as_text = keydesk.parallel(
        ["monitor", "--device", lonely.url, "--password-env", "BAD_PW", "--json",
         "--duration", "20"],
        ["monitor", "--device", lonely.url, "--password-env", "BAD_PW", "--duration", "20"],
        BAD_PW="not-the-password")
    assert time.monotonic() - started < 10  # it did not keep retrying for the duration
    no_traceback(as_json)
    no_traceback(as_text)
    assert as_json.rc == as_text.rc == 1
    info = as_json.one()
    assert (info["domain"], info["code"]) == ("reader_request_error", "268632085"), info
    assert "password" in info["title"].lower() and info["action"]
    assert "not retrying" in info["state"]
    assert "268632085" in as_text.err and "password" in as_text.err.lower()
    assert "not-the-password" not in as_json.out + as_json.err + as_text.out + as_text.err
    # one failed login per attempt: the reader did not lock this PC out
    ok = keydesk("readers", "info", "--device", lonely.url, "--password-env", "GOOD",
                 "--json", GOOD=PASSWORD)
    assert ok.rc == 0, str(ok)


def test_unreachable_reader_is_explained(keydesk):
    result = keydesk("readers", "info", "--device", "http://127.0.0.1:1", "--json",
                     "--password-env", "PW", PW="x")
    no_traceback(result)
    assert result.rc == 1
    info = result.one()
    assert info["domain"] == "reader_request_error" and info["title"] and info["action"]


def test_monitor_that_never_reached_the_reader_says_so(keydesk):
    """Issue 6 CLI + the issues' rule "non-zero exit with code and explanation on failure":
    ``keydesk monitor --duration 3`` against a reader that never answered keeps retrying
    while it runs, then says so instead of ending like a quiet run."""
    started = time.monotonic()
    result = keydesk("monitor", "--device", "http://127.0.0.1:1", "--password-env", "PW",
                     "--json", "--duration", "3", PW="x")
    assert time.monotonic() - started < 15
    no_traceback(result)
    assert result.rc != 0, str(result)
    info = result.lines()[-1]
    assert info["ok"] is False and info["code"] == "268632082" and info["action"], info
    assert info["domain"] == "reader_request_error" and info["title"], info
    assert "127.0.0.1:1" in info["detail"], info
    assert result.err.count("disconnected") >= 2, str(result)  # it did keep retrying


def test_readers_identity_clock_door_and_card_enrolment(readers, keydesk, reader):
    info, clock, door, unconfirmed = keydesk.parallel(*[
        ["readers", action, "--device", reader.url, "--password-env", "READER_PW", "--json"]
        for action in ("info", "time", "door-status", "open-door")])
    assert info.rc == 0 and info.one()["serialNumber"], str(info)
    got = clock.one()
    assert clock.rc == 0 and abs(got["drift_seconds"]) < 5, got
    assert door.one()["status"] in ("Open", "Close")
    no_traceback(unconfirmed)
    assert unconfirmed.rc != 0  # opening a door needs confirmation
    assert readers("open-door", "--yes").one()["opened"] is True

    enrolled = readers("enrol-card", "--card", "AB12CD34", "--name", "Guest 101",
                       "--from", FROM.replace("T", " "), "--to", TO.replace("T", " "))
    assert enrolled.rc == 0, str(enrolled)
    got = enrolled.one()
    assert got["enrolled"] is True and got["card"] == "AB12CD34"
    assert (got["valid_from"], got["valid_to"]) == (FROM.replace("T", " ") + ":00",
                                                    TO.replace("T", " ") + ":00")
    removed = readers("remove-card", "--card", "AB12CD34")
    assert removed.rc == 0 and removed.one()["removed"] is True, str(removed)


def test_enrolment_with_a_malformed_date_is_explained(readers):
    result = readers("enrol-card", "--card", "AB12CD35", "--from", "garbage")
    no_traceback(result)
    assert result.rc == 2  # our typo, said as such: nothing was sent to the reader
    info = result.one()
    assert "garbage" in info["detail"] and "--from" in info["detail"]
    assert "2026-11-21T14:00" in info["detail"]  # the form to write instead


def test_enrolment_backwards_is_refused_before_the_reader_is_asked(readers):
    result = readers("enrol-card", "--card", "AB12CD36", "--from", "2026-12-03 14:00",
                     "--to", "2026-12-01 12:00")
    no_traceback(result)
    assert result.rc == 2
    assert "must be after --from" in result.one()["detail"]


# --- a stream cut mid-run loses nothing and repeats nothing -----------------------------

class CuttingProxy:
    """A TCP relay in front of the reader whose live connections can be cut at will (what
    a flaky network or a reader reboot does to the event stream)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.live: list[socket.socket] = []
        self.cuts = 0
        # Connections that carried the event stream (not the short back-fill / info calls).
        self.streams = 0
        self.stream_seen = threading.Condition(self.lock)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                return
            with self.lock:
                self.live += [client, upstream]
            for a, b, watch in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(target=self._pump, args=(a, b, watch), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, watch: bool) -> None:
        counted = not watch
        try:
            while data := src.recv(65536):
                dst.sendall(data)
                if not counted and b"multipart/x-mixed-replace" in data:
                    counted = True
                    with self.lock:
                        self.streams += 1
                        self.stream_seen.notify_all()
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def wait_for_stream(self, n: int, timeout: float = 30.0) -> None:
        """Block until the ``n``-th event-stream connection has started flowing."""
        with self.lock:
            assert self.stream_seen.wait_for(lambda: self.streams >= n, timeout), (
                f"the monitor opened {self.streams} event streams, expected {n}")

    def cut(self) -> None:
        with self.lock:
            live, self.live = self.live, []
        for s in live:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        self.cuts += 1

    def close(self) -> None:
        self.listener.close()
        self.cut()


def test_cut_stream_back_fills_every_access_exactly_once(sim_factory, keydesk_home, tmp_path):
    from tests.acceptance.conftest import base_env

    burst = sim_factory("reader", "--name", "Gate", "--profile", "access", "--rate", "25",
                        "--events", "100", "--password-env", "SIM_PW", SIM_PW=PASSWORD)
    host, port = burst.url.removeprefix("http://").split(":")
    proxy = CuttingProxy((host, int(port)))
    out_path = tmp_path / "monitor.out"
    err_path = tmp_path / "monitor.err"
    try:
        with open(out_path, "w") as out, open(err_path, "w") as err_file:
            proc = subprocess.Popen(
                [*KEYDESK, "monitor", "--device", f"http://127.0.0.1:{proxy.port}",
                 "--password-env", "READER_PW", "--name", "Gate", "--json", "--heartbeat", "1",
                 "--duration", "60"],  # a safety cap: the test stops it below
                cwd=ROOT, env=base_env(keydesk_home, READER_PW=PASSWORD), stdout=out,
                stderr=err_file, text=True)
        try:
            # Cut the stream twice while traffic flows: each cut only once the monitor's
            # (re)connected stream is flowing, however slowly this machine starts processes.
            for stream in (1, 2):
                proxy.wait_for_stream(stream)
                time.sleep(0.5)  # let some events through before the cut
                proxy.cut()
            proxy.wait_for_stream(3)
            # Stop it (Ctrl-C) once the last record the reader made has been reported and
            # the monitor itself has seen its third connection (the proxy sees the
            # stream's headers pass a moment before the monitor has read them).
            deadline = time.monotonic() + 40
            while ('"record_no": 100' not in out_path.read_text()
                   or err_path.read_text().count(": connected]") < 3) and proc.poll() is None:
                assert time.monotonic() < deadline, "record 100 never reported"
                time.sleep(0.1)
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
    finally:
        proxy.close()
    result = Result(["monitor"], proc.returncode, out_path.read_text(), err_path.read_text())
    assert result.rc == 0, str(result)
    no_traceback(result)
    access = [e for e in result.lines() if e["code"] == "AccessControl"]
    numbers = [e["record_no"] for e in access]
    repeated = [n for n, c in collections.Counter(numbers).items() if c > 1]
    assert not repeated, f"records reported twice: {repeated}"
    # Every record from the first one seen to the last the reader made (the 100th), none
    # missing, although the stream was down twice.
    assert max(numbers) == 100, sorted(numbers)
    missing = sorted(set(range(min(numbers), 101)) - set(numbers))
    assert not missing, f"records lost across the cuts: {missing}"
    assert any(e["origin"] == "backfill" for e in access), "the cuts did not cause a gap"
    assert result.err.count(": connected]") >= 3, result.err  # it did reconnect twice


def test_reader_password_never_reaches_output_or_logs(monitored):
    result = monitored.verbose
    assert result.rc == 0 and result.lines(), str(result)
    assert PASSWORD not in result.out + result.err
    files = [p for p in monitored.verbose_home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" and p.stat().st_size for p in files), files
    for path in files:
        assert PASSWORD.encode() not in path.read_bytes(), path
