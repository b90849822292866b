"""Issue 10: never report a card as issued when it is not valid — the real driver against
the simulator over a real socket, with the port lost at exactly the frame that matters."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import datetime

import pytest

from app import paths
from app.devices.encoder import operations, reading
from app.devices.encoder.layout import Layout, LayoutError, load_layout
from app.devices.encoder.link import Timeouts
from app.devices.encoder.pn532 import Pn532
from app.devices.encoder.service import SITE_KEY_SECRET, EncoderService
from app.devices.encoder.sim import EncoderSimulator
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.runtime import JobContext
from app.settings import MemorySecretStore, Settings

KEY = b"integration-site-key"
STAY = Issuance(("101", "102"), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
FAST = Timeouts(ack=0.1, response=0.3, retries=2)
COMMIT = 8  # keydesk-open-v1's commit block on MIFARE Classic


@pytest.fixture
def sim():
    s = EncoderSimulator().start()
    yield s
    s.stop()


@pytest.fixture
def ctx():
    return JobContext("test", "encoder", None)


def _open(url: str, wait: float = 5.0) -> Pn532:
    """Open once the simulator has seen the previous (lost) connection go."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return Pn532.open(url, timeouts=FAST)
        except KeyDeskError as err:
            if err.code != "5310" or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _read(sim, ctx):
    enc = _open(sim.url)
    try:
        return reading.read_card(enc, ctx, load_layout(), KEY, full=False)
    finally:
        enc.close()


def test_lost_read_back_of_the_commit_block_says_the_card_may_be_valid(sim, ctx):
    enc = _open(sim.url)
    sim.inject("vanish", at_read=COMMIT)  # the commit block lands, its read-back is lost
    try:
        with pytest.raises(KeyDeskError) as info:
            operations.issue(enc, ctx, load_layout(), KEY, STAY)
    finally:
        enc.close()
    assert sim.fired == ["vanish"]
    state = info.value.state
    assert state.startswith("not verified") and "may be valid" in state and "read it" in state
    assert "never verifies" not in state
    back = _read(sim, ctx)  # and indeed: reading it tells the truth
    assert back.decoded.valid and back.decoded.issuance == STAY


def test_lost_answer_to_the_commit_write_says_read_it(sim, ctx):
    enc = _open(sim.url)
    sim.inject("vanish", at_write=COMMIT)  # the port is gone before the chip answers
    try:
        with pytest.raises(KeyDeskError) as info:
            operations.issue(enc, ctx, load_layout(), KEY, STAY)
    finally:
        enc.close()
    assert info.value.code == "5312"
    assert info.value.state.startswith("not confirmed") and "read it" in info.value.state


class RoomSwappingLayout(Layout):
    """A layout with a packing bug: what it writes is not the stay it was given."""

    def pack(self, issuance, uid, site_key):  # type: ignore[no-untyped-def]
        return super().pack(replace(issuance, rooms=("999",)), uid, site_key)


def test_success_only_when_the_card_decodes_to_the_stay_asked_for(sim, ctx):
    raw = json.loads((paths.resources_dir() / "layouts" / "keydesk-open-v1.json")
                     .read_text(encoding="utf-8"))
    buggy = RoomSwappingLayout(raw)
    enc = _open(sim.url)
    try:
        with pytest.raises(KeyDeskError) as info:
            operations.issue(enc, ctx, buggy, KEY, STAY)
    finally:
        enc.close()
    assert info.value.code == "5309"
    assert "not the stay asked for" in info.value.detail and "999" in info.value.detail
    assert info.value.state.startswith("not issued") and "do not hand it out" in info.value.state


def test_a_stay_the_layout_cannot_hold_never_reaches_the_port(sim, runtime):
    secrets = MemorySecretStore({SITE_KEY_SECRET: KEY.decode()})
    service = EncoderService(runtime, Settings(encoder_url=sim.url), secrets, timeouts=FAST)
    before = sim.stats.commands
    too_early = Issuance(("101",), datetime(1999, 12, 31, 14), datetime(2000, 1, 2, 12))
    with pytest.raises(LayoutError, match="outside"):
        service.issue(too_early)  # refused at once: nothing queued, no port opened
    assert sim.connections == 0 and sim.stats.commands == before
