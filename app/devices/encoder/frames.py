"""PN532 HSU frame codec (NXP UM0701 §6.2), shared by the driver and the simulator.

Written by hand because no maintained library frames the PN532 for MIFARE Classic
(nfcpy refuses Classic and has UART reliability bugs). The decoder is incremental: feed
it whatever bytes arrived and it yields whole frames, resynchronising on ``00 FF`` after
garbage, so a noisy or split stream never wedges it.
"""

from __future__ import annotations

from dataclasses import dataclass

HOST_TO_CHIP = 0xD4
CHIP_TO_HOST = 0xD5

START = b"\x00\xff"
ACK = b"\x00\x00\xff\x00\xff\x00"
NACK = b"\x00\x00\xff\xff\x00\x00"
ERROR_FRAME = b"\x00\x00\xff\x01\xff\x7f\x81\x00"
# Wake-up for a chip in low-power mode: 0x55 plus a run of zeros (UM0701 §7.2.11).
WAKE_UP = b"\x55\x55" + b"\x00" * 14

MAX_NORMAL = 255  # LEN counts TFI + data
MAX_EXTENDED = 0xFFFF


@dataclass(frozen=True)
class Ack:
    pass


@dataclass(frozen=True)
class Nack:
    pass


@dataclass(frozen=True)
class ErrorFrame:
    """The chip's application-level error frame (it received a frame it could not parse)."""


@dataclass(frozen=True)
class DataFrame:
    tfi: int
    data: bytes  # PD0..PDn: command/response code first


@dataclass(frozen=True)
class BadFrame:
    """A frame whose length or data checksum failed: the caller answers with NACK."""

    reason: str


Frame = Ack | Nack | ErrorFrame | DataFrame | BadFrame


def encode_frame(data: bytes, tfi: int = HOST_TO_CHIP) -> bytes:
    """A normal frame, or an extended frame when TFI + data exceed 255 bytes."""
    length = len(data) + 1
    if length > MAX_EXTENDED:
        raise ValueError(f"frame payload too long: {len(data)} bytes")
    dcs = (-(tfi + sum(data))) & 0xFF
    body = bytes([tfi]) + data + bytes([dcs, 0x00])
    if length <= MAX_NORMAL:
        return b"\x00\x00\xff" + bytes([length, (-length) & 0xFF]) + body
    hi, lo = length >> 8, length & 0xFF
    return b"\x00\x00\xff\xff\xff" + bytes([hi, lo, (-(hi + lo)) & 0xFF]) + body


class FrameDecoder:
    """Incremental decoder: :meth:`feed` bytes, get back the complete frames found."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.garbage_bytes = 0  # bytes skipped while resynchronising (for the trace/stats)

    def reset(self) -> None:
        self._buf.clear()

    @property
    def pending(self) -> int:
        return len(self._buf)

    def feed(self, data: bytes) -> list[Frame]:
        self._buf.extend(data)
        frames: list[Frame] = []
        while True:
            frame = self._next()
            if frame is None:
                return frames
            frames.append(frame)

    def _skip(self, n: int) -> None:
        self.garbage_bytes += n
        del self._buf[:n]

    def _next(self) -> Frame | None:
        buf = self._buf
        i = buf.find(START)
        if i < 0:
            # Keep a trailing 00: it may be the first half of the next start code.
            keep = 1 if buf.endswith(b"\x00") else 0
            self._skip(len(buf) - keep)
            return None
        # Leading zeros are preamble, anything else before the start code is garbage.
        lead = bytes(buf[:i])
        self.garbage_bytes += len(lead) - lead.count(0)
        del buf[:i]
        if len(buf) < 4:
            return None
        b2, b3 = buf[2], buf[3]
        if b2 == 0x00 and b3 == 0xFF:
            del buf[:4]
            return Ack()
        if b2 == 0xFF and b3 == 0x00:
            del buf[:4]
            return Nack()
        if b2 == 0xFF and b3 == 0xFF:
            return self._extended()
        if (b2 + b3) & 0xFF != 0 or b2 == 0:
            self._skip(2)  # not a real start code: resynchronise after it
            return BadFrame("length checksum")
        return self._body(b2, header=4)

    def _extended(self) -> Frame | None:
        buf = self._buf
        if len(buf) < 7:
            return None
        hi, lo, lcs = buf[4], buf[5], buf[6]
        if (hi + lo + lcs) & 0xFF != 0:
            self._skip(2)
            return BadFrame("extended length checksum")
        return self._body((hi << 8) | lo, header=7)

    def _body(self, length: int, header: int) -> Frame | None:
        buf = self._buf
        if len(buf) < header + length + 1:
            return None
        body = bytes(buf[header : header + length])
        dcs = buf[header + length]
        # The postamble (00) is optional for a tolerant reader: drop it only when present.
        end = header + length + 1
        if len(buf) > end and buf[end] == 0x00:
            end += 1
        del buf[:end]
        if (sum(body) + dcs) & 0xFF != 0:
            return BadFrame("data checksum")
        if length == 1 and body[0] == 0x7F:
            return ErrorFrame()
        return DataFrame(body[0], body[1:])
