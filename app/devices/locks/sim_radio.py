"""The simulated radio as a bleak backend pair.

The app passes these classes as ``backend=`` to the *real* ``BleakScanner`` and
``BleakClient`` (with ``sim="HOST:PORT"``, which bleak hands through as an extra keyword
argument), so everything above the backend (bleak's front classes, UUID resolution,
notification wrapping) is bleak's own code. They raise what the platform backends raise:
``BleakDeviceNotFoundError``, ``TimeoutError``, ``BleakError("Not connected")``,
``BleakGATTProtocolError``, ``BleakBluetoothNotAvailableError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Callable
from typing import Any

from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.descriptor import BleakGATTDescriptor
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, AdvertisementDataCallback, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDeviceNotFoundError,
    BleakError,
    BleakGATTProtocolError,
)

log = logging.getLogger(__name__)

LINE_LIMIT = 64 * 1024
MTU = 23


def _split(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        raise BleakError(f"simulated radio address must be HOST:PORT, not {address!r}")
    return host or "127.0.0.1", int(port)


class SimRadioLink:
    """One JSON-lines connection to ``keydesk sim lock``: requests with ids, pushed events."""

    def __init__(self, address: str, on_event: Callable[[dict[str, Any]], None]) -> None:
        self.address = address
        self._on_event = on_event
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._ids = itertools.count(1)
        self._task: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()

    async def open(self) -> None:
        host, port = _split(self.address)
        try:
            self._reader, self._writer = await asyncio.open_connection(host, port,
                                                                       limit=LINE_LIMIT)
        except OSError as exc:
            raise BleakBluetoothNotAvailableError(
                f"no Bluetooth adapter: the simulated radio at {self.address} is not "
                f"reachable ({exc.strerror or exc})",
                BleakBluetoothNotAvailableReason.NO_BLUETOOTH) from None
        self._task = asyncio.get_running_loop().create_task(self._read_loop())

    async def _read_loop(self) -> None:
        assert self._reader is not None
        try:
            while True:
                line = await self._reader.readline()
                if not line:
                    break
                try:
                    msg = json.loads(line)
                except ValueError:
                    log.warning("simulated radio sent a line that is not JSON")
                    continue
                if not isinstance(msg, dict):
                    continue
                rid = msg.get("id")
                fut = self._pending.pop(rid, None) if isinstance(rid, int) else None
                if fut is not None:
                    if not fut.done():
                        fut.set_result(msg)
                elif "event" in msg:
                    self._on_event(msg)
        except (ConnectionError, ValueError, asyncio.LimitOverrunError):
            pass
        finally:
            self.closed.set()
            for fut in self._pending.values():
                if not fut.done():
                    fut.set_exception(BleakError("Not connected"))
            self._pending.clear()
            self._on_event({"event": "closed"})

    async def request(self, op: str, **fields: Any) -> dict[str, Any]:
        if self._writer is None or self.closed.is_set():
            raise BleakError("Not connected")
        rid = next(self._ids)
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[rid] = fut
        self._writer.write(json.dumps({"id": rid, "op": op, **fields}).encode() + b"\n")
        try:
            await self._writer.drain()
            return await fut
        finally:
            self._pending.pop(rid, None)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await self._writer.wait_closed()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._writer = None


def raise_for(answer: dict[str, Any], address: str = "") -> dict[str, Any]:
    """The simulator's failure as the exception a real backend raises."""
    if answer.get("ok"):
        return answer
    kind, message = answer.get("error"), str(answer.get("message", ""))
    if kind == "radio_off":
        raise BleakBluetoothNotAvailableError("Bluetooth is turned off",
                                              BleakBluetoothNotAvailableReason.POWERED_OFF)
    if kind == "not_found":
        raise BleakDeviceNotFoundError(address, f"Device with address {address} was not found.")
    if kind == "removed":
        raise BleakDeviceNotFoundError(
            address, f"Device with address {address} was not found. It may have been removed "
                     "from BlueZ when scanning stopped.")
    if kind == "abort":
        raise BleakError(f"failed to connect to {address}: le-connection-abort-by-local")
    if kind == "unreachable":
        raise BleakError("Could not get GATT services: Unreachable")
    if kind == "att":
        raise BleakGATTProtocolError(int(answer.get("code", 0x0E)))
    if kind == "not_connected":
        raise BleakError("Not connected")
    raise BleakError(f"simulated radio: {kind}: {message}")


