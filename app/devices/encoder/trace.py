"""Serial trace: a hex log of every byte in and out, for support.

Kept in a bounded in-memory buffer (the UI can show it) and, when a path is given,
appended to a plain text file. Card keys travel inside authenticate frames, so key bytes
are masked before anything is written (support never needs them).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path


def hexdump(data: bytes) -> str:
    return data.hex(" ").upper()


class SerialTrace:
    def __init__(self, path: Path | None = None, keep: int = 2000) -> None:
        self.path = path
        self.lines: deque[str] = deque(maxlen=keep)
        self._lock = threading.Lock()
        self._t0 = time.monotonic()

    def record(self, direction: str, data: bytes, note: str = "") -> None:
        """``direction`` is ``>`` (host to encoder) or ``<`` (encoder to host)."""
        if not data:
            return
        stamp = f"{time.monotonic() - self._t0:10.4f}"
        line = f"{stamp} {direction} {hexdump(mask_keys(data))}"
        if note:
            line += f"  # {note}"
        with self._lock:
            self.lines.append(line)
            if self.path is not None:
                with self.path.open("a", encoding="ascii") as fh:
                    fh.write(line + "\n")

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.lines)


def mask_keys(data: bytes) -> bytes:
    """Hide the 6-byte key of a MIFARE authenticate inside an InDataExchange frame."""
    # Normal frame: 00 00 FF LEN LCS D4 40 Tg 60|61 blk KEY(6) UID(4) DCS 00
    i = data.find(b"\xd4\x40")
    if i >= 0 and len(data) >= i + 11 and data[i + 3] in (0x60, 0x61):
        start = i + 5
        return data[:start] + b"\xee" * 6 + data[start + 6 :]
    return data
