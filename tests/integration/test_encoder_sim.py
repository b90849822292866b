"""The real PN532 driver and card operations against the simulator over a real socket."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest

from app.devices.encoder import operations, reading
from app.devices.encoder.layout import load_layout
from app.devices.encoder.link import Timeouts
from app.devices.encoder.pn532 import Pn532
from app.devices.encoder.sim import EncoderSimulator
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.runtime import JobCancelled, JobContext

KEY = b"integration-site-key"
STAY = Issuance(("101", "102"), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
FAST = Timeouts(ack=0.1, response=0.3, retries=2)


@pytest.fixture
def sim():
    s = EncoderSimulator().start()
    yield s
    s.stop()


@pytest.fixture
def enc(sim):
    e = Pn532.open(sim.url, timeouts=FAST)
    yield e
    e.close()


@pytest.fixture
def ctx():
    return JobContext("test", "encoder", None)


def read(enc, ctx, full=False):
    return reading.read_card(enc, ctx, load_layout(), KEY, full=full)


def test_issue_read_duplicate_wipe(sim, enc, ctx):
    layout = load_layout()
    issued = operations.issue(enc, ctx, layout, KEY, STAY)
    assert issued.issuance == STAY
    back = read(enc, ctx, full=True)
    assert back.decoded.valid and back.decoded.issuance == STAY
    assert [s["readable"] for s in back.sectors] == [True] * 16
    assert {s["key"] for s in back.sectors[1:3]} == {"site"}  # per-card keys were set

    first = sim.remove()
    sim.place("classic-1k")
    dup = operations.duplicate(enc, ctx, layout, KEY, STAY)
    assert dup.issuance.sequence == STAY.sequence + 1 and dup.card.uid != first.uid
    assert read(enc, ctx).decoded.issuance.sequence == 2

    operations.wipe(enc, ctx, layout, KEY)
    assert "blank" in read(enc, ctx).decoded.reason
    # Wiped means transport keys again: readable with the default key everywhere.
    assert {s["key"] for s in read(enc, ctx, full=True).sectors} == {"default"}


def test_altered_card_is_invalid(sim, enc, ctx):
    operations.issue(enc, ctx, load_layout(), KEY, STAY)
    sim.alter(5, 8)  # first byte of room "101"
    result = read(enc, ctx)
    assert not result.decoded.valid
    assert "altered" in result.decoded.reason


@pytest.mark.parametrize("after", [0, 2, 5])
def test_card_pulled_mid_write_is_not_issued_and_can_be_issued_again(sim, enc, ctx, after):
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)  # an old, valid issuance on the card
    sim.inject("remove_mid_write", after=after)
    new_stay = Issuance(("305",), datetime(2026, 12, 1, 14), datetime(2026, 12, 2, 12))
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, layout, KEY, new_stay)
    assert info.value.code == "5312"
    assert info.value.state.startswith("not issued")
    assert "issued again" in info.value.state
    sim.put_back()
    assert not read(enc, ctx).decoded.valid, "a half-written card must never verify"
    operations.issue(enc, ctx, layout, KEY, new_stay)
    assert read(enc, ctx).decoded.issuance == new_stay


def test_wipe_pulled_mid_write_no_longer_opens(sim, enc, ctx):
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)
    sim.inject("remove_mid_write", after=1)
    with pytest.raises(KeyDeskError) as info:
        operations.wipe(enc, ctx, layout, KEY)
    assert "no longer opens" in info.value.state
    sim.put_back()
    assert not read(enc, ctx).decoded.valid
    operations.wipe(enc, ctx, layout, KEY)


@pytest.mark.parametrize(
    ("fault", "params"),
    [
        ("garbage", {}),
        ("bad_checksum", {}),
        ("split", {}),
        ("slow", {"seconds": 0.15}),
        ("silence", {}),
    ],
)
def test_recoverable_link_faults(sim, enc, ctx, fault, params):
    sim.inject(fault, 1, **params)
    operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert read(enc, ctx).decoded.valid


def test_persistent_silence_is_no_answer(sim, enc, ctx):
    sim.inject("silence", 10)
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert info.value.code == "5305"
    assert info.value.state.startswith("card unchanged")


def test_port_vanishing_is_link_lost(sim, enc, ctx):
    sim.inject("vanish")
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert info.value.code == "5312"
    assert not enc.port_alive


def test_auth_failure_and_foreign_cards(sim, enc, ctx):
    sim.inject("auth_fail", 10)
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert info.value.code == "5300" and info.value.state.startswith("card unchanged")
    sim.place("desfire")
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert info.value.code == "5311" and "ISO 14443-4" in info.value.detail
    sim.remove()
    assert operations.identify(enc) is None


def test_ultralight_issue_and_read(sim, enc, ctx):
    sim.place("ntag213")
    operations.issue(enc, ctx, load_layout(), KEY, STAY)
    result = read(enc, ctx, full=True)
    assert result.decoded.valid and result.decoded.issuance == STAY
    assert len(result.pages) == 40
    sim.alter(9, 0)  # a page of the stay block
    assert not read(enc, ctx).decoded.valid


def test_busy_port_and_cancel(sim, enc, ctx):
    with pytest.raises(KeyDeskError) as info:
        Pn532.open(sim.url, timeouts=FAST)  # the simulator already has a user
    assert info.value.code == "5310"
    ctx._request_cancel()
    with pytest.raises(JobCancelled) as cancelled:
        operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert "unchanged" in str(cancelled.value)


def test_cli_round_trip(sim):
    """`keydesk card issue/read --json` against the simulator, as a script would use it."""
    url = sim.url
    base = [sys.executable, "-c", "from ui.entry import main; raise SystemExit(main())", "card"]

    def run(*args):
        out = subprocess.run([*base, *args, "--port", url, "--json"], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        return out.returncode, [json.loads(line) for line in out.stdout.splitlines()]

    code, lines = run("issue", "--room", "101", "--from", "2026-11-21T14:00",
                      "--to", "2026-11-23T12:00", "--kind", "guest", "--seq", "1")  # fmt: skip
    assert code == 0 and lines[-1]["ok"], lines
    code, lines = run("read", "--quick")
    assert code == 0 and lines[-1]["valid"] is True
    assert lines[-1]["issuance"]["rooms"] == ["101"]
    sim.alter(5, 8)
    code, lines = run("read", "--quick")
    assert lines[-1]["valid"] is False
    code, lines = run("issue", "--room", "101", "--from", "tomorrow", "--to", "2026-11-23T12:00")
    assert code == 2 and "2026-11-21T14:00" in lines[-1]["detail"]
    sim.remove()
    code, lines = run("read")
    assert code == 1 and lines[-1]["code"] == "5311"
