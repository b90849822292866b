"""The encoder interface every driver implements, and what a card looks like to it.

Card operations (:mod:`app.devices.encoder.operations`) only use this interface, so a new
encoder (a vendor's USB encoder with its own protocol) gets issue/read/wipe for free once
it can select a card and read/write MIFARE blocks and Ultralight pages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from app.devices.encoder.keyhints import KeyHints
from app.devices.encoder.link import LinkStats, Opener, Timeouts
from app.devices.encoder.trace import SerialTrace


class CardFamily(StrEnum):
    CLASSIC_1K = "classic-1k"
    CLASSIC_4K = "classic-4k"
    CLASSIC_MINI = "classic-mini"
    ULTRALIGHT = "ultralight"  # Ultralight and NTAG21x
    ISO14443_4 = "iso14443-4"  # DESFire, bank cards: not writable here
    UNKNOWN = "unknown"

    @property
    def is_classic(self) -> bool:
        return self in (CardFamily.CLASSIC_1K, CardFamily.CLASSIC_4K, CardFamily.CLASSIC_MINI)


def family_from_sak(sak: int) -> CardFamily:
    """SAK → family (NXP AN10833). Bit 0x20 means ISO 14443-4 whatever else is set."""
    if sak & 0x20:
        return CardFamily.ISO14443_4
    return {
        0x08: CardFamily.CLASSIC_1K,
        0x88: CardFamily.CLASSIC_1K,
        0x18: CardFamily.CLASSIC_4K,
        0x09: CardFamily.CLASSIC_MINI,
        0x00: CardFamily.ULTRALIGHT,
    }.get(sak, CardFamily.UNKNOWN)


@dataclass(frozen=True)
class CardInfo:
    uid: bytes
    atqa: bytes
    sak: int
    family: CardFamily
    target: int = 1

    @property
    def uid_hex(self) -> str:
        return self.uid.hex().upper()

    def to_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid_hex,
            "atqa": self.atqa.hex().upper(),
            "sak": f"{self.sak:02X}",
            "family": self.family.value,
        }


class Encoder(ABC):
    """One encoder on one port. Used only from its device thread, except :meth:`cancel`."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    @classmethod
    @abstractmethod
    def open(
        cls,
        url: str,
        *,
        timeouts: Timeouts | None = None,
        trace: SerialTrace | None = None,
        opener: Opener | None = None,
    ) -> Encoder:
        """Open the port, wake the chip and check it answers; KeyDeskError 5310/5305."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def cancel(self) -> None:
        """Break the running command (from any thread)."""

    @abstractmethod
    def clear_cancel(self) -> None: ...

    @property
    @abstractmethod
    def stats(self) -> LinkStats: ...

    @property
    @abstractmethod
    def firmware(self) -> str: ...

    @property
    def key_hints(self) -> KeyHints:
        """Which key label opened which sector of the cards seen on this encoder."""
        hints = self.__dict__.get("_key_hints")
        if hints is None:
            hints = self.__dict__["_key_hints"] = KeyHints()
        return hints

    @property
    def port_alive(self) -> bool:
        """False once the port itself failed (unplugged): the encoder must be reopened."""
        return True

    @abstractmethod
    def select(self) -> CardInfo | None:
        """The card in the field, activated; None when there is none."""

    @abstractmethod
    def release(self) -> None: ...

    @abstractmethod
    def mifare_auth(self, block: int, key_type: str, key: bytes, uid: bytes) -> bool:
        """Authenticate a Classic sector. False when refused (the card must be re-selected)."""

    @abstractmethod
    def mifare_read(self, block: int) -> bytes:
        """16 bytes: a Classic block, or 4 Ultralight pages starting at ``block``."""

    @abstractmethod
    def mifare_write(self, block: int, data: bytes) -> None: ...

    @abstractmethod
    def ultralight_write(self, page: int, data: bytes) -> None: ...
