"""When the simulated PN532 wakes from power-down (UM0701 §7.2.11, and the encoder spec).

The chip starts asleep, and goes back to sleep on PowerDown. Bytes that reach it asleep
are lost, except that they wake it: a frame that arrives on a sleeping chip with no
wake-up before it only wakes the chip and is never answered. The wake-ups a host sends
are ``55 55 00 …`` (any ``55`` wakes it) or a long run of ``00`` — ten zero bytes and
then the frame, as nfcpy does. A frame's own preamble (``00 00 FF``) is too short to
count as one.
"""

from __future__ import annotations

LONG_ZERO_RUN = 8  # zero bytes in a row that wake the chip (a frame's preamble has 2-3)
WAKE_BYTE = 0x55


class WakeLine:
    def __init__(self) -> None:
        self.awake = False
        self._zeros = 0

    def split(self, data: bytes) -> tuple[bytes, bytes]:
        """(the bytes that arrived while asleep, the bytes from the moment it woke)."""
        if self.awake:
            return b"", data
        for i, byte in enumerate(data):
            if byte == 0x00:
                self._zeros += 1
            else:
                self._zeros = 0
            if byte == WAKE_BYTE or self._zeros >= LONG_ZERO_RUN:
                self.awake = True
                return data[: i + 1], data[i + 1 :]
        return data, b""

    def woken_by_frame(self) -> None:
        """A whole frame reached the sleeping chip: it woke, the frame is lost."""
        self.awake = True

    def sleep(self) -> None:
        self.awake = False
        self._zeros = 0
