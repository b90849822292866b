"""The real PN532 driver and card operations against the simulator over a real socket."""

from __future__ import annotations

import json
import subprocess
import sys
import time
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
from tests.stays import FROM, TO

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


def open_when_free(url, wait=5.0):
    """Open again once the simulator has noticed the previous user left (one at a time)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return Pn532.open(url, timeouts=FAST)
        except KeyDeskError as err:
            if err.code != "5310" or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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
    dup = operations.duplicate(enc, ctx, layout, KEY, back.decoded.issuance, first.uid)
    assert dup.card.uid != first.uid
    copy = read(enc, ctx).decoded
    assert copy.valid and copy.issuance.sequence == STAY.sequence + 1
    c = copy.issuance
    assert (c.rooms, c.valid_from, c.valid_to, c.kind) == (
        STAY.rooms, STAY.valid_from, STAY.valid_to, STAY.kind
    )  # fmt: skip
    assert copy.issuance.issued_at >= back.decoded.issuance.issued_at  # a new issue time

    operations.wipe(enc, ctx, layout, KEY)
    assert "blank" in read(enc, ctx).decoded.reason
    # Wiped means transport keys again: readable with the default key everywhere.
    assert {s["key"] for s in read(enc, ctx, full=True).sectors} == {"default"}


def test_duplicate_refuses_the_card_being_copied(sim, enc, ctx):
    layout = load_layout()
    source = operations.issue(enc, ctx, layout, KEY, STAY)
    with pytest.raises(KeyDeskError) as info:
        operations.duplicate(enc, ctx, layout, KEY, STAY, source.card.uid)
    assert info.value.code == "same-card" and "being copied" in info.value.detail
    assert info.value.state.startswith("card unchanged")
    assert read(enc, ctx).decoded.issuance.sequence == 1  # the source is untouched
    # In place (no source UID): the same card now carries the next number.
    operations.duplicate(enc, ctx, layout, KEY, STAY)
    assert read(enc, ctx).decoded.issuance.sequence == 2


def test_altered_card_is_invalid(sim, enc, ctx):
    operations.issue(enc, ctx, load_layout(), KEY, STAY)
    sim.alter(5, 8)  # first byte of room "101"
    result = read(enc, ctx)
    assert not result.decoded.valid
    assert "altered" in result.decoded.reason


# A re-issue writes: the cleared commit, the header, stay and rooms blocks (the trailers
# already hold the site's keys: read, not rewritten), then the commit. after=4: the commit
# block itself is torn, which the desk cannot tell from a whole write.
@pytest.mark.parametrize(("after", "state"), [(0, "not issued"), (2, "not issued"),
                                              (4, "not confirmed")])
def test_card_pulled_mid_write_is_not_issued_and_can_be_issued_again(sim, enc, ctx, after,
                                                                     state):
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)  # an old, valid issuance on the card
    sim.inject("remove_mid_write", after=after)
    new_stay = Issuance(("305",), datetime(2026, 12, 1, 14), datetime(2026, 12, 2, 12))
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, layout, KEY, new_stay)
    assert info.value.code == "5312"
    assert info.value.state.startswith(state)
    assert "again" in info.value.state
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
    assert "blank" in read(enc, ctx).decoded.reason


@pytest.mark.parametrize(
    ("fault", "params", "retried"),
    [
        ("garbage", {}, False),  # resynchronised on 00 FF, nothing resent
        ("bad_checksum", {}, True),  # NACK → the chip sends its answer again
        ("split", {}, False),
        ("slow", {"seconds": 0.15}, False),  # within the response timeout
        ("silence", {}, True),  # no ACK → the command is resent
    ],
)
def test_recoverable_link_faults(sim, enc, ctx, fault, params, retried):
    sim.inject(fault, 1, **params)
    before = enc.stats.retries
    operations.issue(enc, ctx, load_layout(), KEY, STAY)
    assert sim.fired == [fault], "the fault must really have hit the issue"
    assert (enc.stats.retries > before) == retried
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

    code, lines = run("issue", "--room", "101", "--from", FROM,
                      "--to", TO, "--kind", "guest", "--seq", "1")  # fmt: skip
    assert code == 0 and lines[-1]["ok"], lines
    code, lines = run("read", "--quick")
    assert code == 0 and lines[-1]["valid"] is True
    assert lines[-1]["issuance"]["rooms"] == ["101"]
    sim.alter(5, 8)
    code, lines = run("read", "--quick")
    assert lines[-1]["valid"] is False
    code, lines = run("issue", "--room", "101", "--from", "tomorrow", "--to", TO)
    assert code == 2 and "2026-11-21T14:00" in lines[-1]["detail"]  # the form to use
    sim.remove()
    code, lines = run("read")
    assert code == 1 and lines[-1]["code"] == "no-card"


def test_key_choice_learns_and_recovers_from_a_stale_guess(sim, enc, ctx):
    """The key that opened (or was written into) a sector is tried first next time; a
    stale guess costs one refused key + re-select, and is corrected."""
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)
    sim.reset_stats()
    result = read(enc, ctx, full=True)  # 16 sectors: 2 site-keyed, 14 transport
    assert result.decoded.valid
    assert sim.stats.per_command[0x4A] == 1, "no key was refused"
    assert [s["key"] for s in result.sectors[:4]] == ["default", "site", "site", "default"]

    # Another desk wiped sector 1 behind our back: the remembered "site" guess is stale.
    sim.card.blocks[7][:] = bytes.fromhex("FFFFFFFFFFFFFF078069FFFFFFFFFFFF")
    sim.reset_stats()
    result = read(enc, ctx)
    assert result.sectors[0]["key"] == "default" and result.decoded.valid  # data intact
    assert sim.stats.per_command[0x4A] == 2  # one refusal, one re-select
    sim.reset_stats()
    read(enc, ctx)
    assert sim.stats.per_command[0x4A] == 1  # learned


def test_recognise_then_issue_never_tries_a_refused_key(sim, enc, ctx):
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)
    card = sim.remove()
    enc.close()
    again = open_when_free(sim.url)  # a new connection knows nothing about the card
    try:
        sim.place(card)
        assert operations.recognise(again, again.select(), layout, KEY) == "site"
        sim.reset_stats()
        operations.issue(again, ctx, layout, KEY, STAY.next_copy())
        assert sim.stats.per_command[0x4A] == 1
        sim.place("desfire")
        assert operations.recognise(again, again.select(), layout, KEY) is None
    finally:
        again.close()


def test_cli_duplicate_writes_the_same_stay_with_the_next_number(sim):
    """`keydesk card duplicate`: reads the card, asks for a new one, writes the copy."""
    import select

    url = sim.url
    base = [sys.executable, "-c", "from ui.entry import main; raise SystemExit(main())", "card"]

    def run(*args):
        out = subprocess.run([*base, *args, "--port", url, "--json"], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
        return out.returncode, [json.loads(line) for line in out.stdout.splitlines()]

    code, lines = run("issue", "--room", "101", "--room", "102", "--from", FROM,
                      "--to", TO, "--kind", "staff", "--seq", "4")  # fmt: skip
    assert code == 0, lines
    source = lines[-1]["issuance"]

    code, lines = run("duplicate", "--wait", "0.5")  # nobody swaps the card
    assert code == 1 and lines[-1]["code"] == "no-card", lines

    proc = subprocess.Popen([*base, "duplicate", "--port", url, "--json", "--wait", "30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        seen = ""
        while "Place the new card" not in seen:
            ready, _, _ = select.select([proc.stderr], [], [], 30)
            assert ready, f"the CLI never asked for the new card: {seen!r}"
            line = proc.stderr.readline()
            assert line, f"the CLI ended early: {seen!r}"
            seen += line
        original = sim.remove()
        new = sim.place("classic-1k")
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
    assert proc.returncode == 0, err
    result = json.loads(out.splitlines()[-1])
    assert result["operation"] == "duplicate" and result["card"]["uid"] == new.uid.hex().upper()

    code, lines = run("read", "--quick")
    copy = lines[-1]["issuance"]
    assert lines[-1]["valid"] and copy["sequence"] == source["sequence"] + 1 == 5
    same = ("rooms", "valid_from", "valid_to", "kind")
    assert {k: copy[k] for k in same} == {k: source[k] for k in same}
    sim.place(original)  # the guest's first card is untouched and still valid
    code, lines = run("read", "--quick")
    assert lines[-1]["valid"] and lines[-1]["issuance"]["sequence"] == 4


def test_the_simulated_card_enforces_keys_and_access_bits(sim, enc):
    """The simulator is the oracle of every test above: a wrong key must be refused and
    a read-only block must refuse writes, through the real driver."""
    from app.devices.encoder import classic

    transport = b"\xff" * 6
    card = enc.select()
    assert not enc.mifare_auth(4, "A", bytes(6), card.uid)  # wrong key: refused, halted
    with pytest.raises(KeyDeskError):
        enc.mifare_read(4)  # a halted card answers nothing
    enc.select()
    assert enc.mifare_auth(4, "A", transport, card.uid)
    read_only_block_4 = classic.encode_access([(0, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 1)])
    enc.mifare_write(7, classic.build_trailer(transport, read_only_block_4, transport))
    enc.select()
    assert enc.mifare_auth(4, "A", transport, card.uid)
    enc.mifare_write(5, b"5" * 16)  # block 5 (group 1) is still writable
    assert enc.mifare_read(5) == b"5" * 16
    with pytest.raises(KeyDeskError) as info:
        enc.mifare_write(4, b"4" * 16)
    assert info.value.code == "5300"
    assert bytes(sim.card.blocks[4]) == bytes(16)


@pytest.mark.parametrize("after", [1, 2, 3])
def test_an_interrupted_re_issue_reads_as_not_finished_never_as_altered(sim, enc, ctx, after):
    """Issue 11: the earlier stay's commit block is cleared before anything else, so a
    re-issue stopped anywhere before its own commit reads "issue not finished"."""
    layout = load_layout()
    operations.issue(enc, ctx, layout, KEY, STAY)
    sim.inject("remove_mid_write", after=after)
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, layout, KEY, STAY.next_copy())
    assert "earlier stay was cleared" in info.value.state, info.value.state
    sim.put_back()
    decoded = read(enc, ctx).decoded
    assert not decoded.valid
    assert decoded.reason.startswith("issue not finished"), decoded.reason
    assert "altered" not in decoded.reason and "forged" not in decoded.reason


def test_a_card_with_stale_hints_is_still_cleared_first(sim, enc, ctx):
    """The encoder remembered the card as blank, but another desk issued it since: the
    issue notices the site's keys before its first write and clears the commit first."""
    layout = load_layout()
    card = sim.card
    operations.issue(enc, ctx, layout, KEY, STAY)  # issued (as if by another desk)
    enc.key_hints.learn(card.uid, 1, "default")  # what this encoder believes: blank
    enc.key_hints.learn(card.uid, 2, "default")
    sim.inject("remove_mid_write", after=2)
    with pytest.raises(KeyDeskError) as info:
        operations.issue(enc, ctx, layout, KEY, STAY.next_copy())
    assert "earlier stay was cleared" in info.value.state
    sim.put_back()
    assert read(enc, ctx).decoded.reason.startswith("issue not finished")
