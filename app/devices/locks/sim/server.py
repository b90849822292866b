"""The simulated radio: a loopback TCP server speaking JSON lines to the bleak backend
(:mod:`.backend`) and to control clients.

Requests ``{"id": n, "op": ...}`` get one answer ``{"id": n, "ok": ...}``; the server
also pushes events: ``adv`` (while scanning), ``notify`` and ``disconnected``. Lines are
bounded (64 KiB) and a client that sends garbage gets an error answer, never a crash.
The server runs its own asyncio loop on its own thread, as a separate device would.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from app.devices.locks.sim.faults import FAULTS
from app.devices.locks.sim.locks import AttError, SimLock
from app.devices.locks.sim.site import FOREVER, Site

log = logging.getLogger(__name__)

LINE_LIMIT = 64 * 1024
ADV_INTERVAL = 0.1  # seconds between advertising rounds while a client scans
WATCH_INTERVAL = 0.1
SPLIT_SIZE = 7  # bytes per piece under the split_chunks fault


@dataclass
class Link:
    conn: int
    lock: SimLock
    last_activity: float
    notifying: set[int] = field(default_factory=set)


class _Client:
    """One TCP client: a backend (scanner or connection) or a control script."""

    def __init__(self, server: LockSimServer, writer: asyncio.StreamWriter) -> None:
        self.server = server
        self.site = server.site
        self.writer = writer
        self.scanning: list[str] | None = None
        self.links: dict[int, Link] = {}

    def send(self, message: dict[str, Any]) -> None:
        if self.writer.is_closing():
            return
        self.writer.write(json.dumps(message, separators=(",", ":")).encode() + b"\n")

    # -- links -------------------------------------------------------------------------
    def drop(self, link: Link, reason: str) -> None:
        if self.links.pop(link.conn, None) is None:
            return
        link.lock.disconnected()
        self.server.connected.discard(link.lock.mac)
        self.send({"event": "disconnected", "conn": link.conn, "reason": reason})

    def drop_all(self) -> None:
        for link in list(self.links.values()):
            self.drop(link, "closed")

    def _link(self, req: dict[str, Any]) -> Link:
        link = self.links.get(req.get("conn"))  # type: ignore[arg-type]
        if link is None:
            raise _Failure("not_connected", "Not connected")
        link.last_activity = self.site.monotonic()
        return link

    # -- requests ----------------------------------------------------------------------
    async def handle(self, req: dict[str, Any]) -> dict[str, Any] | None:
        op = req.get("op")
        with self.site.lock:
            if op == "hello":
                return {"ok": True, "radio": self.site.radio_on, "locks": len(self.site.locks)}
            if op == "ctl":
                return self.server.control(req)
            if not self.site.radio_on and op in ("scan_start", "connect"):
                raise _Failure("radio_off", "Bluetooth is turned off")
            if op == "scan_start":
                self.scanning = [u.lower() for u in req.get("services") or []]
                asyncio.get_running_loop().call_soon(self.advertise)  # the first round now
                return {"ok": True}
            if op == "scan_stop":
                self.scanning = None
                return {"ok": True}
            if op == "connect":
                return self._connect(req)
            if op == "disconnect":
                link = self.links.get(req.get("conn"))  # type: ignore[arg-type]
                if link is not None:
                    self.links.pop(link.conn, None)
                    link.lock.disconnected()
                    self.server.connected.discard(link.lock.mac)
                return {"ok": True}
            if op == "read":
                link = self._link(req)
                try:
                    return {"ok": True, "data": link.lock.read(int(req["handle"])).hex()}
                except AttError as exc:
                    raise _Failure("att", "ATT error", code=exc.code) from None
            if op == "notify":
                link = self._link(req)
                handle = int(req["handle"])
                if req.get("on", True):
                    link.notifying.add(handle)
                else:
                    link.notifying.discard(handle)
                return {"ok": True}
            if op == "write":
                return self._write(req)
        raise _Failure("bad_request", f"unknown op {op!r}")

    def _connect(self, req: dict[str, Any]) -> dict[str, Any] | None:
        try:
            lock = self.site.get(str(req.get("mac", "")))
        except KeyError:
            raise _Failure("not_found", "device not found") from None
        if not self.site.awake(lock):
            raise _Failure("not_found", "device not found")
        if lock.use("connect_timeout"):
            return None  # never answered: the backend's own timeout fires
        if lock.use("connect_fail"):
            raise _Failure("abort", "le-connection-abort-by-local")
        if lock.use("bluez_removed"):
            raise _Failure("removed", "removed from BlueZ when scanning stopped")
        if lock.use("winrt_unreachable"):
            raise _Failure("unreachable", "Could not get GATT services: Unreachable")
        if lock.mac in self.server.connected:
            raise _Failure("abort", "the lock already has a connection (one at a time)")
        conn = next(self.server.conn_ids)
        self.links[conn] = Link(conn, lock, self.site.monotonic())
        self.server.connected.add(lock.mac)
        return {"ok": True, "conn": conn, "services": lock.describe_gatt(),
                "name": lock.advertisement()["name"]}

    def _write(self, req: dict[str, Any]) -> dict[str, Any] | None:
        link = self._link(req)
        lock = link.lock
        handle = int(req["handle"])
        try:
            data = bytes.fromhex(str(req.get("data", "")))
        except ValueError:
            raise _Failure("bad_request", "data must be hex") from None
        if lock.use("att_error"):
            raise _Failure("att", "ATT error", code=0x0E)
        try:
            command = lock.accept(handle, data)
        except AttError as exc:
            raise _Failure("att", "ATT error", code=exc.code) from None
        if command is None:
            return {"ok": True}
        if lock.use("disconnect_mid"):
            self.drop(link, "link lost")
            return None
        lost = lock.use("no_reply")
        try:
            notes = lock.execute(handle, command)
        except AttError as exc:
            raise _Failure("att", "ATT error", code=exc.code) from None
        answer: dict[str, Any] | None = {"ok": True}
        if lost and lock.protocol == "gatt-standard":
            answer = None  # the write response itself never comes
        self._answer_then_notify(req, answer, link, [] if lost else notes)
        self._wake_window_tick(link)
        return None

    def _answer_then_notify(self, req: dict[str, Any], answer: dict[str, Any] | None,
                            link: Link, notes: list[bytes]) -> None:
        if answer is not None:
            self.send({"id": req.get("id"), **answer})
        lock = link.lock
        handle = lock.notify_handle()
        if handle is None or handle not in link.notifying:
            return
        pieces: list[bytes] = []
        for note in notes:
            if lock.has("split_chunks"):
                pieces += [note[i:i + SPLIT_SIZE] for i in range(0, len(note), SPLIT_SIZE)]
            else:
                pieces.append(note)
        for piece in pieces:
            repeat = 2 if lock.has("duplicate_chunks") else 1
            for _ in range(repeat):
                self.send({"event": "notify", "conn": link.conn, "handle": handle,
                           "data": piece.hex()})

    def _wake_window_tick(self, link: Link) -> None:
        fault = link.lock.faults.get("wake_ends")
        if fault is None or fault.count is None:
            return
        if fault.after > 0:
            fault.after -= 1
            return
        fault.count -= 1
        if fault.count <= 0:
            link.lock.faults.pop("wake_ends", None)
            link.lock.awake_until = 0.0
            self.drop(link, "wake window over")

    # -- periodic work -----------------------------------------------------------------
    def tick(self) -> None:
        now = self.site.monotonic()
        with self.site.lock:
            for link in list(self.links.values()):
                limit = self.site.idle_drop or link.lock.profile.timings.idle_drop
                if not self.site.radio_on:
                    self.drop(link, "radio off")
                elif now - link.last_activity > limit:
                    self.drop(link, "idle")  # a connected lock stays up until idle

    def advertise(self) -> None:
        if self.scanning is None:
            return
        with self.site.lock:
            if not self.site.radio_on:
                return
            for lock in self.site.locks.values():
                if not self.site.awake(lock) or lock.mac in self.server.connected:
                    continue
                adv = lock.advertisement()
                if self.scanning and not set(self.scanning) & set(adv["service_uuids"]):
                    continue
                jitter = self.server.jitter(lock)
                self.send({"event": "adv", "mac": lock.mac, "rssi": lock.rssi + jitter, **adv})


class _Failure(Exception):
    def __init__(self, kind: str, message: str, **extra: Any) -> None:
        self.kind, self.message, self.extra = kind, message, extra
        super().__init__(message)


class LockSimServer:
    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = site
        self._host, self._port = host, port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._clients: set[_Client] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.conn_ids = itertools.count(1)
        self.connected: set[str] = set()  # MACs with a live link (one at a time per lock)
        self.address = ""
        self._rounds = 0

    def jitter(self, lock: SimLock) -> int:
        self._rounds += 1
        return (hash((lock.mac, self._rounds)) % 5) - 2

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> str:
        self._thread = threading.Thread(target=self._run, name="keydesk-sim-locks",
                                        daemon=True)
        self._thread.start()
        if not self._ready.wait(5) or not self.address:
            raise OSError("the lock simulator did not start")
        return self.address

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except Exception:
            log.exception("lock simulator stopped")
        finally:
            self._ready.set()
            loop.close()

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        self._server = await asyncio.start_server(self._client, self._host, self._port,
                                                  limit=LINE_LIMIT)
        host, port = self._server.sockets[0].getsockname()[:2]
        self.address = f"{host}:{port}"
        self._ready.set()
        ticker = asyncio.create_task(self._ticker())
        await self._stopping.wait()
        ticker.cancel()
        self._server.close()
        for client in list(self._clients):
            client.writer.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(ticker, *self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    def stop(self, timeout: float = 2.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        with contextlib.suppress(RuntimeError):  # the loop already closed
            loop.call_soon_threadsafe(self._stopping.set)
        thread.join(timeout)

    async def _ticker(self) -> None:
        rounds = 0
        while True:
            await asyncio.sleep(WATCH_INTERVAL)
            rounds += 1
            for client in list(self._clients):
                client.tick()
                if rounds % max(1, round(ADV_INTERVAL / WATCH_INTERVAL)) == 0:
                    client.advertise()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        client = _Client(self, writer)
        self._clients.add(client)
        try:
            while True:
                try:
                    line = await reader.readline()
                except (ValueError, asyncio.LimitOverrunError):
                    client.send({"ok": False, "error": "bad_request", "message": "line too long"})
                    break
                except ConnectionError:
                    break
                if not line:
                    break
                await self._one(client, line)
                with contextlib.suppress(ConnectionError):
                    await writer.drain()
        except asyncio.CancelledError:
            pass
        finally:
            with self.site.lock:
                client.drop_all()
            self._clients.discard(client)
            writer.close()
            if task is not None:
                self._tasks.discard(task)

    async def _one(self, client: _Client, line: bytes) -> None:
        try:
            req = json.loads(line)
            if not isinstance(req, dict):
                raise ValueError("a request is a JSON object")
        except ValueError as exc:
            client.send({"ok": False, "error": "bad_request", "message": str(exc)})
            return
        try:
            answer = await client.handle(req)
        except _Failure as exc:
            answer = {"ok": False, "error": exc.kind, "message": exc.message, **exc.extra}
        except (KeyError, TypeError, ValueError) as exc:
            answer = {"ok": False, "error": "bad_request", "message": str(exc)}
        if answer is not None:
            client.send({"id": req.get("id"), **answer})

    # -- the control channel -----------------------------------------------------------
    def control(self, req: dict[str, Any]) -> dict[str, Any]:
        cmd = req.get("cmd")
        mac = req.get("mac")
        if req.get("room"):
            mac = self.site.by_room(str(req["room"])).mac
        try:
            if cmd == "site":
                return {"ok": True, "tz": self.site.tz, "radio": self.site.radio_on,
                        "locks": self.site.describe()}
            if cmd == "wake":
                raw = req.get("seconds")  # 0 is "until told", not "the default"
                seconds = 15.0 if raw is None else float(raw)
                woken = self.site.wake(mac, FOREVER if seconds <= 0 else seconds)
                return {"ok": True, "woken": woken}
            if cmd == "sleep":
                self.site.sleep(mac)
                return {"ok": True}
            if cmd == "fault":
                count = req.get("count")
                self.site.inject(mac, str(req["fault"]), int(count) if count else None,
                                 int(req.get("after") or 0))
                return {"ok": True}
            if cmd == "clear":
                self.site.clear(mac)
                return {"ok": True}
            if cmd == "radio":
                self.site.set_radio(bool(req.get("on", True)))
                return {"ok": True, "radio": self.site.radio_on}
            if cmd == "state":
                return {"ok": True, "lock": self.site.get(str(mac)).to_dict()}
            if cmd == "faults":
                return {"ok": True, "faults": FAULTS}
        except KeyError as exc:
            raise _Failure("unknown_lock", str(exc.args[0])) from None
        except ValueError as exc:
            raise _Failure("bad_request", str(exc)) from None
        raise _Failure("bad_request", f"unknown control command {cmd!r}")
