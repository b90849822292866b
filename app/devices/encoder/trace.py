"""Serial trace: a hex log of every byte in and out, for support.

Kept in a bounded in-memory buffer (the UI can show it) and, when a path is given,
appended to a plain text file. Card keys travel in three places: MIFARE authenticate
frames, sector-trailer WRITE frames (new key A and key B) and the chip's answer to a
sector-trailer READ. Their key bytes are masked (``EE``) before anything is written:
support never needs them, the access bits stay visible. The trace is for humans, so a
masked frame keeps no valid checksum: its DCS is masked too (it would leak the key sum).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path

MASK = 0xEE
IN_DATA_EXCHANGE = b"\xd4\x40"  # TFI host->chip + InDataExchange
IN_DATA_EXCHANGE_REPLY = b"\xd5\x41"
AUTH_A, AUTH_B, READ, WRITE = 0x60, 0x61, 0x30, 0xA0
KEY_A = range(0, 6)  # offsets inside a 16-byte sector trailer
KEY_B = range(10, 16)
RX_KEEP = 64  # chip bytes kept to find a reply split over reads (a reply is <= 28 bytes)


def hexdump(data: bytes) -> str:
    return data.hex(" ").upper()


def is_trailer_block(block: int) -> bool:
    """Classic 1K/Mini/4K: blocks 0-127 in sectors of 4, blocks 128-255 in sectors of 16."""
    return block % 4 == 3 if block < 128 else block % 16 == 15


class SerialTrace:
    def __init__(self, path: Path | None = None, keep: int = 2000) -> None:
        self.path = path
        self.lines: deque[str] = deque(maxlen=keep)
        self._lock = threading.Lock()
        self._t0 = time.monotonic()
        self._replies = _ReplyMasker()

    def record(self, direction: str, data: bytes, note: str = "") -> None:
        """``direction`` is ``>`` (host to encoder) or ``<`` (encoder to host)."""
        if not data:
            return
        stamp = f"{time.monotonic() - self._t0:10.4f}"
        with self._lock:
            if direction == ">":
                shown = mask_keys(data)
                self._replies.host_sent(data)
            else:
                shown = self._replies.chip_sent(data)
            if shown != data:
                note = f"{note}, keys masked" if note else "keys masked"
            line = f"{stamp} {direction} {hexdump(shown)}"
            if note:
                line += f"  # {note}"
            self.lines.append(line)
            if self.path is not None:
                with self.path.open("a", encoding="ascii") as fh:
                    fh.write(line + "\n")

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.lines)


def mask_keys(data: bytes) -> bytes:
    """Hide the keys in host frames: authenticate (6-byte key) and trailer WRITE (key A and
    key B). Works on truncated or damaged frames too: checksums are never consulted."""
    # Normal frame: 00 00 FF LEN LCS D4 40 Tg CMD BLK PARAMS... DCS 00
    # The link writes one frame at a time, so the first D4 40 is its header (a later one
    # would be block data).
    i = data.find(IN_DATA_EXCHANGE)
    if i < 0 or i + 4 >= len(data):
        return data
    out = bytearray(data)
    cmd, block, params = data[i + 3], data[i + 4], i + 5
    if cmd in (AUTH_A, AUTH_B):
        _mask(out, params, KEY_A)
    elif cmd == WRITE and is_trailer_block(block):
        _mask(out, params, KEY_A)
        _mask(out, params, KEY_B)
    else:
        return data
    _mask_dcs(out, i)
    return bytes(out)


class _ReplyMasker:
    """Masks the chip's answer to a sector-trailer READ. Replies arrive in arbitrary
    pieces, so the bytes since the host's last command are kept and masked as a whole;
    each piece is shown as the matching tail of that masked whole."""

    def __init__(self) -> None:
        self._armed = False  # the last command read a sector trailer
        self._rx = bytearray()

    def host_sent(self, data: bytes) -> None:
        command = _last_exchange(data)
        if command is None:
            return  # ACK/NACK/wake-up: a NACK makes the chip resend the same reply
        self._armed = command[0] == READ and is_trailer_block(command[1])
        self._rx.clear()

    def chip_sent(self, data: bytes) -> bytes:
        if not self._armed:
            return data
        self._rx += data
        masked = _mask_trailer_replies(bytes(self._rx))
        shown = masked[-len(data) :]
        if len(self._rx) > RX_KEEP:
            del self._rx[: len(self._rx) - RX_KEEP]
        return shown


def _mask_trailer_replies(data: bytes) -> bytes:
    # Reply frame: 00 00 FF LEN LCS D5 41 STATUS DATA(16) DCS 00
    out = bytearray(data)
    for i in _find_all(data, IN_DATA_EXCHANGE_REPLY):
        status_at = i + 2
        if status_at >= len(data) or data[status_at] & 0x3F:
            continue  # no status yet (it comes in a later piece) or an error: no data
        _mask(out, status_at + 1, KEY_A)
        _mask(out, status_at + 1, KEY_B)
        _mask_dcs(out, i)
    return bytes(out)


def _last_exchange(data: bytes) -> tuple[int, int] | None:
    """(card command, block) of the InDataExchange in a host write, if any."""
    i = data.find(IN_DATA_EXCHANGE)
    if i >= 0 and i + 4 < len(data):
        return data[i + 3], data[i + 4]
    if data.find(b"\xd4") >= 0:
        return (-1, -1)  # another command: whatever answers next is no trailer
    return None


def _find_all(data: bytes, needle: bytes) -> list[int]:
    found, i = [], data.find(needle)
    while i >= 0:
        found.append(i)
        i = data.find(needle, i + 1)
    return found


def _mask(out: bytearray, base: int, offsets: range) -> None:
    for k in offsets:
        if base + k < len(out):
            out[base + k] = MASK


def _mask_dcs(out: bytearray, tfi_at: int) -> None:
    """Mask a normal frame's data checksum (found from its LEN byte, when present)."""
    if tfi_at >= 3 and out[tfi_at - 3] == 0xFF:
        dcs_at = tfi_at + out[tfi_at - 2]
        if dcs_at < len(out):
            out[dcs_at] = MASK
