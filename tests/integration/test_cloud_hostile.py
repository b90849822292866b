"""Hostile HTTP servers on loopback (real sockets) against the cloud client: a 300 MB
body, an endless chunked body, a gzip bomb (1 MB that inflates to 1 GiB). Every answer
has a size cap, the decompressed size is capped as it streams, and going over is an
explained error. The client runs in a subprocess that reports its peak memory (VmHWM).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cloud.client import CloudClient
from app.cloud.config import BODY_CAPS, MB, CallPolicy
from app.cloud.sim.demo import demo_credentials
from app.domain.errors import KeyDeskError
from tests.cloud_support import key_request

ROOT = Path(__file__).resolve().parents[2]
PEAK_LIMIT_MIB = 150
HUGE = 300 * MB
BOMB = 1024 * MB  # inflated size of the gzip bomb
CHUNK = 64 * 1024

Answer = Callable[[socket.socket], None]


class HostileServer:
    """Reads each request, then ``answer`` writes whatever it likes on the socket. Every
    answer is bounded (it stops at its size or when the client hangs up)."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.requests = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/"

    def __enter__(self) -> HostileServer:
        t = threading.Thread(target=self._serve, name="hostile-cloud", daemon=True)
        t.start()
        self.threads.append(t)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stopping.set()
        for t in self.threads:
            t.join(10)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._one, args=(conn,), daemon=True)
            t.start()
            self.threads.append(t)

    def _one(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    data = conn.recv(4096)
                    if not data:
                        return
                    head += data
                headers, _, body = head.partition(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in headers.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                while len(body) < length:
                    body += conn.recv(65536)
                self.requests += 1
                self.answer(conn)
            except OSError:
                pass  # the client hung up: the point of most of these answers


def _stream(conn: socket.socket, pieces) -> None:  # type: ignore[no-untyped-def]
    for piece in pieces:
        conn.sendall(piece)


def huge_with_length(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Content-Length: %d\r\n\r\n" % HUGE)
    _stream(conn, (b" " * CHUNK for _ in range(HUGE // CHUNK)))


def huge_until_close(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Connection: close\r\n\r\n")
    _stream(conn, (b"[" * CHUNK for _ in range(HUGE // CHUNK)))


def endless_chunks(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (CHUNK, b" " * CHUNK)
    _stream(conn, (chunk for _ in range(HUGE // CHUNK)))


def gzip_bomb(conn: socket.socket) -> None:
    """1 GiB of zeros, gzip-compressed on the fly (about 1 MB on the wire)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 b"Content-Encoding: gzip\r\nConnection: close\r\n\r\n")
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = b"0" * MB
    _stream(conn, (deflate.compress(zeros) for _ in range(BOMB // MB)))
    conn.sendall(deflate.flush())


def unknown_encoding(conn: socket.socket) -> None:
    body = b"\x00" * 100
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: %d\r\n\r\n%s"
                 % (len(body), body))


CLIENT = r"""
import asyncio, json, sys
from app.cloud.client import CloudClient
from app.cloud.config import CallPolicy
from app.cloud.sim.demo import demo_credentials
from app.domain.errors import KeyDeskError

async def main():
    policy = CallPolicy(read_timeout=60, read_attempts=1)
    async with CloudClient(demo_credentials(sys.argv[1]), policy) as cloud:
        try:
            result = {"rooms": len(await cloud.fetch_room_info())}
        except KeyDeskError as exc:
            result = {"domain": exc.domain, "code": exc.code, "detail": exc.detail}
    # VmHWM: this process's own peak RSS (ru_maxrss would include the parent's, kept
    # across fork and exec).
    status = open("/proc/self/status").read()
    hwm_kib = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
    result["peak_mib"] = hwm_kib / 1024
    print(json.dumps(result))

asyncio.run(main())
"""


def run_client(url: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CLIENT, url], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="peak RSS read from /proc (Linux)")
@pytest.mark.parametrize("answer", [huge_with_length, huge_until_close, endless_chunks,
                                    gzip_bomb], ids=lambda a: a.__name__)
def test_oversized_answers_are_refused_with_bounded_memory(answer):
    with HostileServer(answer) as server:
        result = run_client(server.url)
    assert (result.get("domain"), result.get("code")) == ("cloud_desk", "answer-too-large"), \
        result
    assert f"{BODY_CAPS['fetchRoomInfo']:,} bytes" in result["detail"]
    assert result["peak_mib"] < PEAK_LIMIT_MIB, result
    assert server.requests == 1  # an oversized answer is not asked for again


def test_an_encoding_we_did_not_ask_for_is_explained(runtime):
    with HostileServer(unknown_encoding) as server:
        async def go():
            async with CloudClient(demo_credentials(server.url),
                                   CallPolicy(read_timeout=5, read_attempts=1)) as cloud:
                return await cloud.fetch_room_info()

        with pytest.raises(KeyDeskError) as e:
            runtime.loop.run(go(), timeout=20)
    assert (e.value.domain, e.value.code) == ("cloud_desk", "answer-garbled")
    assert "'br'" in e.value.detail


def test_an_oversized_answer_to_a_create_call_is_outcome_unknown(runtime):
    """The cloud processed the request; what it did is unknown, and the look-ups (also
    answered hostilely) cannot tell, so no second key is asked for."""
    policy = CallPolicy(read_timeout=10, read_attempts=1, settle_delay=0.01)
    with HostileServer(huge_with_length) as server:
        async def go():
            async with CloudClient(demo_credentials(server.url), policy) as cloud:
                return await cloud.get_link(key_request())

        with pytest.raises(KeyDeskError) as e:
            runtime.loop.run(go(), timeout=60)
    assert (e.value.domain, e.value.code) == ("cloud_desk", "outcome-unknown")
    assert "far too large" in e.value.detail
    assert server.requests == 2  # getLink once, then one look-up (itself oversized)
