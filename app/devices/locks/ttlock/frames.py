"""TTLock V3 frames: ``7F 5A | proto | sub | scene | group u16 | org u16 | cmd | marker |
len | data | CRC-8/MAXIM | 0D 0A`` (integers big-endian), written in 20-byte chunks.

Replies are reassembled by their declared length, never by looking for ``0D 0A`` (the
ciphertext may contain it). The reassembler's memory is bounded by one frame, whatever a
peer sends.
"""

from __future__ import annotations

from dataclasses import dataclass

MAGIC = b"\x7f\x5a"
HEADER_LEN = 12  # magic .. len
TRAILER_LEN = 3  # crc + 0D 0A
MAX_DATA = 255
MAX_FRAME = HEADER_LEN + MAX_DATA + TRAILER_LEN


def crc8_maxim(data: bytes, crc: int = 0) -> int:
    """CRC-8/MAXIM (Dallas 1-Wire): reflected polynomial 0x8C, init 0, no final xor."""
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8C if crc & 1 else crc >> 1
    return crc


@dataclass(frozen=True)
class Frame:
    proto: int
    sub: int
    scene: int
    group: int
    org: int
    cmd: int
    marker: int
    data: bytes
    crc: int
    crc_ok: bool
    raw: bytes


def encode(header: tuple[int, ...], cmd: int, data: bytes, marker: int = 0xAA,
           terminator: bytes = b"\r\n") -> bytes:
    if len(data) > MAX_DATA:
        raise ValueError("a TTLock frame carries at most 255 data bytes")
    proto, sub, scene, group, org = header
    body = (MAGIC + bytes((proto, sub, scene)) + group.to_bytes(2, "big")
            + org.to_bytes(2, "big") + bytes((cmd, marker, len(data))) + data)
    return body + bytes((crc8_maxim(body),)) + terminator


def chunks(frame: bytes, size: int = 20) -> list[bytes]:
    return [frame[i:i + size] for i in range(0, len(frame), size)]


def parse(raw: bytes) -> Frame:
    """One whole frame (as the reassembler delivers it)."""
    if len(raw) < HEADER_LEN + TRAILER_LEN or raw[:2] != MAGIC:
        raise ValueError("not a TTLock frame")
    length = raw[11]
    if len(raw) != HEADER_LEN + length + TRAILER_LEN:
        raise ValueError("frame length does not match its declared length")
    body = raw[:HEADER_LEN + length]
    crc = raw[HEADER_LEN + length]
    return Frame(raw[2], raw[3], raw[4], int.from_bytes(raw[5:7], "big"),
                 int.from_bytes(raw[7:9], "big"), raw[9], raw[10], raw[12:12 + length],
                 crc, crc == crc8_maxim(body), bytes(raw))


class Reassembler:
    """Feeds notification chunks, yields whole frames.

    Bytes before a ``7F 5A`` are dropped (noise, a tail of an abandoned reply). A chunk
    identical to the previous one while a frame is being collected is a duplicate
    delivery and is dropped (ciphertext never repeats 20 bytes in a row).
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self._last_chunk = b""
        self.dropped = 0  # bytes thrown away (noise, duplicates)

    def reset(self) -> None:
        self._buf.clear()
        self._last_chunk = b""

    def feed(self, chunk: bytes) -> list[Frame]:
        chunk = bytes(chunk)
        if self._buf and chunk == self._last_chunk:
            self.dropped += len(chunk)
            return []
        self._last_chunk = chunk
        self._buf += chunk
        frames: list[Frame] = []
        while True:
            start = self._buf.find(MAGIC)
            if start < 0:
                keep = 1 if self._buf.endswith(MAGIC[:1]) else 0
                self.dropped += len(self._buf) - keep
                del self._buf[:len(self._buf) - keep]
                break
            if start:
                self.dropped += start
                del self._buf[:start]
            if len(self._buf) < HEADER_LEN:
                break
            total = HEADER_LEN + self._buf[11] + TRAILER_LEN
            if len(self._buf) < total:
                break
            raw = bytes(self._buf[:total])
            del self._buf[:total]
            self._last_chunk = b""
            frames.append(parse(raw))
        return frames
