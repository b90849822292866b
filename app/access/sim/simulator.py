"""A simulated Intelbras/Dahua access reader on a loopback socket, in its own thread.

Usage (tests, demo, ``keydesk sim reader``)::

    sim = ReaderSimulator("Lobby", password="secret", rate=5).start()
    sim.url                     # http://127.0.0.1:PORT
    sim.drop_streams()          # fault injection, callable from any thread
    sim.stop()

The simulator has its own asyncio loop so it never shares (or blocks) the app's loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from app.access.sim.auth import DigestAuthority
from app.access.sim.device import SimDevice
from app.access.sim.server import Faults, SimHttpServer

T = TypeVar("T")
DEFAULT_USER = "admin"
DEFAULT_PASSWORD = "keydesk-sim"


class ReaderSimulator:
    def __init__(
        self,
        name: str = "Reader",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        user: str = DEFAULT_USER,
        password: str = DEFAULT_PASSWORD,
        rate: float = 1.0,
        events: int | None = None,
        profile: str = "realistic",
        doors: int = 1,
        clock_offset: float = 0.0,
        json_errors: bool = True,
        nonce_ttl: float = 300.0,
        max_failures: int = 5,
        lockout_seconds: float = 1800.0,
        traffic: bool = True,
        seed: int | None = None,
        serial: str | None = None,
    ) -> None:
        """``serial``: the device's serial number (``getSystemInfo``); every simulator
        gets a unique one by default, as real devices have, so two readers given the same
        name are still two devices."""
        self.name = name
        self.host, self.port = host, port
        self.rate, self.events = rate, events
        serial = serial or f"SIM{uuid.uuid4().hex[:10].upper()}"
        self.device = SimDevice(name=name, serial=serial,
                                doors=doors, clock_offset=clock_offset, profile=profile,
                                seed=seed)
        self.auth = DigestAuthority(user, password, nonce_ttl=nonce_ttl,
                                    max_failures=max_failures, lockout_seconds=lockout_seconds)
        self.faults = Faults()
        self.server = SimHttpServer(self.device, self.auth, self.faults, json_errors)
        self._traffic_on = traffic
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._gate: asyncio.Event | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ReaderSimulator:
        self._thread = threading.Thread(target=self._run, name=f"sim-reader-{self.name}")
        self._thread.start()
        self._ready.wait(5)
        if self._error is not None:
            raise self._error
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            srv = loop.run_until_complete(
                asyncio.start_server(self.server.handle, self.host, self.port))
        except OSError as exc:
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self.port = srv.sockets[0].getsockname()[1]
        self._gate = asyncio.Event()
        if self._traffic_on:
            self._gate.set()
        traffic = loop.create_task(self.device.run_traffic(self.rate, self.events, self._gate))
        # Wait for a stop *request* rather than run_forever()/loop.stop(): a second stop()
        # arriving while the clean-up below runs would otherwise cut that clean-up short.
        self._stop = asyncio.Event()
        self._ready.set()
        try:
            loop.run_until_complete(self._stop.wait())
        finally:
            traffic.cancel()
            srv.close()
            self.server.drop_streams()
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:  # gather() of nothing would look for a current loop this thread lacks
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(srv.wait_closed())
            loop.close()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop serving and join the thread; calling it again (or late) is harmless."""
        if self._loop is None or self._thread is None or not self._thread.is_alive():
            return
        stop = self._stop
        if stop is not None:
            try:
                self._loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop closed meanwhile: it is stopping already
                pass
        self._thread.join(timeout)

    def call(self, fn: Callable[[], T], timeout: float = 5.0) -> T:
        """Run ``fn`` on the simulator's thread (its state is only touched there)."""
        assert self._loop is not None
        fut: concurrent.futures.Future[T] = concurrent.futures.Future()

        def go() -> None:
            try:
                fut.set_result(fn())
            except BaseException as exc:
                fut.set_exception(exc)

        self._loop.call_soon_threadsafe(go)
        return fut.result(timeout)

    # -- traffic and faults (any thread) ---------------------------------------------------

    def start_traffic(self) -> None:
        self.call(lambda: self._gate.set() if self._gate else None)

    def drop_streams(self) -> int:
        return self.call(self.server.drop_streams)

    def go_silent(self) -> None:
        self.call(self.server.go_silent)

    def reboot(self, seconds: float = 2.0) -> None:
        self.call(lambda: self.server.reboot(seconds))

    def auth_reset(self, as_403: bool = False) -> None:
        """Expire every nonce (a 401 stale / 403 on the next request) and drop streams."""

        def go() -> None:
            self.faults.stale_as_403 = as_403
            self.auth.invalidate_nonces()
            self.server.drop_streams()

        self.call(go)

    def set_fault(self, **values: Any) -> None:
        """Set :class:`Faults` fields, e.g. ``split_bytes=True, wrong_length=3``."""

        def go() -> None:
            for key, value in values.items():
                if not hasattr(self.faults, key):
                    raise AttributeError(key)
                setattr(self.faults, key, value)

        self.call(go)

    def access(self, card: str, method: int = 1, door: int = 0) -> dict[str, Any]:
        """Make one access happen now (a card shown to the reader)."""
        return self.call(lambda: dict(self.device.access(card, method, door).data or {}))

    def reset_log(self, clock_jump: float = 0.0) -> None:
        """A factory reset of the access log: records are gone and record numbers start
        again at 1 (what a reset or replaced device does). ``clock_jump`` moves the clock
        on, as the reboot that comes with a reset takes its time."""

        def go() -> None:
            self.device.records.clear()
            self.device.clock_offset += clock_jump

        self.call(go)

    def records(self) -> list[dict[str, Any]]:
        return self.call(lambda: [dict(r) for r in self.device.records])

    def state(self) -> dict[str, Any]:
        def go() -> dict[str, Any]:
            d = self.device
            return {"users": {k: dict(v) for k, v in d.users.items()},
                    "cards": {k: dict(v) for k, v in d.cards.items()},
                    "doors": dict(d.door_state), "generated": d.generated,
                    "records": len(d.records), "streams": len(self.server.streams),
                    "stream_connections": self.server.stream_connections,
                    "failed_logins": self.auth.failed_logins,
                    "requests": self.server.requests}

        return self.call(go)
