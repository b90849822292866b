"""The PN532 HSU driver (NXP UM0701): wake-up, SAM configuration, target selection and
MIFARE Classic / Ultralight commands through InDataExchange."""

from __future__ import annotations

from typing import ClassVar

from app.devices.encoder import frames
from app.devices.encoder.base import CardInfo, Encoder, family_from_sak
from app.devices.encoder.errors import (
    LINK_LOST,
    NO_ANSWER,
    NO_CARD,
    PORT_FAILED,
    READ_FAILED,
    UNKNOWN_CARD,
    encoder_error,
)
from app.devices.encoder.link import Link, LinkStats, Opener, Timeouts, open_port
from app.devices.encoder.trace import SerialTrace
from app.domain.errors import KeyDeskError

GET_FIRMWARE_VERSION = 0x02
SAM_CONFIGURATION = 0x14
RF_CONFIGURATION = 0x32
IN_LIST_PASSIVE_TARGET = 0x4A
IN_DATA_EXCHANGE = 0x40
IN_RELEASE = 0x52

MIFARE_AUTH_A = 0x60
MIFARE_AUTH_B = 0x61
MIFARE_READ = 0x30
MIFARE_WRITE = 0xA0
ULTRALIGHT_WRITE = 0xA2

# InDataExchange status byte (UM0701 table 7-1), lower 6 bits.
STATUS_TEXT = {
    0x01: "the card did not answer",
    0x02: "CRC error from the card",
    0x03: "parity error from the card",
    0x13: "data format error",
    0x14: "MIFARE authentication error",
    0x27: "command not supported by this card",
    0x29: "the card was released",
}
CARD_GONE = {0x01, 0x29, 0x0A}


class Pn532(Encoder):
    name: ClassVar[str] = "pn532"
    description: ClassVar[str] = "NXP PN532 over a USB-serial bridge (HSU, 115200 8N1)"

    def __init__(self, link: Link) -> None:
        self.link = link
        self._firmware = ""
        self._target: CardInfo | None = None

    @classmethod
    def open(
        cls,
        url: str,
        *,
        timeouts: Timeouts | None = None,
        trace: SerialTrace | None = None,
        opener: Opener | None = None,
    ) -> Pn532:
        link = Link(open_port(url, opener), timeouts=timeouts, trace=trace)
        enc = cls(link)
        try:
            enc.wake()
        except KeyDeskError as err:
            link.close()
            if err.code == LINK_LOST and link.broken:  # closed at once: port held elsewhere
                raise encoder_error(
                    PORT_FAILED, f"encoder port {url} closed as soon as it opened (busy?)"
                ) from None
            raise
        except BaseException:
            link.close()
            raise
        return enc

    def wake(self) -> None:
        """Wake the chip, check it is a PN532, leave the SAM in normal mode."""
        self.link.write(frames.WAKE_UP, "wake-up")
        self.link.drain()
        try:
            self.link.command(bytes([SAM_CONFIGURATION, 0x01, 0x14, 0x00]))
        except KeyDeskError as err:
            if err.code == NO_ANSWER:
                raise encoder_error(
                    NO_ANSWER, f"no PN532 answered on this port ({err.detail})"
                ) from None
            raise
        ic, ver, rev, _support = self._checked(
            self.link.command(bytes([GET_FIRMWARE_VERSION])), 4, "firmware version"
        )
        if ic != 0x32:
            raise encoder_error(NO_ANSWER, f"the device on this port is not a PN532 (IC {ic:02X})")
        self._firmware = f"PN5{ic:02X} v{ver}.{rev}"
        # MxRtyPassiveActivation=2: InListPassiveTarget returns at once when no card is there.
        self.link.command(bytes([RF_CONFIGURATION, 0x05, 0xFF, 0x01, 0x02]))

    @staticmethod
    def _checked(data: bytes, n: int, what: str) -> bytes:
        if len(data) < n:
            raise encoder_error(NO_ANSWER, f"short {what} answer ({len(data)} bytes)")
        return data

    # -- Encoder interface -----------------------------------------------------------
    def close(self) -> None:
        self.link.close()

    def cancel(self) -> None:
        self.link.cancel()

    def clear_cancel(self) -> None:
        self.link.clear_cancel()

    @property
    def stats(self) -> LinkStats:
        return self.link.stats

    @property
    def firmware(self) -> str:
        return self._firmware

    @property
    def port_alive(self) -> bool:
        return not self.link.broken

    def select(self) -> CardInfo | None:
        data = self.link.command(bytes([IN_LIST_PASSIVE_TARGET, 0x01, 0x00]))
        if not data or data[0] == 0:
            self._target = None
            return None
        # NbTg, Tg, SENS_RES(2), SEL_RES, NFCIDLength, NFCID...
        if len(data) < 6 or len(data) < 6 + data[5]:
            raise encoder_error(UNKNOWN_CARD, f"garbled card selection answer {data.hex()}")
        uid = bytes(data[6 : 6 + data[5]])
        if len(uid) not in (4, 7, 10):
            raise encoder_error(UNKNOWN_CARD, f"card UID of unexpected length {len(uid)}")
        self._target = CardInfo(uid, bytes(data[2:4]), data[4], family_from_sak(data[4]), data[1])
        return self._target

    def release(self) -> None:
        if self._target is not None:
            self.link.command(bytes([IN_RELEASE, self._target.target]))
            self._target = None

    def _exchange(self, card_cmd: bytes) -> tuple[int, bytes]:
        if self._target is None:
            raise encoder_error(NO_CARD, "no card is selected on the encoder")
        data = self.link.command(bytes([IN_DATA_EXCHANGE, self._target.target]) + card_cmd)
        if not data:
            raise encoder_error(NO_ANSWER, "empty InDataExchange answer")
        return data[0] & 0x3F, bytes(data[1:])

    def _fail(self, status: int, what: str) -> KeyDeskError:
        text = STATUS_TEXT.get(status, f"status {status:02X}")
        if status in CARD_GONE:
            self._target = None
            return encoder_error(LINK_LOST, f"{what}: {text} (card moved away?)")
        if status == 0x27:
            return encoder_error(UNKNOWN_CARD, f"{what}: {text}")
        return encoder_error(READ_FAILED, f"{what}: {text}")

    def mifare_auth(self, block: int, key_type: str, key: bytes, uid: bytes) -> bool:
        cmd = MIFARE_AUTH_A if key_type == "A" else MIFARE_AUTH_B
        status, _ = self._exchange(bytes([cmd, block]) + key + uid[-4:])
        if status == 0x14:
            return False  # the card halts: the caller re-selects before the next try
        if status:
            raise self._fail(status, f"authenticating block {block}")
        return True

    def mifare_read(self, block: int) -> bytes:
        status, data = self._exchange(bytes([MIFARE_READ, block]))
        if status:
            raise self._fail(status, f"reading block {block}")
        if len(data) != 16:
            raise encoder_error(READ_FAILED, f"block {block} read returned {len(data)} bytes")
        return data

    def mifare_write(self, block: int, data: bytes) -> None:
        if len(data) != 16:
            raise ValueError("a MIFARE Classic block is 16 bytes")
        status, _ = self._exchange(bytes([MIFARE_WRITE, block]) + data)
        if status:
            raise self._fail(status, f"writing block {block}")

    def ultralight_write(self, page: int, data: bytes) -> None:
        if len(data) != 4:
            raise ValueError("an Ultralight page is 4 bytes")
        status, _ = self._exchange(bytes([ULTRALIGHT_WRITE, page]) + data)
        if status:
            raise self._fail(status, f"writing page {page}")
