"""Virtual cards: MIFARE Classic 1K/4K/Mini with real keys and access-bit enforcement,
Ultralight/NTAG213, and a DESFire-like ISO 14443-4 card that refuses MIFARE commands.

Each card answers the MIFARE command inside an InDataExchange with (status, data) and
adds its own modelled time (datasheet figures) to the simulator's clock.
"""

from __future__ import annotations

import os

from app.devices.encoder import classic
from app.devices.encoder.base import CardFamily

OK, TIMEOUT, AUTH_ERROR, WRONG_COMMAND = 0x00, 0x01, 0x14, 0x27
T_SELECT, T_AUTH, T_READ, T_WRITE = 0.0025, 0.002, 0.0025, 0.0055


class VirtualCard:
    family: CardFamily
    atqa: bytes
    sak: int

    def __init__(self, uid: bytes) -> None:
        self.uid = uid
        self.present = True

    def on_select(self) -> None:
        """REQA/WUPA + anticollision + select (wakes a halted card)."""

    def command(self, data: bytes) -> tuple[int, bytes, float]:
        """A card command → (PN532 status, response data, modelled seconds)."""
        return WRONG_COMMAND, b"", 0.001

    def alter(self, block: int, offset: int, xor: int) -> None:
        raise ValueError("this card has no writable memory")


class VirtualClassic(VirtualCard):
    def __init__(self, uid: bytes, family: CardFamily = CardFamily.CLASSIC_1K) -> None:
        super().__init__(uid)
        self.family = family
        self.sak = {CardFamily.CLASSIC_4K: 0x18, CardFamily.CLASSIC_MINI: 0x09}.get(family, 0x08)
        self.atqa = b"\x00\x02" if family == CardFamily.CLASSIC_4K else b"\x00\x04"
        sectors = classic.sector_count(family)
        n_blocks = classic.first_block(sectors - 1) + classic.blocks_in(sectors - 1)
        self.blocks = [bytearray(16) for _ in range(n_blocks)]
        bcc = uid[0] ^ uid[1] ^ uid[2] ^ uid[3]
        self.blocks[0][:] = uid + bytes([bcc, self.sak]) + self.atqa[::-1] + bytes(8)
        for s in range(sectors):
            self.blocks[classic.trailer_of(s)][:] = classic.transport_trailer()
        self.locked: set[int] = set()  # sectors with corrupted access bits: dead for good
        self.auth: tuple[int, str] | None = None  # (sector, key type)
        self.halted = False
        self.forced_auth_failures = 0
        self.writes = 0

    def on_select(self) -> None:
        self.halted = False
        self.auth = None

    def _conds(self, sector: int) -> list[classic.Cond] | None:
        if sector in self.locked:
            return None
        try:
            return classic.decode_access(bytes(self.blocks[classic.trailer_of(sector)][6:9]))
        except classic.AccessBitsError:
            return None

    def command(self, data: bytes) -> tuple[int, bytes, float]:
        if self.halted or not self.present:
            return TIMEOUT, b"", 0.005
        op = data[0]
        if op in (0x60, 0x61) and len(data) >= 12:
            return self._authenticate(op, data[1], data[2:8], data[8:12])
        if op == 0x30 and len(data) == 2:
            return self._read(data[1])
        if op == 0xA0 and len(data) == 18:
            return self._write(data[1], data[2:18])
        return WRONG_COMMAND, b"", 0.001

    def _halt(self) -> tuple[int, bytes, float]:
        self.halted, self.auth = True, None
        return AUTH_ERROR, b"", T_AUTH

    def _authenticate(self, op: int, block: int, key: bytes, uid4: bytes):
        if block >= len(self.blocks) or uid4 != self.uid[-4:]:
            return self._halt()
        sector = classic.sector_of(block)
        trailer = self.blocks[classic.trailer_of(sector)]
        stored = bytes(trailer[0:6] if op == 0x60 else trailer[10:16])
        if self.forced_auth_failures > 0:
            self.forced_auth_failures -= 1
            return self._halt()
        if key != stored:
            return self._halt()
        self.auth = (sector, "A" if op == 0x60 else "B")
        return OK, b"", T_AUTH

    def _allowed(self, block: int, op: str) -> bool:
        if self.auth is None or block >= len(self.blocks):
            return False
        sector, key_type = self.auth
        if classic.sector_of(block) != sector:
            return False
        conds = self._conds(sector)
        if conds is None:
            return False
        group = classic.group_of(block)
        if group == 3:
            return True  # trailer parts are checked one by one
        return classic.data_allows(conds[group], conds[3], op, key_type)

    def _read(self, block: int) -> tuple[int, bytes, float]:
        if not self._allowed(block, "r"):
            return self._halt()
        data = bytearray(self.blocks[block])
        if classic.is_trailer(block):
            tc = self._conds(classic.sector_of(block))[3]  # type: ignore[index]
            key_type = self.auth[1]  # type: ignore[index]
            data[0:6] = bytes(6)  # key A is never readable
            if not classic.trailer_allows(tc, "ra", key_type):
                data[6:10] = bytes(4)
            if not classic.trailer_allows(tc, "rb", key_type):
                data[10:16] = bytes(6)
        return OK, bytes(data), T_READ

    def _write(self, block: int, data: bytes) -> tuple[int, bytes, float]:
        if block == 0 or not self._allowed(block, "w"):
            return self._halt()
        self.writes += 1
        if not classic.is_trailer(block):
            self.blocks[block][:] = data
            return OK, b"", T_WRITE
        sector = classic.sector_of(block)
        tc = self._conds(sector)[3]  # type: ignore[index]
        key_type = self.auth[1]  # type: ignore[index]
        cur = self.blocks[block]
        if classic.trailer_allows(tc, "wa", key_type):
            cur[0:6] = data[0:6]
        if classic.trailer_allows(tc, "wacc", key_type):
            cur[6:10] = data[6:10]
            try:
                classic.decode_access(bytes(data[6:9]))
            except classic.AccessBitsError:
                self.locked.add(sector)  # what a real card does: the sector is gone
        if classic.trailer_allows(tc, "wb", key_type):
            cur[10:16] = data[10:16]
        return OK, b"", T_WRITE

    def tear(self, block: int, data: bytes) -> None:
        """A write cut short by the card leaving the field: half the block lands."""
        if 0 < block < len(self.blocks) and not classic.is_trailer(block):
            self.blocks[block][:8] = data[:8]

    def alter(self, block: int, offset: int, xor: int = 0x01) -> None:
        self.blocks[block][offset] ^= xor


