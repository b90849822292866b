"""One GATT link to one lock, on the runtime's loop thread.

Connects with the scanned ``BLEDevice`` (never an address string: that forces a second
implicit scan), retries with back-off, and gives every connect, read, write and reply
wait a timeout *raced against the disconnect callback*, so a drop mid-command is
reported as a drop (not as a timeout six seconds later). Notifications go to a bounded
queue the protocol code reads from.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

from bleak import BleakClient

from app.devices.locks.errors import explain, lock_error
from app.devices.locks.profiles import LockProfile, Timings
from app.devices.locks.radio import Radio

log = logging.getLogger(__name__)
T = TypeVar("T")

QUEUE_LIMIT = 512  # notification chunks kept while nobody reads (oldest dropped)
# Failures another attempt cannot fix: say so at once instead of retrying.
NOT_RETRIED = {"radio-off", "no-adapter", "bluetooth-denied", "profile-mismatch"}


@dataclass
class LinkStats:
    connects: int = 0
    attempts: int = 0
    round_trips: int = 0  # GATT requests that wait for the peer (writes, reads, enables)
    chunks_in: int = 0
    bytes_out: int = 0
    commands: int = 0  # protocol commands that waited for a notified reply


class LockLink:
    def __init__(self, device: Any, profile: LockProfile, radio: Radio,
                 timings: Timings | None = None) -> None:
        self.device = device
        self.profile = profile
        self.radio = radio
        self.timings = timings or profile.timings
        self.client: BleakClient | None = None
        self.stats = LinkStats()
        self._chunks: deque[bytes] = deque(maxlen=QUEUE_LIMIT)
        self._arrived = asyncio.Event()
        self._lost = asyncio.Event()

    # -- connection ----------------------------------------------------------------------
    def _on_disconnect(self, _client: BleakClient) -> None:
        self._lost.set()
        self._arrived.set()  # wake a reader waiting for a chunk

    def _on_notify(self, _char: Any, data: bytearray) -> None:
        self._chunks.append(bytes(data))
        self.stats.chunks_in += 1
        self._arrived.set()

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.is_connected and not self._lost.is_set()

    async def connect(self) -> None:
        t = self.timings
        last: Exception | None = None
        for attempt in range(t.connect_attempts):
            self.stats.attempts += 1
            self._lost.clear()
            client = BleakClient(self.device, disconnected_callback=self._on_disconnect,
                                 timeout=t.connect_timeout, **self.radio.client_kwargs())
            try:
                async with asyncio.timeout(t.connect_timeout + 1.0):
                    await client.connect()
                self.stats.round_trips += 1
                self.client = client
                self.stats.connects += 1
                if self.profile.gatt.notify:
                    await self.guard(client.start_notify(self.profile.gatt.notify,
                                                         self._on_notify), "enable notify")
                return
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await asyncio.shield(client.disconnect())
                raise
            except Exception as exc:
                with contextlib.suppress(Exception):
                    await client.disconnect()
                self.client = None
                last = exc
                err = explain(exc, during="connect")
                log.info("connect attempt %d to %s failed: %s", attempt + 1,
                         getattr(self.device, "address", self.device), err)
                if err.code in NOT_RETRIED:
                    raise err from None
                if attempt + 1 < t.connect_attempts:
                    backoff = t.backoff[min(attempt, len(t.backoff) - 1)] if t.backoff else 0
                    await asyncio.sleep(backoff)
        assert last is not None
        err = explain(last, during="connect")
        err.detail = f"{err.detail} (after {t.connect_attempts} attempts)"
        raise err from None

    async def close(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(2.0):
                    await client.disconnect()

    # -- guarded I/O ---------------------------------------------------------------------
    async def guard(self, op: Awaitable[T], what: str, timeout: float | None = None) -> T:
        """Run ``op`` with a timeout, raced against the link dropping."""
        if self._lost.is_set() or self.client is None:
            if asyncio.iscoroutine(op):
                op.close()
            raise lock_error("disconnected", f"{what}: the link is down")
        task = asyncio.ensure_future(op)
        lost = asyncio.ensure_future(self._lost.wait())
        try:
            done, _ = await asyncio.wait({task, lost},
                                         timeout=timeout or self.timings.reply_timeout,
                                         return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            task.cancel()
            raise
        finally:
            lost.cancel()
        if task in done:
            try:
                return task.result()
            except Exception as exc:
                raise explain(exc, during=what) from None
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
        if self._lost.is_set():
            raise lock_error("disconnected", f"{what}: the lock dropped the link")
        raise lock_error("no-reply", f"{what}: no answer within "
                                     f"{timeout or self.timings.reply_timeout:.1f} s")

    async def read(self, uuid: str, what: str = "read") -> bytes:
        client = self._client()
        data = await self.guard(client.read_gatt_char(uuid), what)
        self.stats.round_trips += 1
        return bytes(data)

    async def write(self, uuid: str, data: bytes, what: str = "write") -> None:
        client = self._client()
        response = self.profile.gatt.write_with_response
        size = self.profile.gatt.chunk_size
        for at in range(0, len(data), size):
            piece = data[at:at + size]
            await self.guard(client.write_gatt_char(uuid, piece, response=response), what)
            self.stats.round_trips += 1 if response else 0
            self.stats.bytes_out += len(piece)

    def _client(self) -> BleakClient:
        if self.client is None:
            raise lock_error("disconnected", "not connected")
        return self.client

    # -- notifications -------------------------------------------------------------------
    def drain(self) -> None:
        """Forget chunks nobody asked for (an unsolicited state push, a late reply)."""
        self._chunks.clear()
        self._arrived.clear()

    async def next_chunk(self, deadline: float, what: str) -> bytes:
        """The next notification chunk, before the loop time ``deadline``."""
        loop = asyncio.get_running_loop()
        while not self._chunks:
            if self._lost.is_set():
                raise lock_error("disconnected", f"{what}: the lock dropped the link")
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise lock_error("no-reply", f"{what}: the lock did not answer")
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await self._arrived.wait()
        return self._chunks.popleft()
