"""One card on one encoder for the length of one operation: checks the family,
authenticates sectors once each (a refused key halts the card, so it is re-selected
before the next try), and writes blocks with a read-back comparison."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.encoder import classic
from app.devices.encoder.base import CardFamily, CardInfo, Encoder
from app.devices.encoder.errors import (
    LINK_LOST,
    READ_FAILED,
    UNKNOWN_CARD,
    VERIFY_FAILED,
    encoder_error,
)
from app.devices.encoder.layout import Layout


@dataclass(frozen=True)
class Key:
    label: str  # "site" or "default" / "mad" / ... (never the key bytes)
    type: str  # "A" or "B"
    value: bytes = field(repr=False)


DEFAULT_LABELS = ("default", "mad", "ndef", "zero")


def select_card(enc: Encoder, layout: Layout | None = None) -> CardInfo:
    """The card on the encoder, or 5311 when there is none / it cannot be used."""
    card = enc.select()
    if card is None:
        raise encoder_error(UNKNOWN_CARD, "no card on the encoder")
    if card.family == CardFamily.ISO14443_4:
        raise encoder_error(
            UNKNOWN_CARD,
            f"card {card.uid_hex} is an ISO 14443-4 card (DESFire, bank or ID card): this "
            "encoder cannot write it; use a MIFARE Classic or Ultralight/NTAG hotel card",
        )
    if card.family == CardFamily.UNKNOWN:
        raise encoder_error(UNKNOWN_CARD, f"card type not recognised (SAK {card.sak:02X})")
    if layout is not None and card.family.value not in layout.families:
        raise encoder_error(
            UNKNOWN_CARD, f"the {layout.name} layout does not support {card.family.value} cards"
        )
    return card


class CardSession:
    def __init__(
        self, enc: Encoder, card: CardInfo, layout: Layout, site_key: bytes | None
    ) -> None:
        self.enc = enc
        self.card = card
        self.layout = layout
        self.site_key = site_key
        self.sector: int | None = None
        self.key_label = ""
        self._halted = False
        self._preferred = "default"
        self.done = 0  # steps of the running operation written and verified
        self.touched = False  # a write was sent (it may have landed, even half)

    def reselect(self) -> None:
        again = self.enc.select()
        if again is None:
            raise encoder_error(LINK_LOST, "the card was taken off the encoder")
        if again.uid != self.card.uid:
            raise encoder_error(LINK_LOST, "a different card was placed on the encoder")
        self._halted = False
        self.sector = None

    def candidates(self, sector: int) -> list[Key]:
        keys: list[Key] = []
        if self.site_key is not None:
            key_a, _ = self.layout.sector_keys(self.site_key, self.card.uid, sector)
            keys.append(Key("site", "A", key_a))
        keys += [
            Key(n, "A", k) for n, k in zip(DEFAULT_LABELS, classic.WELL_KNOWN_KEYS, strict=True)
        ]
        # The key that opened the previous sector most likely opens this one too.
        keys.sort(key=lambda k: k.label != self._preferred)
        return keys

    def try_auth(self, sector: int) -> str | None:
        """Authenticate ``sector`` (once per session); the key's label, or None."""
        if self.sector == sector:
            return self.key_label
        block = classic.first_block(sector)
        for key in self.candidates(sector):
            if self._halted:
                self.reselect()
            if self.enc.mifare_auth(block, key.type, key.value, self.card.uid):
                self.sector, self.key_label, self._preferred = sector, key.label, key.label
                return key.label
            self._halted = True
            self.sector = None
        return None

    def auth(self, sector: int) -> str:
        label = self.try_auth(sector)
        if label is None:
            raise encoder_error(
                READ_FAILED,
                f"sector {sector}: none of our keys opens it (a card of another system or "
                "another site?)",
            )
        return label

    def read(self, block: int) -> bytes:
        self.auth(classic.sector_of(block))
        return self.enc.mifare_read(block)

    def write_verified(self, block: int, data: bytes) -> None:
        """Write then read back; 5309 when the card holds something else."""
        self.auth(classic.sector_of(block))
        self.touched = True
        self.enc.mifare_write(block, data)
        back = self.enc.mifare_read(block)
        if classic.is_trailer(block):
            # Key A always reads as zeros; key B only when the access bits say so.
            same = back[6:10] == data[6:10]
            conds = classic.decode_access(data[6:9])
            if classic.key_b_readable(conds[3]):
                same = same and back[10:] == data[10:]
        else:
            same = back == data
        if not same:
            raise encoder_error(
                VERIFY_FAILED, f"block {block} reads back differently from what was written"
            )

    def ul_write_verified(self, page: int, data: bytes) -> None:
        """Write 4 pages (16 bytes) and compare them with one read."""
        self.touched = True
        for i in range(4):
            self.enc.ultralight_write(page + i, data[i * 4 : i * 4 + 4])
        if self.enc.mifare_read(page) != data:
            raise encoder_error(VERIFY_FAILED, f"pages {page}-{page + 3} read back differently")
