"""Every registered encoder driver against ports that misbehave: nothing, garbage, short
frames, bad checksums, error frames, a port that vanishes or cannot be opened.

Each must end in a clear KeyDeskError (53xx) quickly — never a hang, never a success.
"""

from __future__ import annotations

import os
import sys
import time

import pytest
import serial

from app.devices.encoder import frames
from app.devices.encoder.link import Timeouts
from app.devices.encoder.registry import DRIVERS
from app.domain.errors import KeyDeskError

FAST = Timeouts(ack=0.05, response=0.1, retries=1)


class FakePort:
    """A serial port whose answer to every write is ``reply(written)``."""

    def __init__(self, reply) -> None:
        self._reply = reply
        self._out = b""
        self.closed = False
        self.writes = 0

    def write(self, data: bytes) -> int:
        self.writes += 1
        self._out += self._reply(data, self.writes)
        return len(data)

    def flush(self) -> None:
        pass

    @property
    def in_waiting(self) -> int:
        return len(self._out)

    def read(self, n: int = 1) -> bytes:
        if not self._out:
            time.sleep(0.005)
            return b""
        data, self._out = self._out[:n], self._out[n:]
        return data

    def reset_input_buffer(self) -> None:
        self._out = b""

    def close(self) -> None:
        self.closed = True


def _response(data: bytes) -> bytes:
    return frames.encode_frame(data, frames.CHIP_TO_HOST)


def nothing(_data, _n):
    return b""


def garbage(_data, _n):
    return os.urandom(40).replace(b"\x00", b"\x01")


def short_frames(_data, _n):
    return frames.ACK + _response(b"\x15")[:5]


def bad_checksums(data, _n):
    good = bytearray(frames.ACK + _response(b"\x03\x32\x01\x06\x07"))
    good[-2] ^= 0x5A
    return bytes(good)


def error_frames(_data, _n):
    return frames.ACK + frames.ERROR_FRAME


def wrong_answers(_data, _n):
    return frames.ACK + _response(b"\x77\x00")  # a response to some other command


def not_a_pn532(data, _n):
    code = frames.FrameDecoder().feed(data)
    cmd = next((f.data[0] for f in code if isinstance(f, frames.DataFrame)), None)
    if cmd == 0x02:
        return frames.ACK + _response(b"\x03\x99\x01\x00\x00")
    return frames.ACK + _response(bytes([cmd + 1])) if cmd is not None else b""


class VanishingPort(FakePort):
    def read(self, n: int = 1) -> bytes:
        raise serial.SerialException("device reports readiness to read but returned no data")


CASES = [
    ("nothing", nothing, {"5305"}),
    ("garbage", garbage, {"5305"}),
    ("short frames", short_frames, {"5305"}),
    ("bad checksums", bad_checksums, {"5305"}),
    ("error frames", error_frames, {"5305", "5312"}),
    ("wrong answers", wrong_answers, {"5305"}),
    ("not a PN532", not_a_pn532, {"5305"}),
]


@pytest.mark.parametrize("driver_name", sorted(DRIVERS))
@pytest.mark.parametrize(("label", "reply", "codes"), CASES, ids=[c[0] for c in CASES])
def test_bad_port_gives_clear_error(driver_name, label, reply, codes):
    port = FakePort(reply)
    start = time.monotonic()
    with pytest.raises(KeyDeskError) as info:
        DRIVERS[driver_name].open("fake://", timeouts=FAST, opener=lambda *_a, **_k: port)
    assert time.monotonic() - start < 5, f"{label}: took too long"
    assert info.value.domain == "encoder"
    assert info.value.code in codes, f"{label}: {info.value}"
    assert info.value.state, "every failure says what the card was left in"
    assert port.closed, "a failed open must release the port"


@pytest.mark.parametrize("driver_name", sorted(DRIVERS))
def test_vanishing_port(driver_name):
    port = VanishingPort(nothing)
    with pytest.raises(KeyDeskError) as info:
        DRIVERS[driver_name].open("fake://", timeouts=FAST, opener=lambda *_a, **_k: port)
    assert info.value.code in {"5310", "5312"}


@pytest.mark.parametrize("driver_name", sorted(DRIVERS))
def test_missing_or_busy_port(driver_name):
    def opener(*_a, **_k):
        raise serial.SerialException(
            "could not open port 'COM7': PermissionError(13, 'Access is denied.')"
        )

    with pytest.raises(KeyDeskError) as info:
        DRIVERS[driver_name].open("COM7", timeouts=FAST, opener=opener)
    assert info.value.code == "5310"
    assert "in use" in info.value.detail


@pytest.mark.parametrize("driver_name", sorted(DRIVERS))
def test_port_vanishing_mid_operation(driver_name):
    """A working chip whose port dies after opening: the next command reports 5312."""
    from app.devices.encoder.sim.cards import make_card
    from app.devices.encoder.sim.chip import Chip

    chip = Chip()
    chip.card = make_card("classic-1k")
    state = {"dead": False}

    def reply(data, _n):
        out = b""
        for f in frames.FrameDecoder().feed(data):
            if isinstance(f, frames.DataFrame):
                out += frames.ACK + _response(chip.handle(f.data))
        return out

    class DyingPort(FakePort):
        def read(self, n=1):
            if state["dead"]:
                raise serial.SerialException("write failed: [Errno 5] Input/output error")
            return super().read(n)

    enc = DRIVERS[driver_name].open(
        "fake://", timeouts=FAST, opener=lambda *_a, **_k: DyingPort(reply)
    )
    assert enc.select() is not None
    state["dead"] = True
    with pytest.raises(KeyDeskError) as info:
        enc.select()
    assert info.value.code == "5312"
    assert not enc.port_alive
    enc.close()


@pytest.mark.parametrize("driver_name", sorted(DRIVERS))
@pytest.mark.skipif(sys.platform == "win32", reason="termios is POSIX")
def test_unplugged_during_flush_is_link_lost(driver_name):
    """pyserial's POSIX flush() is termios.tcdrain, which raises termios.error (not an
    OSError) once a USB-serial device is unplugged: a clear 5312, not a crash."""
    import termios

    from app.devices.encoder.sim.cards import make_card
    from app.devices.encoder.sim.chip import Chip

    chip = Chip()
    chip.card = make_card("classic-1k")
    state = {"unplugged": False}

    def reply(data, _n):
        return b"".join(
            frames.ACK + _response(chip.handle(f.data))
            for f in frames.FrameDecoder().feed(data)
            if isinstance(f, frames.DataFrame)
        )

    class UnpluggedPort(FakePort):
        def flush(self):
            if state["unplugged"]:
                raise termios.error(5, "Input/output error")

    enc = DRIVERS[driver_name].open(
        "fake://", timeouts=FAST, opener=lambda *_a, **_k: UnpluggedPort(reply)
    )
    assert enc.select() is not None
    state["unplugged"] = True
    with pytest.raises(KeyDeskError) as info:
        enc.select()
    assert info.value.code == "5312"
    assert not enc.port_alive
    enc.close()
