"""``keydesk monitor --json`` with a reader whose password is short (``2026``): the event
times are printed as they are, and the password is still never printed."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest
import time_machine

from app import logsetup
from app.access.sim import ReaderSimulator
from app.cli.main import main

PASSWORD = "2026"


@pytest.fixture(autouse=True)
def restore_logging():
    """``main()`` installs log handlers; take them away again after the test."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_monitor_json_times_survive_a_short_reader_password(capsys, monkeypatch):
    monkeypatch.setattr(logsetup, "_secrets", set())  # this test's secrets only
    monkeypatch.setattr(logsetup, "_pattern", None)
    monkeypatch.setenv("READER_PW", PASSWORD)
    # Events stamped in 2026, the year that is also the password.
    with time_machine.travel(datetime(2026, 12, 1, 12, tzinfo=UTC).timestamp(), tick=True):
        sim = ReaderSimulator("Lobby", password=PASSWORD, rate=40, seed=7).start()
        try:
            code = main(["monitor", "--device", sim.url, "--user", "admin", "--password-env",
                         "READER_PW", "--name", "Lobby", "--json", "--duration", "1"])
        finally:
            sim.stop()
    out, err = capsys.readouterr()
    events = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert code == 0 and events, err
    assert "***" not in out  # nothing masked: no value here is the password
    stamps = [v for e in events for v in e.values() if isinstance(v, str)
              and v.startswith("2026-12-01")]
    assert stamps  # the times are there, whole
    assert f'"{PASSWORD}"' not in out and f":{PASSWORD}@" not in out + err
