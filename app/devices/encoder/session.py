"""One card on one encoder for the length of one operation: checks the family,
authenticates sectors once each (a refused key halts the card, so it is re-selected
before the next try), and writes blocks with a read-back comparison.

Key choice: the key most likely to open a sector is tried first — what the encoder
remembers for this card and sector (:mod:`.keyhints`), else what opened another sector
of the same group in this operation, else what is known of the group's other sectors (the
layout's sectors are keyed together; the others usually keep transport keys), else the
default transport key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.encoder import classic
from app.devices.encoder.base import CardFamily, CardInfo, Encoder
from app.devices.encoder.errors import (
    LINK_LOST,
    NO_CARD,
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
        raise encoder_error(NO_CARD, "no card on the encoder")
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


def _layout_sectors(layout: Layout, card: CardInfo) -> frozenset[int]:
    if not card.family.is_classic or not layout.classic_blocks:
        return frozenset()
    return frozenset(layout.sectors())


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
        self.hints = enc.key_hints
        self._ours = _layout_sectors(layout, card)
        self._last: dict[bool, str] = {}  # in layout sectors? → the label that last worked
        self.done = 0  # steps of the running operation written and verified
        self.touched = False  # a write was sent (it may have landed, even half)
        # The block being written and how far it got: "sent" (the card may hold it whole,
        # half or not at all), "confirmed" (the card acknowledged it; not yet read back).
        self.writing: tuple[int, str] | None = None
        self.read_back: dict[int, bytes] = {}  # block/page -> what the card returned

    def reselect(self) -> None:
        again = self.enc.select()
        if again is None:
            raise encoder_error(LINK_LOST, "the card was taken off the encoder")
        if again.uid != self.card.uid:
            raise encoder_error(LINK_LOST, "a different card was placed on the encoder")
        self._halted = False
        self.sector = None

    def keys(self, sector: int) -> list[Key]:
        """Every key we hold for ``sector``: the site's key for this card, then defaults."""
        keys: list[Key] = []
        if self.site_key is not None:
            key_a, _ = self.layout.sector_keys(self.site_key, self.card.uid, sector)
            keys.append(Key("site", "A", key_a))
        keys += [
            Key(n, "A", k) for n, k in zip(DEFAULT_LABELS, classic.WELL_KNOWN_KEYS, strict=True)
        ]
        return keys

    def guess(self, sector: int) -> str:
        """The label of the key most likely to open ``sector`` (see the module doc)."""
        known = self.hints.of(self.card.uid)
        if sector in known:
            return known[sector]
        group = sector in self._ours
        if group in self._last:
            # What opened a sibling sector in this operation — not what we wrote into a
            # sibling's trailer since (a blank card's next sector still has transport keys).
            return self._last[group]
        same_group = [label for s, label in known.items() if (s in self._ours) == group]
        return same_group[-1] if same_group else "default"

    def candidates(self, sector: int) -> list[Key]:
        guess = self.guess(sector)
        return sorted(self.keys(sector), key=lambda k: k.label != guess)  # stable

    def try_auth(self, sector: int) -> str | None:
        """Authenticate ``sector`` (once per session); the key's label, or None."""
        if self.sector == sector:
            return self.key_label
        block = classic.first_block(sector)
        for key in self.candidates(sector):
            if self._halted:
                self.reselect()
            if self.enc.mifare_auth(block, key.type, key.value, self.card.uid):
                self.sector, self.key_label = sector, key.label
                self._last[sector in self._ours] = key.label
                self.hints.learn(self.card.uid, sector, key.label)
                return key.label
            self._halted = True
            self.sector = None
            if self.hints.of(self.card.uid).get(sector) == key.label:
                self.hints.forget(self.card.uid, sector)  # stale (wiped or re-keyed elsewhere)
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
        self.writing = (block, "sent")
        self.enc.mifare_write(block, data)
        self.writing = (block, "confirmed")
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
        self.writing = None
        self.read_back[block] = back
        if classic.is_trailer(block):
            self._learn_new_key(classic.sector_of(block), data[:6])

    def _learn_new_key(self, sector: int, key_a: bytes) -> None:
        """After a trailer write, the sector opens with the key just written."""
        label = next((k.label for k in self.keys(sector) if k.value == key_a), None)
        if label is None:
            self.hints.forget(self.card.uid, sector)
        else:
            self.hints.learn(self.card.uid, sector, label)

    def ul_write_verified(self, page: int, data: bytes) -> None:
        """Write 4 pages (16 bytes) and compare them with one read."""
        self.touched = True
        self.writing = (page, "sent")
        for i in range(4):
            self.enc.ultralight_write(page + i, data[i * 4 : i * 4 + 4])
        self.writing = (page, "confirmed")
        back = self.enc.mifare_read(page)
        if back != data:
            raise encoder_error(VERIFY_FAILED, f"pages {page}-{page + 3} read back differently")
        self.writing = None
        self.read_back[page] = back
