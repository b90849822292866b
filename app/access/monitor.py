"""The reader monitoring service: one event stream per configured reader on the loop.

The desk (``app.services``) calls :func:`start_monitoring`; streams publish
``DeviceEvent``/``DeviceStateChanged`` on the runtime's bus, and :meth:`statuses` gives the
per-reader status (online, last heartbeat, clock drift) for the UI. :meth:`sync` follows
an edited reader list without a restart: new readers start streaming, removed ones stop
(``DeviceForgotten`` after their last event), changed ones (address, user, password)
reconnect; the others are left alone, so their streams lose nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from app.access.api import ClockCheck, ReaderApi
from app.access.client import ReaderHttp
from app.access.stream import Backoff, ReaderStatus, ReaderStream
from app.domain.errors import KeyDeskError
from app.domain.events import DeviceForgotten
from app.runtime import Runtime
from app.settings import ReaderConfig, SecretStore, Settings

if TYPE_CHECKING:
    from app.store.backend import EventBackend

log = logging.getLogger(__name__)
T = TypeVar("T")


def secret_name(reader: str) -> str:
    return f"reader:{reader}"


@dataclass
class _Reader:
    config: ReaderConfig
    password: str  # the one its session logs in with (a changed keyring entry restarts it)
    http: ReaderHttp
    stream: ReaderStream
    future: concurrent.futures.Future[None] | None = None


@dataclass(frozen=True)
class ReaderChanges:
    """What :meth:`ReaderMonitor.sync` did, by reader name."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    restarted: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.restarted)


class ReaderMonitor:
    def __init__(
        self,
        runtime: Runtime,
        readers: Sequence[tuple[ReaderConfig, str]],
        *,
        since: Callable[[str], datetime | None] | None = None,
        heartbeat: int = 5,
        watchdog: float | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        """``readers``: (config, password) pairs. ``since(name)`` gives the time of the
        newest stored event of a reader, so the first connection back-fills from there."""
        self.runtime = runtime
        self._since = since
        self._options: dict[str, Any] = {"heartbeat": heartbeat, "watchdog": watchdog,
                                         "backoff": backoff}
        # Replaced, never mutated, under the lock: the Qt thread reads it while sync() runs.
        self._lock = threading.Lock()
        self._readers: dict[str, _Reader] = {}
        for config, password in readers:
            self._readers[config.name] = self._build(config, password)

    def _build(self, config: ReaderConfig, password: str) -> _Reader:
        http = ReaderHttp(config.url, config.user, password)
        last = self._since(config.name) if self._since else None
        stream = ReaderStream(
            config.name, http, self.runtime.bus.publish,
            since=last.timestamp() if last is not None else None, **self._options,
        )
        return _Reader(config, password, http, stream)

    @property
    def names(self) -> list[str]:
        return list(self._readers)

    def start(self) -> ReaderMonitor:
        for reader in list(self._readers.values()):
            if reader.future is None or reader.future.done():
                reader.future = self.runtime.loop.submit(self._run(reader))
        return self

    def sync(self, readers: Sequence[tuple[ReaderConfig, str]]) -> ReaderChanges:
        """Monitor exactly ``readers`` ((config, password) pairs) from now on."""
        wanted = {config.name: (config, password) for config, password in readers}
        added, removed, restarted = [], [], []
        with self._lock:
            current = dict(self._readers)
            for name, reader in current.items():
                if name not in wanted:
                    removed.append(name)
                elif (reader.config, reader.password) != wanted[name]:
                    restarted.append(name)
            added = [name for name in wanted if name not in current]
            retiring = [current.pop(name) for name in removed + restarted]
            for name in added + restarted:
                current[name] = self._build(*wanted[name])
            self._readers = current
        for reader in retiring:
            forget = reader.config.name in removed
            self.runtime.loop.submit(self._retire(reader, forget=forget))
        self.start()
        if added or removed or restarted:
            log.info("readers now monitored: %s (added %s, removed %s, restarted %s)",
                     ", ".join(wanted) or "none", added, removed, restarted)
        return ReaderChanges(tuple(added), tuple(removed), tuple(restarted))

    async def _retire(self, reader: _Reader, *, forget: bool) -> None:
        """Stop one stream, close its session, and (``forget``) tell the desk it is gone
        — after the stream's last state change, so nothing brings its row back."""
        if reader.future is not None:
            reader.future.cancel()
            try:
                await asyncio.wrap_future(reader.future)
            except (asyncio.CancelledError, concurrent.futures.CancelledError, Exception):
                pass  # cancelled, or it had already stopped on its own (logged in _run)
        await reader.http.aclose()
        if forget:
            self.runtime.bus.publish(DeviceForgotten(reader.config.name, kind="reader"))

    async def _run(self, reader: _Reader) -> None:
        try:
            await reader.stream.run()
        except KeyDeskError as err:
            log.warning("reader %s stopped: %s", reader.config.name, err)

    def statuses(self) -> dict[str, ReaderStatus]:
        return {name: r.stream.status.snapshot() for name, r in list(self._readers.items())}

    def api(self, name: str) -> ReaderApi:
        return self._readers[name].stream.api

    def call(
        self, name: str, action: Callable[[ReaderApi], Awaitable[T]]
    ) -> concurrent.futures.Future[T]:
        """Run ``action(api)`` for reader ``name`` on the loop (e.g. open a door)."""

        async def go() -> T:
            return await action(self.api(name))

        return self.runtime.loop.submit(go())

    async def set_clock(self, name: str) -> ClockCheck:
        """(Run on the loop.) Set reader ``name``'s clock to the PC's, then measure the
        drift again; the new drift is in :meth:`statuses` at once."""
        stream = self._readers[name].stream
        await stream.api.set_clock()
        check = await stream.api.clock()
        stream.status.clock_drift = check.drift_seconds
        return check

    def stop(self, timeout: float = 2.0) -> None:
        """Cancel every stream and close the HTTP sessions."""
        with self._lock:
            readers = list(self._readers.values())
        futures = [r.future for r in readers if r.future is not None]
        for fut in futures:
            fut.cancel()
        concurrent.futures.wait(futures, timeout=timeout / 2)
        if not self.runtime.loop.running:
            return

        async def close_all() -> None:
            await asyncio.gather(*(r.http.aclose() for r in readers),
                                 return_exceptions=True)

        try:
            self.runtime.loop.run(close_all(), timeout=timeout / 2)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("reader HTTP sessions did not close in time")


def configured_readers(settings: Settings,
                       secrets: SecretStore) -> list[tuple[ReaderConfig, str]]:
    """``settings.readers`` with each password from the keyring (``reader:<name>``)."""
    return [(config, secrets.get(secret_name(config.name)) or "")
            for config in settings.readers]


def start_monitoring(
    runtime: Runtime,
    settings: Settings,
    secrets: SecretStore,
    *,
    store: EventBackend | None = None,
    **options: Any,
) -> ReaderMonitor:
    """Start one stream per ``settings.readers`` entry (passwords from ``reader:<name>``).

    ``store`` (an ``EventStore``) is optional: with it, the first connection back-fills
    from the newest stored event of each reader. ``options`` go to :class:`ReaderMonitor`.
    """
    since = None
    if store is not None:
        def since(name: str) -> datetime | None:
            return store.latest_time(name)
    monitor = ReaderMonitor(runtime, configured_readers(settings, secrets), since=since,
                            **options).start()
    runtime.add_cleanup(monitor.stop)
    return monitor
