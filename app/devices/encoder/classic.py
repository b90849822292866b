"""MIFARE Classic geometry and access bits (NXP MF1S50/MF1S70 datasheets, §8.6–8.7).

The access-condition tables are encoded here so that (1) the simulator enforces exactly
what a real card enforces and (2) a trailer is validated before it is ever written: a
wrong trailer locks a sector forever.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.devices.encoder.base import CardFamily

BLOCK = 16
DEFAULT_KEY = bytes.fromhex("FFFFFFFFFFFF")
TRANSPORT_ACCESS = bytes.fromhex("FF0780")  # data 000, trailer 001: key A does everything
TRANSPORT_USER_BYTE = 0x69
WELL_KNOWN_KEYS = [
    DEFAULT_KEY,
    bytes.fromhex("A0A1A2A3A4A5"),  # MAD key A
    bytes.fromhex("D3F7D3F7D3F7"),  # NDEF key A
    bytes.fromhex("000000000000"),
]

Cond = tuple[int, int, int]  # C1, C2, C3


class AccessBitsError(ValueError):
    pass


def sector_count(family: CardFamily) -> int:
    return {CardFamily.CLASSIC_4K: 40, CardFamily.CLASSIC_MINI: 5}.get(family, 16)


def first_block(sector: int) -> int:
    return sector * 4 if sector < 32 else 128 + (sector - 32) * 16


def blocks_in(sector: int) -> int:
    return 4 if sector < 32 else 16


def sector_of(block: int) -> int:
    return block // 4 if block < 128 else 32 + (block - 128) // 16


def trailer_of(sector: int) -> int:
    return first_block(sector) + blocks_in(sector) - 1


def is_trailer(block: int) -> bool:
    return block == trailer_of(sector_of(block))


def group_of(block: int) -> int:
    """Access-bit group (0..2 data, 3 trailer); big 4K sectors group 5 blocks per set."""
    sector = sector_of(block)
    offset = block - first_block(sector)
    if blocks_in(sector) == 4:
        return offset
    return 3 if offset == 15 else offset // 5


def encode_access(conds: list[Cond]) -> bytes:
    """Four (C1, C2, C3) groups → the three access bytes with their inverted copies."""
    if len(conds) != 4:
        raise ValueError("four access groups expected")
    c1 = sum(c[0] << i for i, c in enumerate(conds))
    c2 = sum(c[1] << i for i, c in enumerate(conds))
    c3 = sum(c[2] << i for i, c in enumerate(conds))
    b6 = ((~c2 & 0xF) << 4) | (~c1 & 0xF)
    b7 = (c1 << 4) | (~c3 & 0xF)
    b8 = (c3 << 4) | c2
    return bytes([b6, b7, b8])


def decode_access(access: bytes) -> list[Cond]:
    """Three access bytes → four groups; AccessBitsError when the inverted copies differ
    (a card that sees that blocks its sector permanently)."""
    b6, b7, b8 = access[0], access[1], access[2]
    c1, c2, c3 = b7 >> 4, b8 & 0xF, b8 >> 4
    if (b6 & 0xF) != (~c1 & 0xF) or (b6 >> 4) != (~c2 & 0xF) or (b7 & 0xF) != (~c3 & 0xF):
        raise AccessBitsError(f"access bits {access.hex().upper()} do not match their copies")
    return [((c1 >> i) & 1, (c2 >> i) & 1, (c3 >> i) & 1) for i in range(4)]


# Trailer: who may (read key A is never possible) write key A, read/write the access bits,
# read/write key B. "A", "B", "AB" or "" (never).
_TRAILER: dict[Cond, dict[str, str]] = {
    (0, 0, 0): {"wa": "A", "ra": "A", "wacc": "", "rb": "A", "wb": "A"},
    (0, 1, 0): {"wa": "", "ra": "A", "wacc": "", "rb": "A", "wb": ""},
    (1, 0, 0): {"wa": "B", "ra": "AB", "wacc": "", "rb": "", "wb": "B"},
    (1, 1, 0): {"wa": "", "ra": "AB", "wacc": "", "rb": "", "wb": ""},
    (0, 0, 1): {"wa": "A", "ra": "A", "wacc": "A", "rb": "A", "wb": "A"},
    (0, 1, 1): {"wa": "B", "ra": "AB", "wacc": "B", "rb": "", "wb": "B"},
    (1, 0, 1): {"wa": "", "ra": "AB", "wacc": "B", "rb": "", "wb": ""},
    (1, 1, 1): {"wa": "", "ra": "AB", "wacc": "", "rb": "", "wb": ""},
}
# Data blocks: read, write (value-block increment/decrement are not used here).
_DATA: dict[Cond, dict[str, str]] = {
    (0, 0, 0): {"r": "AB", "w": "AB"},
    (0, 1, 0): {"r": "AB", "w": ""},
    (1, 0, 0): {"r": "AB", "w": "B"},
    (1, 1, 0): {"r": "AB", "w": "B"},
    (0, 0, 1): {"r": "AB", "w": ""},
    (0, 1, 1): {"r": "B", "w": "B"},
    (1, 0, 1): {"r": "B", "w": ""},
    (1, 1, 1): {"r": "", "w": ""},
}


def key_b_readable(trailer_cond: Cond) -> bool:
    """When key B is readable it is data, not a key: the card refuses access with it."""
    return _TRAILER[trailer_cond]["rb"] != ""


def trailer_allows(trailer_cond: Cond, op: str, key_type: str) -> bool:
    if key_type == "B" and key_b_readable(trailer_cond):
        return False
    return key_type in _TRAILER[trailer_cond][op]


def data_allows(cond: Cond, trailer_cond: Cond, op: str, key_type: str) -> bool:
    if key_type == "B" and key_b_readable(trailer_cond):
        return False
    return key_type in _DATA[cond][op]


def describe_access(access: bytes) -> list[str]:
    """Human-readable access conditions, one string per group (for ``card read``)."""
    try:
        conds = decode_access(access)
    except AccessBitsError as exc:
        return [str(exc)]
    out = []
    for i, cond in enumerate(conds[:3]):
        rules = _DATA[cond]
        out.append(
            f"data{i} {''.join(map(str, cond))}: read {rules['r'] or 'never'}, "
            f"write {rules['w'] or 'never'}"
        )
    t = _TRAILER[conds[3]]
    out.append(
        f"trailer {''.join(map(str, conds[3]))}: keys/access writable by "
        f"{t['wacc'] or 'never'}, key B {'readable' if t['rb'] else 'secret'}"
    )
    return out


def build_trailer(key_a: bytes, access: bytes, key_b: bytes, user: int = 0x69) -> bytes:
    if len(key_a) != 6 or len(key_b) != 6 or len(access) != 3:
        raise ValueError("a trailer is key A (6) + access (3) + user (1) + key B (6)")
    return key_a + access + bytes([user]) + key_b


def transport_trailer() -> bytes:
    return build_trailer(DEFAULT_KEY, TRANSPORT_ACCESS, DEFAULT_KEY, TRANSPORT_USER_BYTE)


@dataclass(frozen=True)
class TrailerCheck:
    ok: bool
    reason: str = ""


def validate_trailer(trailer: bytes, held: tuple[str, ...] = ("A", "B")) -> TrailerCheck:
    """Is ``trailer`` safe to write? Its access bits must be consistent, and with the keys
    it sets (which we hold) the trailer itself and every data block must stay writable."""
    if len(trailer) != BLOCK:
        return TrailerCheck(False, "a trailer is 16 bytes")
    try:
        conds = decode_access(trailer[6:9])
    except AccessBitsError as exc:
        return TrailerCheck(False, f"{exc}: writing it would lock the sector forever")
    tc = conds[3]
    writer = [k for k in held if trailer_allows(tc, "wacc", k) and trailer_allows(tc, "wa", k)]
    if not writer or not any(trailer_allows(tc, "wb", k) for k in held):
        return TrailerCheck(False, "the trailer could never be rewritten with the keys we hold")
    for i, cond in enumerate(conds[:3]):
        if not any(data_allows(cond, tc, "w", k) for k in held):
            return TrailerCheck(False, f"data group {i} would become read-only for good")
        if not any(data_allows(cond, tc, "r", k) for k in held):
            return TrailerCheck(False, f"data group {i} would become unreadable")
    return TrailerCheck(True)
