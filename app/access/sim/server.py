"""The simulated reader's HTTP server: Dahua-style CGI answers and the event stream.

A real TCP server on loopback (asyncio streams in the simulator's own thread), so the
real client code is what gets tested: Digest auth, the endless multipart stream and its
faults, the access log, doors, clock, users and cards. Route handlers live in
:mod:`app.access.sim.routes`; fault switches are on :class:`Faults`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote

from app.access.sim.auth import DigestAuthority
from app.access.sim.device import SimDevice, SimEvent

log = logging.getLogger(__name__)

BOUNDARY = b"myboundary"
HEARTBEAT_BODY = b"Heartbeat"
_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
            404: "Not Found", 500: "Internal Server Error"}


@dataclass
class Faults:
    """Stream faults; counters apply to the next N parts of any stream."""

    split_bytes: bool = False  # write every byte separately
    wrong_length: int = 0
    missing_length: int = 0
    garbage: int = 0
    latin1: int = 0  # bodies sent in Latin-1 (not UTF-8) while the count lasts
    stale_as_403: bool = False  # answer 403 (not 401 stale) to an expired nonce
    bracket_mode: str = "any"  # "literal": 400 on %5B; "encoded": 400 on literal [
    quiet_start: bool = False  # never a heartbeat as a stream's first part (else: half the time)


@dataclass
class Request:
    method: str
    path: str
    query: str
    params: dict[str, str]
    headers: dict[str, str]
    body: bytes
    peer: str


class _Stream:
    def __init__(self, writer: asyncio.StreamWriter, codes: set[str] | None, style: dict[str, Any]):
        self.writer = writer
        self.codes = codes
        self.style = style
        self.queue: asyncio.Queue[SimEvent] = asyncio.Queue()
        self.silent = False
        self.closed = asyncio.Event()

    def offer(self, event: SimEvent) -> None:
        if self.codes is None or event.code in self.codes:
            self.queue.put_nowait(event)


async def _until_gone(reader: asyncio.StreamReader, stream: _Stream) -> None:
    gone = asyncio.ensure_future(reader.read(1))
    dropped = asyncio.ensure_future(stream.closed.wait())
    await asyncio.wait({gone, dropped}, return_when=asyncio.FIRST_COMPLETED)
    gone.cancel()
    dropped.cancel()


def response_bytes(status: int, body: bytes | str, headers: dict[str, str] | None = None,
                   content_type: str = "text/plain;charset=utf-8") -> bytes:
    data = body.encode("utf-8") if isinstance(body, str) else body
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}",
             f"Content-Type: {content_type}", f"Content-Length: {len(data)}",
             "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + data


class SimHttpServer:
    def __init__(self, device: SimDevice, auth: DigestAuthority, faults: Faults,
                 json_errors: bool = True) -> None:
        self.device = device
        self.auth = auth
        self.faults = faults
        self.json_errors = json_errors
        self.streams: set[_Stream] = set()
        self.requests = 0
        self.stream_connections = 0
        self.down_until = 0.0
        self.boot_event: SimEvent | None = None
        device.listeners.append(self._broadcast)
        from app.access.sim.routes import Routes

        self.routes = Routes(self)

    def _broadcast(self, event: SimEvent) -> None:
        for stream in list(self.streams):
            stream.offer(event)

    # -- HTTP plumbing ----------------------------------------------------------------

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = (writer.get_extra_info("peername") or ("?",))[0]
        try:
            req = await self._read_request(reader, peer)
            if req is None or time.monotonic() < self.down_until:
                return  # rebooting: the connection just closes
            self.requests += 1
            answer = self._authorise(req)
            if answer is not None:
                writer.write(answer)
            elif req.path == "/cgi-bin/eventManager.cgi" and req.params.get("action") == "attach":
                await self._stream(req, reader, writer)
            else:
                writer.write(self.routes.dispatch(req))
            with contextlib.suppress(ConnectionError):
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError,
                TimeoutError):
            pass
        except asyncio.CancelledError:
            pass  # the simulator stops; asyncio would log a cancelled handler as an error
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _read_request(self, reader: asyncio.StreamReader, peer: str) -> Request | None:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) < 2:
            return None
        headers = {}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        body = await reader.readexactly(length) if length else b""
        path, _, query = parts[1].partition("?")
        params = dict(parse_qsl(query, keep_blank_values=True))
        return Request(parts[0], path, query, params, headers, body, peer)

    def _authorise(self, req: Request) -> bytes | None:
        result = self.auth.check(req.method, req.headers.get("authorization"), req.peer)
        if result.ok:
            return None
        if result.locked:
            return self.routes.error(401, 268632081, "Account locked",
                                     headers={"WWW-Authenticate": self.auth.challenge()})
        if result.stale and self.faults.stale_as_403 and req.headers.get("authorization"):
            return response_bytes(403, "Error\r\nForbidden\r\n")
        body = "Error\r\nInvalid Authority!\r\n" if result.failed_login else ""
        return response_bytes(401, body, {"WWW-Authenticate": self.auth.challenge(result.stale)})

    # -- the event stream ---------------------------------------------------------------

    async def _stream(self, req: Request, reader: asyncio.StreamReader,
                      writer: asyncio.StreamWriter) -> None:
        raw_codes = ""
        if "codes=" in req.query:
            raw_codes = req.query.split("codes=", 1)[1].split("&", 1)[0]
        encoded = "%5B" in raw_codes.upper()
        mode = self.faults.bracket_mode
        if (mode == "literal" and encoded) or (mode == "encoded" and raw_codes.startswith("[")):
            writer.write(self.routes.error(400, 268632322, "Bad codes parameter"))
            return
        names = unquote(raw_codes).strip("[]").split(",") if raw_codes else ["All"]
        codes = None if "All" in names else {n.strip() for n in names if n.strip()}
        try:
            heartbeat = min(60, max(1, int(req.params.get("heartbeat", "5"))))
        except ValueError:
            heartbeat = 5
        rng = self.device.rng
        style = {"name": rng.choice(["Content-Length", "content-length", "CONTENT-LENGTH"]),
                 "space": rng.choice(["", " "]), "crlf_before": rng.random() < 0.5}
        stream = _Stream(writer, codes, style)
        self.streams.add(stream)
        self.stream_connections += 1
        try:
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace; "
                         b"boundary=" + BOUNDARY + b"\r\nConnection: close\r\n\r\n")
            first = True
            if rng.random() < 0.5 and not self.faults.quiet_start:  # a heartbeat first
                await self._write_part(stream, HEARTBEAT_BODY, first)
                first = False
            if self.boot_event is not None:
                stream.offer(self.boot_event)
                self.boot_event = None
            # Heartbeats every `heartbeat` seconds *whatever the traffic* (the parameter is
            # "seconds between heartbeat parts"): sending them only when idle meant a busy
            # reader never sent one and the Monitor's "Last heartbeat" stayed empty.
            loop = asyncio.get_running_loop()
            next_beat = loop.time() + heartbeat
            while not stream.closed.is_set():
                wait = next_beat - loop.time()
                if wait <= 0:
                    body = HEARTBEAT_BODY
                    next_beat = loop.time() + heartbeat
                else:
                    try:
                        event = await asyncio.wait_for(stream.queue.get(), wait)
                    except TimeoutError:
                        continue
                    body = event.body("latin-1" if self._take("latin1") else "utf-8")
                if stream.silent:  # socket open, nothing sent, until the client gives up
                    await _until_gone(reader, stream)
                    break
                await self._write_part(stream, body, first)
                first = False
        finally:
            self.streams.discard(stream)

    def _take(self, counter: str) -> bool:
        value = getattr(self.faults, counter)
        if value > 0:
            setattr(self.faults, counter, value - 1)
            return True
        return False

    async def _write_part(self, stream: _Stream, body: bytes, first: bool) -> None:
        length: int | None = len(body)
        if self._take("missing_length"):
            length = None
        elif self._take("wrong_length"):
            length = len(body) + self.device.rng.choice([-9, -3, 4, 12])
        head = b"Content-Type: text/plain\r\n"
        if length is not None:
            st = stream.style
            head += f"{st['name']}:{st['space']}{length}\r\n".encode()
        delim = b"--" + BOUNDARY + b"\r\n"
        if stream.style["crlf_before"]:
            data = (b"" if first else b"\r\n") + delim + head + b"\r\n" + body
        else:
            data = delim + head + b"\r\n" + body + b"\r\n"
        if self._take("garbage"):
            data = b"\x00\xffGARBAGE;Code=Nothing\r\n" + data
        writer = stream.writer
        if self.faults.split_bytes:
            for i in range(len(data)):
                writer.write(data[i : i + 1])
                await writer.drain()
                await asyncio.sleep(0)
        else:
            writer.write(data)
            await writer.drain()

    # -- faults ----------------------------------------------------------------------------

    def drop_streams(self) -> int:
        streams = list(self.streams)
        for stream in streams:
            stream.closed.set()
            transport = stream.writer.transport
            if transport is not None:
                transport.abort()
        return len(streams)

    def go_silent(self) -> None:
        for stream in self.streams:
            stream.silent = True

    def reboot(self, seconds: float) -> None:
        self.drop_streams()
        self.auth.invalidate_nonces()
        self.down_until = time.monotonic() + seconds
        self.boot_event = SimEvent("Reboot", {"UTC": int(self.device.now() + seconds)})
