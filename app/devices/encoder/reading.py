"""``read``: every sector we can open (default keys, then the site's keys), its access
bits decoded, Ultralight pages, and the layout's issuance verified (valid or why not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.devices.encoder import classic
from app.devices.encoder.base import CardFamily, CardInfo, Encoder
from app.devices.encoder.layout import Decoded, Layout
from app.devices.encoder.session import CardSession, select_card
from app.runtime.device_thread import JobContext


@dataclass
class CardRead:
    card: CardInfo
    decoded: Decoded
    sectors: list[dict[str, Any]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "operation": "read",
            "card": self.card.to_dict(),
            **self.decoded.to_dict(),
            "sectors": self.sectors,
            "pages": self.pages,
        }


def read_card(
    enc: Encoder,
    ctx: JobContext,
    layout: Layout,
    site_key: bytes | None,
    *,
    full: bool = True,
) -> CardRead:
    """Read the card; ``full=False`` reads only the layout's sectors/pages (faster)."""
    card = select_card(enc)
    session = CardSession(enc, card, layout, site_key)
    if card.family == CardFamily.ULTRALIGHT:
        return _read_ultralight(session, ctx, layout, site_key, full)
    if card.family.value not in layout.families:
        return CardRead(card, Decoded(False, f"{layout.name} does not use this card type"))
    wanted = list(range(classic.sector_count(card.family))) if full else sorted(layout.sectors())
    blocks: dict[int, bytes] = {}
    sectors: list[dict[str, Any]] = []
    for n, sector in enumerate(wanted):
        ctx.check()
        ctx.progress(n / len(wanted), f"read: sector {sector}")
        label = session.try_auth(sector)
        if label is None:
            sectors.append({"sector": sector, "readable": False})
            continue
        first = classic.first_block(sector)
        data = [enc.mifare_read(b) for b in range(first, first + classic.blocks_in(sector))]
        for i, d in enumerate(data):
            blocks[first + i] = d
        trailer = data[-1]
        sectors.append(
            {
                "sector": sector,
                "readable": True,
                "key": label,
                "blocks": [d.hex().upper() for d in data[:-1]] + [_masked_trailer(trailer)],
                "access_bits": trailer[6:9].hex().upper(),
                "access": classic.describe_access(trailer[6:9]),
            }
        )
    ctx.progress(1.0, "read: done")
    layout_blocks = [blocks.get(layout.physical(i)) for i in range(len(layout.blocks))]
    if any(b is None for b in layout_blocks):
        decoded = Decoded(False, "the layout's sectors cannot be opened with our keys")
    else:
        decoded = layout.unpack([b for b in layout_blocks if b is not None], card.uid, site_key)
    return CardRead(card, decoded, sectors)


def _masked_trailer(trailer: bytes) -> str:
    """Key B reads back when the access bits allow it; a site key never goes in output."""
    text = trailer.hex().upper()
    if trailer[10:] not in (b"\xff" * 6, bytes(6)):
        text = text[:20] + "*" * 12
    return text


def _read_ultralight(
    session: CardSession, ctx: JobContext, layout: Layout, site_key: bytes | None, full: bool
) -> CardRead:
    enc, card = session.enc, session.card
    head = enc.mifare_read(0)  # pages 0-3: UID, lock bytes, capability container
    cc = head[12:16]
    user_pages = cc[2] * 2 if cc[0] == 0xE1 else 12
    first = layout.ul_first_page or 4
    last = 4 + user_pages if full else first + layout.ul_pages()
    data = bytearray(head)
    for page in range(4, last, 4):
        ctx.check()
        ctx.progress(page / last, f"read: page {page}")
        data += enc.mifare_read(page)
    pages = [data[i : i + 4].hex().upper() for i in range(0, min(len(data), last * 4), 4)]
    start = first * 4
    raw = bytes(data[start : start + layout.ul_pages() * 4])
    if len(raw) < layout.ul_pages() * 4:
        decoded = Decoded(False, "card too small for the layout")
    else:
        chunks = [raw[i : i + 16] for i in range(0, len(raw), 16)]
        decoded = layout.unpack(chunks, card.uid, site_key)
    ctx.progress(1.0, "read: done")
    return CardRead(card, decoded, pages=pages)
