"""Issue 10: a stay is checked in one zone, and against the layout, before any card I/O."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app import paths
from app.devices.encoder.layout import Layout, LayoutError, load_layout
from app.domain.cards import Issuance, site_time

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_two_offsets_land_in_one_zone_and_keep_their_real_order():
    # The example: both read 14:00 on the clock, 26 hours apart in fact.
    start = datetime.fromisoformat("2026-12-01T14:00+14:00")
    end = datetime.fromisoformat("2026-12-01T14:00-12:00")
    assert site_time(start, SAO_PAULO) == datetime(2026, 11, 30, 21, 0)
    assert site_time(end, SAO_PAULO) == datetime(2026, 12, 1, 23, 0)
    assert site_time(start, SHANGHAI) == datetime(2026, 12, 1, 8, 0)
    stay = Issuance(("101",), site_time(start, SHANGHAI), site_time(end, SHANGHAI))
    assert stay.valid_to - stay.valid_from == timedelta(hours=26)


def test_a_plain_time_is_already_the_hotels_time_and_loses_only_its_fraction():
    plain = datetime(2026, 12, 1, 14, 0, 30, 999_000)
    assert site_time(plain, SAO_PAULO) == datetime(2026, 12, 1, 14, 0, 30)


@pytest.mark.parametrize(("start", "end"), [
    (datetime(2026, 12, 1, 14, tzinfo=UTC), datetime(2026, 12, 2, 12)),
    (datetime(2026, 12, 1, 14), datetime(2026, 12, 2, 12, tzinfo=timezone(timedelta(hours=3)))),
    (datetime(2026, 12, 1, 14, tzinfo=UTC), datetime(2026, 12, 2, 12, tzinfo=UTC)),
])
def test_an_offset_reaching_the_issuance_is_a_clear_error_never_a_type_error(start, end):
    with pytest.raises(ValueError, match="UTC offset"):
        Issuance(("101",), start, end)


def test_mixed_offset_and_plain_time_converted_then_compared():
    start = site_time(datetime.fromisoformat("2026-12-01T14:00+14:00"), SHANGHAI)  # 08:00
    with pytest.raises(ValueError, match="must end after it starts"):
        Issuance(("101",), site_time(datetime(2026, 12, 1, 7, 0), SHANGHAI), start - timedelta(
            hours=2))
    ok = Issuance(("101",), start, site_time(datetime(2026, 12, 1, 10, 0), SHANGHAI))
    assert ok.valid_to - ok.valid_from == timedelta(hours=2)


@pytest.mark.parametrize(("issuance", "message"), [
    (Issuance(("101",), datetime(1999, 12, 31, 14), datetime(2000, 1, 2)), "outside"),
    (Issuance(("101",), datetime(2026, 1, 1), datetime(2200, 1, 1)), "outside"),
    (Issuance(("101",), datetime(2026, 1, 1), datetime(2026, 1, 2), sequence=2**32 - 1),
     None),
    (Issuance(("1", "2", "3", "4"), datetime(2026, 1, 1), datetime(2026, 1, 2)), "at most 3"),
    (Issuance(("room-9999",), datetime(2026, 1, 1), datetime(2026, 1, 2)), "1 to 8"),
])
def test_the_layout_refuses_what_it_cannot_hold_exactly(issuance, message):
    layout = load_layout()
    if message is None:
        layout.check(issuance)  # the largest number still fits in 4 bytes
        return
    with pytest.raises(LayoutError, match=message):
        layout.check(issuance)


def _raw_layout() -> dict:
    path = paths.resources_dir() / "layouts" / "keydesk-open-v1.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_layout_with_overlapping_fields_is_refused_at_load():
    raw = _raw_layout()
    raw["blocks"][1]["fields"][2]["offset"] = 6  # room1 over the end of valid_to
    with pytest.raises(LayoutError, match="overlaps"):
        Layout(raw)


def test_a_layout_with_short_room_fields_refuses_long_rooms_and_extra_rooms():
    raw = _raw_layout()
    raw["blocks"][1]["fields"][2]["length"] = 4
    raw["blocks"][2]["fields"] = raw["blocks"][2]["fields"][:1]  # only two room fields
    layout = Layout(raw)
    with pytest.raises(LayoutError, match="1 to 4"):
        layout.check(Issuance(("10101",), datetime(2026, 1, 1), datetime(2026, 1, 2)))
    with pytest.raises(LayoutError, match="at most 2"):
        layout.check(Issuance(("1", "2", "3"), datetime(2026, 1, 1), datetime(2026, 1, 2)))
