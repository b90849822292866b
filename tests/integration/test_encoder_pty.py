"""The encoder simulator on a POSIX pseudo-terminal: the real driver opens the slave path
with pyserial, exactly as it opens /dev/ttyUSB0 (same code path: no socket:// URL)."""

from __future__ import annotations

import json
import select
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
from app.runtime import JobContext
from tests.stays import FROM, TO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

KEY = b"pty-site-key-for-tests"
STAY = Issuance(("204", "205"), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
FAST = Timeouts(ack=0.1, response=0.3, retries=2)
CLI = [sys.executable, "-c", "from ui.entry import main; raise SystemExit(main())"]


@pytest.fixture
def sim():
    s = EncoderSimulator(pty=True).start()
    yield s
    s.stop()


def test_issue_and_read_round_trip_over_the_pty(sim):
    assert sim.url.startswith("/dev/"), sim.url  # a device path, not a socket:// URL
    enc = Pn532.open(sim.url, timeouts=FAST)
    try:
        assert type(enc.link.port).__module__ == "serial.serialposix"  # the hardware path
        ctx = JobContext("test", "encoder", None)
        issued = operations.issue(enc, ctx, load_layout(), KEY, STAY)
        back = reading.read_card(enc, ctx, load_layout(), KEY, full=True)
        assert back.decoded.valid and back.decoded.issuance == STAY
        assert back.card.uid == issued.card.uid == sim.card.uid
        assert sim.stats.commands >= 15  # it really went through the simulator's chip
    finally:
        enc.close()


def test_pty_is_raw_every_byte_value_passes(sim):
    """Without raw mode the tty would echo, turn CR into LF and eat ^C/^S/^Q."""
    enc = Pn532.open(sim.url, timeouts=FAST)
    try:
        card = enc.select()
        assert card is not None
        assert enc.mifare_auth(4, "A", b"\xff" * 6, card.uid)
        for block, data in ((4, bytes(range(16))), (5, bytes(range(240, 256)))):
            enc.mifare_write(block, data)
            assert enc.mifare_read(block) == data
            assert bytes(sim.card.blocks[block]) == data
        special = bytes([0x03, 0x04, 0x0A, 0x0D, 0x11, 0x13, 0x1A, 0x1C, 0x7F, 0x00, 0xFF,
                         0x55, 0x00, 0xFF, 0x0D, 0x0A])  # fmt: skip
        enc.mifare_write(6, special)
        assert enc.mifare_read(6) == special
    finally:
        enc.close()


def test_pty_vanishing_is_link_lost_and_it_comes_back(sim):
    enc = Pn532.open(sim.url, timeouts=FAST)
    sim.inject("vanish", seconds=0.2)
    with pytest.raises(KeyDeskError) as info:
        enc.select()
    assert info.value.code == "5312"
    assert not enc.port_alive
    enc.close()
    deadline = time.monotonic() + 5
    while True:  # a new pty (maybe under a new name, like a replugged USB device)
        try:
            again = Pn532.open(sim.url, timeouts=FAST)
            break
        except KeyDeskError:
            assert time.monotonic() < deadline, "the pty never came back"
            time.sleep(0.1)
    try:
        assert again.select().uid == sim.card.uid
    finally:
        again.close()


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the simulator printed nothing"
    return proc.stdout.readline()


def test_cli_sim_on_a_pty_round_trip():
    """`keydesk sim encoder --pty --json` prints the slave path; `keydesk card` uses it."""
    proc = subprocess.Popen([*CLI, "sim", "encoder", "--pty", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        info = json.loads(_first_line(proc, 30))
        url = info["url"]
        assert url.startswith("/dev/") and "socket" not in url

        def card(*args):
            out = subprocess.run([*CLI, "card", *args, "--port", url, "--demo-key", "--json"],
                                 capture_output=True, text=True, timeout=60)  # fmt: skip
            return out.returncode, [json.loads(line) for line in out.stdout.splitlines()]

        code, lines = card("issue", "--room", "204", "--from", FROM,
                           "--to", TO, "--seq", "3")  # fmt: skip
        assert code == 0 and lines[-1]["ok"], lines
        assert lines[-1]["card"]["uid"] == info["uid"]
        code, lines = card("read", "--quick")
        assert code == 0 and lines[-1]["valid"] is True, lines
        assert lines[-1]["issuance"]["rooms"] == ["204"]
        assert lines[-1]["issuance"]["sequence"] == 3
    finally:
        proc.terminate()
        proc.wait(10)
