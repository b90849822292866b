"""Dates of the lock cloud at any hour and in any PC zone: the clock is moved (time-machine)
to just before and after the PC's midnight and the community's, and the CLI runs in-process
against the simulated cloud. The test command runs this module again under other PC
zones (the ``pc_zones`` marker), so each midnight falls at another hour of the other clock.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
import time_machine

from app.cli.main import main
from tests.cloud_support import COMMUNITY_TZ, MIDNIGHTS, MOBILE, midnight_moment

ROOM = "001-01-0101"


@pytest.fixture
def sim(cloud_sim, monkeypatch):
    """The CLI's ``--demo-account`` pointed at the in-process simulator, without the demo's
    door records (made at the real hour, not the travelled one)."""
    monkeypatch.setenv("KEYDESK_CLOUD_URL", cloud_sim.url)
    cloud_sim.state.records.clear()
    return cloud_sim


def cloud(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(["cloud", *argv, "--demo-account"])
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return code, rows, out + err


@pytest.mark.parametrize("moment", MIDNIGHTS)
def test_an_opening_just_made_is_in_todays_door_log(sim, capsys, moment):
    """The failure of every evening: the remote unlock just made must be in the default
    period, which ends on the community's today (the cloud filters by its dates)."""
    with time_machine.travel(midnight_moment(moment), tick=True):
        assert cloud(capsys, "unlock", "--room", ROOM, "--yes", "--json")[0] == 0
        code, rows, _ = cloud(capsys, "log", "--room", ROOM, "--json")
        assert code == 0 and len(rows) == 1, rows
        assert rows[0]["open_way"] == "remote (gateway)", rows[0]
        opened = datetime.fromisoformat(rows[0]["time"])
        assert abs(opened.timestamp() - datetime.now().timestamp()) < 60
        assert opened.utcoffset() == timedelta(hours=8)  # shown on the community's clock


@pytest.mark.parametrize("moment", MIDNIGHTS)
def test_default_period_is_the_communitys_week_and_says_so(sim, capsys, moment):
    with time_machine.travel(midnight_moment(moment), tick=False):
        today = datetime.now(COMMUNITY_TZ).date()
        code, _, text = cloud(capsys, "log", "--room", ROOM)
    assert code == 0 and "No door openings in that period." in text
    week = f"{today - timedelta(days=7)} to {today}"
    assert f"Door log of {ROOM}, {week} (community dates and times, " \
           "Asia/Shanghai, UTC+08:00)" in text, text


@pytest.mark.parametrize("moment", MIDNIGHTS)
def test_stay_without_an_offset_is_the_hotels_clock(sim, capsys, moment):
    """``--start 2026-12-05T14:00`` is 14:00 at the hotel, whatever zone the PC is in;
    the default start is this minute, and an explicit offset is kept."""
    with time_machine.travel(midnight_moment(moment), tick=False):
        now = datetime.now(COMMUNITY_TZ).replace(second=0, microsecond=0)
        code, [typed], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE,
                                 "--start", "2026-12-05T14:00", "--end", "2026-12-07T12:00",
                                 "--json")
        assert code == 0
        code, [default], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE,
                                   "--hours", "2", "--json")
        assert code == 0
        code, [offset], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE,
                                  "--start", "2026-12-05T14:00-03:00", "--hours", "1", "--json")
        assert code == 0
    key = sim.state.keys[typed["cardNo"]]
    assert key.start == datetime(2026, 12, 5, 14, tzinfo=COMMUNITY_TZ)
    assert key.end == datetime(2026, 12, 7, 12, tzinfo=COMMUNITY_TZ)
    key = sim.state.keys[default["cardNo"]]
    assert (key.start, key.end) == (now, now + timedelta(hours=2))
    key = sim.state.keys[offset["cardNo"]]
    assert key.start == datetime(2026, 12, 6, 1, tzinfo=COMMUNITY_TZ)  # 14:00 at UTC-3


@pytest.mark.parametrize("moment", MIDNIGHTS)
def test_rf_card_default_end_is_a_day_from_now(sim, capsys, moment):
    with time_machine.travel(midnight_moment(moment), tick=False):
        now = datetime.now(COMMUNITY_TZ).replace(second=0, microsecond=0)
        code, [card], _ = cloud(capsys, "rf-issue", "--room", ROOM, "--json")
    assert code == 0
    assert datetime.fromisoformat(card["end"]) == now + timedelta(hours=24)
