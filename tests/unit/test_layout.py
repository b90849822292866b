"""Card layout pack/unpack (signed), MIFARE access bits and trailer validation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.devices.encoder import classic
from app.devices.encoder.layout import LayoutError, load_layout
from app.domain.cards import Issuance

KEY = b"unit-test-site-key"
UID = bytes.fromhex("04A1B2C3")
room = st.text(alphabet="0123456789ABCDEFGH-", min_size=1, max_size=8)


@st.composite
def issuances(draw):
    start = draw(st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2090, 1, 1)))
    start = start.replace(microsecond=0)
    kind = draw(st.sampled_from(["guest", "staff", "master"]))
    rooms = tuple(draw(st.lists(room, min_size=1 if kind == "guest" else 0, max_size=3)))
    return Issuance(
        rooms=rooms,
        valid_from=start,
        valid_to=start + timedelta(minutes=draw(st.integers(1, 60 * 24 * 400))),
        kind=kind,
        sequence=draw(st.integers(0, 2**32 - 1)),
        issued_at=start,
    )


@given(issuances(), st.binary(min_size=4, max_size=7))
def test_pack_unpack_round_trip(issuance, uid):
    layout = load_layout()
    blocks = layout.pack(issuance, uid, KEY)
    assert len(blocks) == 4 and all(len(b) == 16 for b in blocks)
    decoded = layout.unpack(blocks, uid, KEY)
    assert decoded.valid, decoded.reason
    assert decoded.issuance == issuance
    assert decoded.issuance.issued_at == issuance.issued_at


@given(issuances(), st.integers(0, 47), st.integers(1, 255))
def test_any_altered_byte_is_detected(issuance, position, xor):
    layout = load_layout()
    blocks = [bytearray(b) for b in layout.pack(issuance, UID, KEY)]
    blocks[position // 16][position % 16] ^= xor
    assert not layout.unpack([bytes(b) for b in blocks], UID, KEY).valid


def test_copy_to_another_card_or_site_is_invalid():
    layout = load_layout()
    i = Issuance(("101",), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
    blocks = layout.pack(i, UID, KEY)
    assert "signature" in layout.unpack(blocks, bytes.fromhex("04A1B2C4"), KEY).reason
    assert not layout.unpack(blocks, UID, b"another-site").valid
    assert "blank" in layout.unpack([bytes(16)] * 4, UID, KEY).reason
    # An issue stopped before its commit block: said as such, never as an altered card.
    assert layout.unpack([*blocks[:3], bytes(16)], UID, KEY).reason.startswith(
        "issue not finished")


def test_layout_rejects_bad_input():
    layout = load_layout()
    start = datetime(2026, 1, 1)
    with pytest.raises(LayoutError):
        layout.pack(Issuance(("1", "2", "3", "4"), start, start + timedelta(1)), UID, KEY)
    with pytest.raises(LayoutError):
        layout.pack(Issuance(("room-too-long",), start, start + timedelta(1)), UID, KEY)
    with pytest.raises(ValueError):
        Issuance(("101",), start, start)
    with pytest.raises(ValueError):
        Issuance((), start, start + timedelta(1), kind="guest")


@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1), st.integers(0, 1)),
                min_size=4, max_size=4))  # fmt: skip
def test_access_bits_round_trip(conds):
    assert classic.decode_access(classic.encode_access(conds)) == conds


def test_transport_access_bits():
    assert classic.encode_access([(0, 0, 0)] * 3 + [(0, 0, 1)]) == bytes.fromhex("FF0780")


def test_trailer_validation():
    key = bytes(6)
    ok = classic.build_trailer(key, bytes.fromhex("FF0780"), key)
    assert classic.validate_trailer(ok).ok
    inconsistent = classic.build_trailer(key, bytes.fromhex("FF0781"), key)
    assert "lock" in classic.validate_trailer(inconsistent).reason
    frozen = classic.build_trailer(key, classic.encode_access([(0, 0, 0)] * 3 + [(1, 1, 1)]), key)
    assert not classic.validate_trailer(frozen).ok
    read_only = classic.build_trailer(
        key, classic.encode_access([(0, 1, 0)] * 3 + [(0, 0, 1)]), key
    )
    assert "read-only" in classic.validate_trailer(read_only).reason


def test_geometry():
    assert classic.trailer_of(15) == 63 and classic.trailer_of(32) == 143
    assert classic.sector_of(255) == 39 and classic.group_of(130) == 0
    assert classic.is_trailer(7) and not classic.is_trailer(8)
