"""A support trace and the DEBUG log of a real issue (driver <-> simulator over a socket)
hold none of the keys the issue wrote to the card's sector trailers."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest

from app.devices.encoder import classic, operations, reading
from app.devices.encoder.layout import load_layout
from app.devices.encoder.link import Timeouts
from app.devices.encoder.pn532 import Pn532
from app.devices.encoder.sim import EncoderSimulator
from app.devices.encoder.trace import SerialTrace
from app.domain.cards import Issuance
from app.runtime import JobContext

SITE_KEY = b"trace-site-key"
STAY = Issuance(("101",), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))


@pytest.mark.parametrize("kind", ["classic-1k", "classic-4k"])
def test_issue_and_full_read_never_show_a_written_key(kind, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    sim = EncoderSimulator(card=kind).start()
    path = tmp_path / "trace.txt"
    enc = Pn532.open(sim.url, timeouts=Timeouts(ack=0.2, response=0.5), trace=SerialTrace(path))
    try:
        ctx = JobContext("test", "encoder", None)
        operations.issue(enc, ctx, load_layout(), SITE_KEY, STAY)
        back = reading.read_card(enc, ctx, load_layout(), SITE_KEY, full=True)
        assert back.decoded.valid
        card = sim.card
        assert card is not None
        trailers = [bytes(card.blocks[b]) for b in range(len(card.blocks)) if classic.is_trailer(b)]
    finally:
        enc.close()
        sim.stop()
    keys = {t[:6] for t in trailers} | {t[10:] for t in trailers}
    keys -= {classic.DEFAULT_KEY, bytes(6)}  # transport keys are public
    assert keys, "the issue set no card key?"
    trace = path.read_text()
    assert "A0 07 EE EE EE EE EE EE FF 07 80 69 EE" in trace and "keys masked" in trace
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for key in keys:
        assert key.hex().upper() not in trace.replace(" ", "")
        for text in (key.hex(" ").upper(), key.hex().upper()):
            assert text not in logged.upper()
