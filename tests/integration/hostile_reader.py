"""A hostile "reader" on loopback: a real socket server that misbehaves on purpose.

Each connection reads one HTTP request and then plays ``behaviour(request_line, sock)``.
Its sending loops are bounded (bytes and seconds) so a test stops even against a client
that never gives up; the client dropping the connection ends them at once.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

Behaviour = Callable[[str, socket.socket], None]

STREAM_HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; "
               b"boundary=myboundary\r\nConnection: close\r\n\r\n")
SEND_LIMIT = 600 << 20  # bytes one connection may send at most
SEND_SECONDS = 20.0


def answer(status: int, body: bytes, extra: str = "") -> bytes:
    head = (f"HTTP/1.1 {status} X\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}"
            f"\r\nConnection: close\r\n{extra}\r\n")
    return head.encode() + body


def identity(serial: str = "HOSTILE01") -> bytes:
    return answer(200, f"deviceType=SS 3530\r\nserialNumber={serial}\r\n".encode())


def flood(sock: socket.socket, first: bytes, filler: bytes, stop: threading.Event) -> int:
    """Send ``first``, then ``filler`` over and over (bounded); returns the bytes sent."""
    sent = 0
    end = time.monotonic() + SEND_SECONDS
    try:
        sock.sendall(first)
        while sent < SEND_LIMIT and time.monotonic() < end and not stop.is_set():
            sock.sendall(filler)
            sent += len(filler)
    except OSError:
        pass  # the client hung up: what we hope for
    return sent


class HostileReader:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[str] = []
        self.stream_connections = 0
        self.stop_event = threading.Event()
        self._srv = socket.create_server(("127.0.0.1", 0))
        self._srv.settimeout(0.2)
        self.port = self._srv.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="hostile-reader", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> HostileReader:
        self._accept.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self._accept.join(5)
        for t in self._threads:
            t.join(5)
        self._srv.close()

    def _serve(self) -> None:
        while not self.stop_event.is_set():
            try:
                conn, _ = self._srv.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    data += chunk
            except OSError:
                return
            line = data.split(b"\r\n", 1)[0].decode("latin-1")
            self.requests.append(line)
            if "eventManager.cgi" in line:
                self.stream_connections += 1
            try:
                self.behaviour(line, conn)
            except OSError:
                pass  # the client hung up mid-answer: what a capped client does

    def hold(self, conn: socket.socket) -> None:
        """Keep the connection open, sending nothing, until the client or the test ends."""
        conn.settimeout(0.2)
        while not self.stop_event.is_set():
            try:
                if conn.recv(1) == b"":
                    return
            except TimeoutError:
                continue
            except OSError:
                return