class VirtualUltralight(VirtualCard):
    """NTAG213: 45 pages of 4 bytes; pages 4-39 are user memory."""

    family = CardFamily.ULTRALIGHT
    atqa = b"\x00\x44"
    sak = 0x00

    def __init__(self, uid: bytes) -> None:
        super().__init__(uid)
        self.pages = [bytearray(4) for _ in range(45)]
        self.pages[0][:] = uid[0:3] + bytes([0x88 ^ uid[0] ^ uid[1] ^ uid[2]])
        self.pages[1][:] = uid[3:7]
        self.pages[2][:] = bytes([uid[3] ^ uid[4] ^ uid[5] ^ uid[6], 0x48, 0, 0])
        self.pages[3][:] = b"\xe1\x10\x12\x00"
        self.halted = False
        self.writes = 0

    def on_select(self) -> None:
        self.halted = False

    def command(self, data: bytes) -> tuple[int, bytes, float]:
        if self.halted or not self.present:
            return TIMEOUT, b"", 0.005
        if data[0] == 0x30 and len(data) == 2 and data[1] < len(self.pages):
            out = b"".join(bytes(self.pages[(data[1] + i) % len(self.pages)]) for i in range(4))
            return OK, out, T_READ
        if data[0] == 0xA2 and len(data) == 6 and 4 <= data[1] <= 39:
            self.pages[data[1]][:] = data[2:6]
            self.writes += 1
            return OK, b"", 0.0041
        self.halted = True
        return AUTH_ERROR, b"", 0.001

    def tear(self, page: int, data: bytes) -> None:
        pass  # a 4-byte page write is atomic on NTAG21x

    def alter(self, block: int, offset: int, xor: int = 0x01) -> None:
        """``block`` is a page here."""
        self.pages[block][offset] ^= xor


class VirtualIso4(VirtualCard):
    """DESFire-like: ISO 14443-4 (SAK 20), 7-byte UID, refuses MIFARE commands."""

    family = CardFamily.ISO14443_4
    atqa = b"\x03\x44"
    sak = 0x20


def make_card(kind: str, uid: bytes | None = None) -> VirtualCard:
    """``classic-1k``, ``classic-4k``, ``classic-mini``, ``ntag213`` or ``desfire``."""
    if kind in ("classic-1k", "classic-4k", "classic-mini"):
        return VirtualClassic(uid or b"\x04" + os.urandom(3), CardFamily(kind))
    if kind in ("ntag213", "ultralight"):
        return VirtualUltralight(uid or b"\x04" + os.urandom(6))
    if kind == "desfire":
        return VirtualIso4(uid or b"\x04" + os.urandom(6))
    raise ValueError(f"unknown card kind {kind!r}")


CARD_KINDS = ("classic-1k", "classic-4k", "classic-mini", "ntag213", "desfire")