class SimScanner(BaseBleakScanner):
    """Scans the simulated site. Constructed by ``BleakScanner(..., backend=SimScanner,
    sim="HOST:PORT")``."""

    def __init__(self, detection_callback: AdvertisementDataCallback | None,
                 service_uuids: list[str] | None, scanning_mode: str = "active", *,
                 sim: str, **kwargs: Any) -> None:
        super().__init__(detection_callback, service_uuids)
        self._sim = sim
        self._link: SimRadioLink | None = None

    async def start(self) -> None:
        self.seen_devices = {}
        self._link = SimRadioLink(self._sim, self._on_event)
        await self._link.open()
        raise_for(await self._link.request("scan_start", services=self._service_uuids or []))

    async def stop(self) -> None:
        link, self._link = self._link, None
        if link is None:
            return
        with contextlib.suppress(BleakError):
            await link.request("scan_stop")
        await link.close()

    def _on_event(self, msg: dict[str, Any]) -> None:
        if msg.get("event") != "adv":
            return
        try:
            mfr = {int(k): bytes.fromhex(v) for k, v in msg.get("manufacturer_data", {}).items()}
            services = [str(u).lower() for u in msg.get("service_uuids", [])]
            adv = AdvertisementData(
                local_name=msg.get("name"), manufacturer_data=mfr, service_data={},
                service_uuids=services, tx_power=None, rssi=int(msg.get("rssi", -127)),
                platform_data=(msg,))
            mac = str(msg["mac"])
        except (KeyError, TypeError, ValueError):
            log.warning("simulated radio sent an advertisement that does not parse")
            return
        if not self.is_allowed_uuid(services):
            return
        device = self.create_or_update_device(mac, mac, adv.local_name,
                                              {"sim": self._sim, "mac": mac}, adv)
        self.call_detection_callbacks(device, adv)


