"""A monitor that never reached its reader ends with that reader's last failure explained
(``keydesk monitor`` exits non-zero); once it has connected, ending is no failure."""

from __future__ import annotations

import json
import socket
import time

import pytest

from app.access.client import BAD_CREDENTIALS, CONNECT_FAILED, ReaderHttp
from app.access.sim import ReaderSimulator
from app.access.stream import Backoff, ReaderStream
from app.cli.main import main

PW = "unreached-pw"


def closed_url() -> str:
    """A loopback address nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def wait_until(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


@pytest.fixture
def reader():
    sim = ReaderSimulator("Lobby", password=PW, rate=20, seed=3).start()
    yield sim
    sim.stop()


def run_stream(runtime, url, stop_when):
    http = ReaderHttp(url, "admin", PW)
    stream = ReaderStream("Lobby", http, lambda event: None, heartbeat=1,
                          backoff=Backoff(0.05, 0.2), check_clock=False)
    assert stream.never_reached() is not None  # nothing tried yet: not reached either
    future = runtime.loop.submit(stream.run())
    try:
        wait_until(lambda: stop_when(stream))
    finally:
        future.cancel()
        runtime.loop.run(http.aclose(), timeout=5)
    return stream


def test_stream_that_never_connected_explains_its_last_attempt(runtime):
    url = closed_url()
    stream = run_stream(runtime, url, lambda s: s.status.reconnects >= 2)
    err = stream.never_reached()
    assert err is not None and err.code == str(CONNECT_FAILED)
    assert err.domain == "reader_request_error" and err.retryable is True
    assert url in err.detail and "ConnectError" in err.detail


def test_stream_that_connected_once_is_not_unreached(runtime, reader):
    stream = run_stream(runtime, reader.url, lambda s: s.status.connects >= 1)
    assert stream.never_reached() is None


def test_monitor_cli_exit_status(reader, monkeypatch, capsys):
    monkeypatch.setenv("PW", PW)
    monkeypatch.setenv("BAD_PW", "not-it")
    url = closed_url()
    assert main(["monitor", "--device", url, "--password-env", "PW", "--json",
                 "--duration", "1"]) == 1
    out, err = capsys.readouterr()
    info = json.loads(out.splitlines()[-1])
    assert info["ok"] is False and info["code"] == str(CONNECT_FAILED), info
    assert info["title"] and info["explanation"] and info["action"], info
    assert url in info["detail"] and "disconnected" in err

    assert main(["monitor", "--device", reader.url, "--password-env", "PW", "--json",
                 "--duration", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and all("ok" not in line for line in lines)  # events, no failure

    started = time.monotonic()  # a wrong password stops at once, with its own code
    assert main(["monitor", "--device", reader.url, "--password-env", "BAD_PW", "--json",
                 "--duration", "20"]) == 1
    assert time.monotonic() - started < 10
    info = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert info["code"] == str(BAD_CREDENTIALS), info
