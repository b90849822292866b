"""The simulated radio is a bleak backend pair reached through bleak's REAL front classes
(``BleakScanner`` / ``BleakClient`` with ``backend=``), over a loopback socket. A bleak
upgrade that changes the backend API fails here."""

from __future__ import annotations

import asyncio

import pytest
from bleak import BleakClient, BleakScanner
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDeviceNotFoundError,
    BleakError,
    BleakGATTProtocolError,
)

from app.devices.locks import crypto
from app.devices.locks.profiles import profile_by_id
from app.devices.locks.sim_radio import SimClient, SimScanner
from app.devices.locks.ttlock import commands as c
from app.devices.locks.ttlock import frames
from tests.lock_support import THREE_DOORS, SimSite

TTLOCK_SERVICE = "00001910-0000-1000-8000-00805f9b34fb"
BATTERY = "00002a19-0000-1000-8000-00805f9b34fb"


@pytest.fixture
def sim():
    s = SimSite(THREE_DOORS)
    yield s
    s.stop()


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


def test_bleak_constructs_the_scanner_backend_and_passes_sim_through(sim) -> None:
    async def go():
        scanner = BleakScanner(None, [TTLOCK_SERVICE], backend=SimScanner, sim=sim.address)
        assert isinstance(scanner._backend, SimScanner)
        assert scanner.backend_id == "SimScanner"
        async with scanner:
            async for device, adv in scanner.advertisement_data():
                return device, adv
    device, adv = run(go())
    assert device.address == "C4:A8:28:00:11:01"  # only the TTLock matches the filter
    assert adv.local_name == "K5_011100" and 0x0305 in adv.manufacturer_data
    assert adv.service_uuids == [TTLOCK_SERVICE] and -100 < adv.rssi < 0


def test_discover_and_find_device_by_address_reach_the_backend(sim) -> None:
    async def go():
        found = await BleakScanner.discover(timeout=0.6, return_adv=True, backend=SimScanner,
                                            sim=sim.address)
        one = await BleakScanner.find_device_by_address("C4:A8:28:00:12:02", timeout=2,
                                                        backend=SimScanner, sim=sim.address)
        return found, one
    found, one = run(go())
    assert set(found) == {"C4:A8:28:00:11:01", "C4:A8:28:00:11:03", "C4:A8:28:00:12:02"}
    assert one is not None and one.name == "DOOR-1202"


def test_client_backend_reads_writes_and_gets_notifications(sim) -> None:
    profile = profile_by_id("ttlock-v3")

    async def go():
        device = await BleakScanner.find_device_by_address(
            "C4:A8:28:00:11:01", timeout=2, backend=SimScanner, sim=sim.address)
        dropped = asyncio.Event()
        client = BleakClient(device, lambda _c: dropped.set(), timeout=2, backend=SimClient)
        assert isinstance(client._backend, SimClient)
        got: list[bytes] = []
        arrived = asyncio.Event()

        def note(_char, data: bytearray) -> None:
            got.append(bytes(data))
            arrived.set()

        async with client:
            assert client.is_connected and client.mtu_size == 23
            assert client.services.get_service(TTLOCK_SERVICE) is not None
            battery = await client.read_gatt_char(BATTERY)
            await client.start_notify(profile.gatt.notify, note)
            raw = frames.encode(profile.frame.header, c.INITIALISE,
                                crypto.encrypt(profile.default_key, b""))
            for part in frames.chunks(raw, 20):
                await client.write_gatt_char(profile.gatt.write, part, response=True)
            reassembler = frames.Reassembler()
            replies: list[frames.Frame] = []
            while not replies:
                await asyncio.wait_for(arrived.wait(), 2)
                arrived.clear()
                while got:
                    replies += reassembler.feed(got.pop(0))
        return battery, replies[0], dropped.is_set()
    battery, reply, dropped = run(go())
    assert 0 < battery[0] <= 100
    assert reply.cmd == 0x54 and reply.crc_ok
    plain = c.parse_reply(crypto.decrypt(profile.default_key, reply.data))
    assert (plain.cmd, plain.ok) == (c.INITIALISE, True)
    assert not dropped  # our own disconnect is not an unsolicited drop


def test_a_lock_dropping_the_link_calls_the_disconnected_callback(sim) -> None:
    sim.site.idle_drop = 0.3

    async def go():
        device = await BleakScanner.find_device_by_address(
            "C4:A8:28:00:12:02", timeout=2, backend=SimScanner, sim=sim.address)
        dropped = asyncio.Event()
        client = BleakClient(device, lambda _c: dropped.set(), timeout=2, backend=SimClient)
        await client.connect()
        await asyncio.wait_for(dropped.wait(), 5)  # idle: the lock hangs up
        connected = client.is_connected
        with pytest.raises(BleakError, match="Not connected"):
            await client.read_gatt_char(BATTERY)
        await client.disconnect()
        return connected
    assert run(go()) is False


def test_backend_raises_what_platform_backends_raise(sim) -> None:
    async def device_of(mac):
        return await BleakScanner.find_device_by_address(mac, timeout=2, backend=SimScanner,
                                                         sim=sim.address)

    async def go():
        device = await device_of("C4:A8:28:00:12:02")
        sim.site.inject("C4A828001202", "att_error", 1)
        async with BleakClient(device, backend=SimClient, timeout=2) as client:
            with pytest.raises(BleakGATTProtocolError):
                await client.write_gatt_char("00002a2b-0000-1000-8000-00805f9b34fb",
                                             b"\x00" * 10, response=True)
        sim.site.sleep("C4A828001202")
        with pytest.raises(BleakDeviceNotFoundError):
            await BleakClient(device, backend=SimClient, timeout=2).connect()
        sim.site.inject(None, "radio_off")
        with pytest.raises(BleakBluetoothNotAvailableError) as info:
            async with BleakScanner(backend=SimScanner, sim=sim.address):
                pass
        assert info.value.reason == BleakBluetoothNotAvailableReason.POWERED_OFF
    run(go())


def test_an_unreachable_simulator_is_no_bluetooth_adapter() -> None:
    async def go():
        async with BleakScanner(backend=SimScanner, sim="127.0.0.1:9"):
            pass
    with pytest.raises(BleakBluetoothNotAvailableError) as info:
        run(go())
    assert info.value.reason == BleakBluetoothNotAvailableReason.NO_BLUETOOTH