class SimClient(BaseBleakClient):
    """A GATT connection to one simulated lock. Constructed by ``BleakClient(device, ...,
    backend=SimClient, sim="HOST:PORT")``."""

    def __init__(self, address_or_ble_device: BLEDevice | str, *,
                 disconnected_callback: Callable[[], None] | None, timeout: float,
                 sim: str | None = None, **kwargs: Any) -> None:
        super().__init__(address_or_ble_device, disconnected_callback=disconnected_callback,
                         timeout=timeout, **kwargs)
        details = getattr(address_or_ble_device, "details", None)
        if sim is None and isinstance(details, dict):
            sim = details.get("sim")
        if sim is None:
            raise BleakError("the simulated client needs sim='HOST:PORT'")
        self._sim = sim
        self._name = getattr(address_or_ble_device, "name", None) or self.address
        self._link: SimRadioLink | None = None
        self._conn: int | None = None
        self._notify: dict[int, NotifyCallback] = {}

    @property
    def name(self) -> str:
        return self._name

    @property
    def mtu_size(self) -> int:
        return MTU

    @property
    def is_connected(self) -> bool:
        return self._conn is not None and self._link is not None and not self._link.closed.is_set()

    async def connect(self, pair: bool, **kwargs: Any) -> None:
        self._link = SimRadioLink(self._sim, self._on_event)
        await self._link.open()
        try:
            async with asyncio.timeout(self._timeout):
                answer = raise_for(await self._link.request("connect", mac=self.address),
                                   self.address)
        except BaseException:
            await self._link.close()
            self._link = None
            raise
        self._conn = int(answer["conn"])
        self._name = answer.get("name") or self._name
        self.services = self._collection(answer["services"])

    def _collection(self, described: list[dict[str, Any]]) -> BleakGATTServiceCollection:
        services = BleakGATTServiceCollection()
        for s in described:
            service = BleakGATTService(None, int(s["handle"]), str(s["uuid"]))
            services.add_service(service)
            for ch in s["chars"]:
                char = BleakGATTCharacteristic(None, int(ch["handle"]), str(ch["uuid"]),
                                               list(ch["props"]), lambda: MTU - 3, service)
                services.add_characteristic(char)
                if ch.get("cccd"):
                    services.add_descriptor(BleakGATTDescriptor(
                        None, int(ch["cccd"]), "00002902-0000-1000-8000-00805f9b34fb", char))
        return services

    def _on_event(self, msg: dict[str, Any]) -> None:
        event = msg.get("event")
        if event == "notify" and msg.get("conn") == self._conn:
            callback = self._notify.get(int(msg.get("handle", -1)))
            if callback is not None:
                try:
                    callback(bytearray.fromhex(str(msg.get("data", ""))))
                except ValueError:
                    log.warning("simulated radio sent a notification that is not hex")
        elif (event == "disconnected" and msg.get("conn") == self._conn) or (
                event == "closed" and self._conn is not None):
            self._conn = None
            if self._disconnected_callback is not None:
                self._disconnected_callback()

    async def disconnect(self) -> None:
        link, conn = self._link, self._conn
        self._conn = None
        self._link = None
        if link is None:
            return
        if conn is not None:
            with contextlib.suppress(BleakError):
                await link.request("disconnect", conn=conn)
        await link.close()

    async def pair(self, *args: Any, **kwargs: Any) -> None:
        """The simulated locks need no pairing (nor do the real lock families here)."""

    async def unpair(self) -> None:
        """Nothing to undo: see :meth:`pair`."""

    def _require(self) -> tuple[SimRadioLink, int]:
        if self._link is None or self._conn is None:
            raise BleakError("Not connected")
        return self._link, self._conn

    async def read_gatt_char(self, characteristic: BleakGATTCharacteristic, *,
                             use_cached: bool = False, **kwargs: Any) -> bytearray:
        link, conn = self._require()
        answer = raise_for(await link.request("read", conn=conn, handle=characteristic.handle))
        return bytearray.fromhex(answer["data"])

    async def read_gatt_descriptor(self, descriptor: BleakGATTDescriptor, *,
                                   use_cached: bool = False, **kwargs: Any) -> bytearray:
        self._require()
        return bytearray(b"\x01\x00" if descriptor.characteristic_handle in self._notify
                         else b"\x00\x00")

    async def write_gatt_char(self, characteristic: BleakGATTCharacteristic, data: Any,
                              response: bool) -> None:
        link, conn = self._require()
        raise_for(await link.request("write", conn=conn, handle=characteristic.handle,
                                     data=bytes(data).hex(), response=response))

    async def write_gatt_descriptor(self, descriptor: BleakGATTDescriptor, data: Any) -> None:
        link, conn = self._require()
        on = bytes(data)[:1] != b"\x00"
        raise_for(await link.request("notify", conn=conn,
                                     handle=descriptor.characteristic_handle, on=on))

    async def start_notify(self, characteristic: BleakGATTCharacteristic,
                           callback: NotifyCallback, **kwargs: Any) -> None:
        link, conn = self._require()
        self._notify[characteristic.handle] = callback
        raise_for(await link.request("notify", conn=conn, handle=characteristic.handle, on=True))

    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        link, conn = self._require()
        self._notify.pop(characteristic.handle, None)
        raise_for(await link.request("notify", conn=conn, handle=characteristic.handle,
                                     on=False))
