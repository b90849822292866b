"""The reader simulator as a process: it starts, serves, and stops cleanly."""

from __future__ import annotations

import time

from tests.acceptance.conftest import start_simulator


def test_reader_sim_with_finished_traffic_stops_cleanly(tmp_path):
    """Issue 6 (simulator: "a chosen number of events at a chosen rate") + issue 2
    (orderly shutdown): stopped after its N events with nobody attached, it exits 0 and
    prints no traceback (it used to fail in its own shutdown: gather() of no tasks)."""
    sim = start_simulator("reader", tmp_path, "--events", "3", "--rate", "50")
    time.sleep(1.0)  # the three events are done; nobody is attached
    assert sim.stop() == 0
    log = sim.log.read_text()
    assert "Traceback" not in log, log
