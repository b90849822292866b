"""The simulated PN532 wakes as the spec says a real one does: on `55 55 00 …` or on a
long run of `00`; a frame sent to a sleeping chip without a wake-up is lost (it only
wakes the chip); PowerDown puts it back to sleep. Raw bytes over a real socket."""

from __future__ import annotations

import socket

import pytest

from app.devices.encoder import frames
from app.devices.encoder.sim import EncoderSimulator

FIRMWARE = frames.encode_frame(b"\x02")  # GetFirmwareVersion
POWER_DOWN = frames.encode_frame(b"\x16\x20\x00")  # wake up on HSU


def echo(tag: bytes) -> bytes:
    """Diagnose 00 (line test): the chip echoes the data, so each answer names its frame."""
    return frames.encode_frame(b"\x00\x00" + tag)


@pytest.fixture
def wire():
    sim = EncoderSimulator().start()
    conn = socket.create_connection(sim.address, timeout=5)
    yield conn
    conn.close()
    sim.stop()


def answers(conn: socket.socket, count: int) -> list[bytes]:
    """The next ``count`` chip-to-host data frames (ACKs skipped)."""
    decoder, found = frames.FrameDecoder(), []
    while len(found) < count:
        data = conn.recv(4096)
        assert data, "the simulator closed the connection"
        found += [f.data for f in decoder.feed(data) if isinstance(f, frames.DataFrame)]
    return found


def test_ten_zero_bytes_wake_the_chip_for_the_frame_right_after(wire):
    wire.sendall(b"\x00" * 10 + FIRMWARE)  # what nfcpy sends first
    assert answers(wire, 1) == [b"\x03\x32\x01\x06\x07"]


def test_55_55_wake_up_still_works(wire):
    wire.sendall(frames.WAKE_UP + FIRMWARE)
    assert answers(wire, 1)[0][:2] == b"\x03\x32"


def test_a_frame_without_a_wake_up_only_wakes_the_chip(wire):
    wire.sendall(echo(b"lost"))  # its own 00 00 FF preamble is no wake-up
    wire.sendall(echo(b"kept"))
    assert answers(wire, 1) == [b"\x01\x00kept"]


def test_power_down_puts_the_chip_to_sleep_until_the_next_wake_up(wire):
    wire.sendall(b"\x00" * 10 + POWER_DOWN)
    assert answers(wire, 1) == [b"\x17\x00"]
    wire.sendall(echo(b"lost") + echo(b"kept"))  # the first only wakes it again
    assert answers(wire, 1) == [b"\x01\x00kept"]
    wire.sendall(POWER_DOWN)
    assert answers(wire, 1) == [b"\x17\x00"]
    wire.sendall(b"\x00" * 10 + echo(b"long run"))
    assert answers(wire, 1) == [b"\x01\x00long run"]
