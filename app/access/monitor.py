"""The reader monitoring service: one event stream per configured reader on the loop.

The Monitor page (or a command) calls :func:`start_monitoring`; streams publish
``DeviceEvent``/``DeviceStateChanged`` on the runtime's bus, and :meth:`statuses` gives the
per-reader status (online, last heartbeat, clock drift) for the UI.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from app.access.api import ClockCheck, ReaderApi
from app.access.client import ReaderHttp
from app.access.stream import Backoff, ReaderStatus, ReaderStream
from app.domain.errors import KeyDeskError
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
    http: ReaderHttp
    stream: ReaderStream
    future: concurrent.futures.Future[None] | None = None


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
        self._readers: dict[str, _Reader] = {}
        for config, password in readers:
            http = ReaderHttp(config.url, config.user, password)
            last = since(config.name) if since else None
            stream = ReaderStream(
                config.name, http, runtime.bus.publish, heartbeat=heartbeat,
                watchdog=watchdog, backoff=backoff,
                since=last.timestamp() if last is not None else None,
            )
            self._readers[config.name] = _Reader(config, http, stream)

    @property
    def names(self) -> list[str]:
        return list(self._readers)

    def start(self) -> ReaderMonitor:
        for reader in self._readers.values():
            if reader.future is None or reader.future.done():
                reader.future = self.runtime.loop.submit(self._run(reader))
        return self

    async def _run(self, reader: _Reader) -> None:
        try:
            await reader.stream.run()
        except KeyDeskError as err:
            log.warning("reader %s stopped: %s", reader.config.name, err)

    def statuses(self) -> dict[str, ReaderStatus]:
        return {name: r.stream.status.snapshot() for name, r in self._readers.items()}

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
        futures = [r.future for r in self._readers.values() if r.future is not None]
        for fut in futures:
            fut.cancel()
        concurrent.futures.wait(futures, timeout=timeout / 2)
        if not self.runtime.loop.running:
            return

        async def close_all() -> None:
            await asyncio.gather(*(r.http.aclose() for r in self._readers.values()),
                                 return_exceptions=True)

        try:
            self.runtime.loop.run(close_all(), timeout=timeout / 2)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("reader HTTP sessions did not close in time")


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
    readers = []
    for config in settings.readers:
        password = secrets.get(secret_name(config.name)) or ""
        readers.append((config, password))
    since = None
    if store is not None:
        def since(name: str) -> datetime | None:
            return store.latest_time(name)
    monitor = ReaderMonitor(runtime, readers, since=since, **options).start()
    runtime.add_cleanup(monitor.stop)
    return monitor
