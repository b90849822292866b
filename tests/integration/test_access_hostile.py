"""Hostile readers (real loopback sockets): bounded memory, deadlines, explained retries.

A reader that takes the connection and never answers, a part with no length and no
boundary, a 50 MB part, a huge or gzip-bombed CGI answer: each ends in an explained error
and a reconnection, never a hang or unbounded memory. The peak memory of the real
``keydesk monitor`` process is measured by the OS (``wait4``'s max RSS).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from app.access.api import ReaderApi
from app.access.client import CONNECT_TIMEOUT, UNKNOWN, ReaderHttp
from app.access.stream import Backoff, ReaderStream
from app.domain.errors import KeyDeskError
from tests.integration.hostile_reader import (
    STREAM_HEAD,
    HostileReader,
    answer,
    flood,
    identity,
)

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT_MB = 150
NO_LENGTH_PART = STREAM_HEAD + b"--myboundary\r\nContent-Type: text/plain\r\n\r\nCode=Access"
HUGE_PART = STREAM_HEAD + (b"--myboundary\r\nContent-Type: text/plain\r\n"
                           b"Content-Length: 52428800\r\n\r\nCode=AccessControl;data={")


def wait_until(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def streaming(first: bytes):
    """A reader that answers its identity, then streams ``first`` and filler forever."""

    def play(line, conn):
        if "eventManager.cgi" in line:
            flood(conn, first, b"A" * 65536, server.stop_event)
        else:
            conn.sendall(identity())

    server = HostileReader(play)
    return server


def run_stream(runtime, url, until, **http_kw):
    http = ReaderHttp(url, "admin", "pw", **http_kw)
    stream = ReaderStream("Lobby", http, lambda event: None, heartbeat=1,
                          backoff=Backoff(0.05, 0.1), check_clock=False)
    future = runtime.loop.submit(stream.run())
    try:
        wait_until(lambda: until(stream))
    finally:
        future.cancel()
        runtime.loop.run(http.aclose(), timeout=5)
    return stream


def test_a_reader_that_never_sends_headers_is_given_up_and_tried_again(runtime):
    def play(line, conn):
        if "eventManager.cgi" in line:
            server.hold(conn)
        else:
            conn.sendall(identity())

    with HostileReader(play) as server:
        stream = run_stream(runtime, server.url, lambda s: server.stream_connections >= 3,
                            headers_deadline=0.3)
    err = stream.last_error
    assert err is not None and err.code == str(CONNECT_TIMEOUT) and err.retryable
    assert "sent no answer within" in err.detail
    assert stream.status.reconnects >= 2


@pytest.mark.parametrize("first", [NO_LENGTH_PART, HUGE_PART], ids=["no-length", "50MB"])
def test_an_endless_or_huge_part_is_cut_explained_and_reconnected(runtime, first):
    server = streaming(first)
    with server:
        stream = run_stream(runtime, server.url, lambda s: server.stream_connections >= 2
                            and "grew past" in s.status.error)
    assert stream.status.error_code == str(UNKNOWN)
    assert "an event is a few KB" in stream.status.error


def test_cgi_answers_are_capped_even_when_compressed(runtime):
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    bomb = b"".join(packer.compress(b"\0" * (1 << 20)) for _ in range(64)) + packer.flush()
    assert len(bomb) < 200_000  # 64 MiB once decompressed

    def play(line, conn):
        if "getSystemInfo" in line:
            conn.sendall(answer(200, bomb, "Content-Encoding: gzip\r\n"))
        else:
            conn.sendall(answer(200, b"x" * (20 << 20)))

    with HostileReader(play) as server:
        http = ReaderHttp(server.url, "admin", "pw")
        api = ReaderApi(http)
        try:
            for call in (api.system_info(), api.clock()):
                with pytest.raises(KeyDeskError) as caught:
                    runtime.loop.run(call, timeout=20)
                assert caught.value.code == str(UNKNOWN)
                assert "grew past 8 MiB" in caught.value.detail
        finally:
            runtime.loop.run(http.aclose(), timeout=5)


# Runs ``keydesk`` and, as it exits, writes its peak resident memory (VmHWM, kB) to a
# file. Read inside the child: a forked child's rusage max RSS would count the pytest
# process it was forked from; VmHWM belongs to the program image after exec.
PEAK_WRAPPER = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(out, "w") as fh:
        fh.write(kb)
atexit.register(peak)
sys.argv[0] = "keydesk"
runpy.run_module("ui.entry", run_name="__main__")
"""


def monitor_peak_mb(url: str, tmp_path: Path, *extra: str) -> tuple[float, str, int]:
    """Run ``keydesk monitor`` for a few seconds: (its peak memory in MB, stderr, rc)."""
    env = {**os.environ, "KEYDESK_HOME": str(tmp_path / "home"),
           "KEYDESK_READER_PASSWORD": "pw", "PYTHONIOENCODING": "utf-8"}
    peak_file = tmp_path / "peak-kb.txt"
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, str(peak_file), "monitor", "--device", url,
         "--json", "--heartbeat", "1", *extra],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        encoding="utf-8", timeout=60, check=False)
    return int(peak_file.read_text()) / 1024, proc.stderr, proc.returncode


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory from /proc")
@pytest.mark.parametrize("first", [NO_LENGTH_PART, HUGE_PART], ids=["no-length", "50MB"])
def test_keydesk_monitor_memory_stays_bounded_whatever_the_reader_sends(tmp_path, first):
    server = streaming(first)
    with server:
        peak, err, rc = monitor_peak_mb(server.url, tmp_path, "--duration", "4")
        sent = server.stream_connections
    assert rc == 0 and "Traceback" not in err, err
    assert peak < MEMORY_LIMIT_MB, f"keydesk monitor peaked at {peak:.0f} MB"
    assert "grew past" in err and sent >= 2, err  # explained, then connected again


def test_keydesk_monitor_does_not_hang_on_a_reader_that_never_answers(tmp_path):
    def play(line, conn):
        if "eventManager.cgi" in line:
            server.hold(conn)
        else:
            conn.sendall(identity())

    with HostileReader(play) as server:
        _peak, err, rc = monitor_peak_mb(server.url, tmp_path, "--timeout", "0.5",
                                            "--duration", "4")
        tries = server.stream_connections
    assert rc == 1 and "Traceback" not in err, err
    assert tries >= 2, err  # gave up on the silent connection and tried again
    assert "sent no answer within" in err
