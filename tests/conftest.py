"""Test-wide setup: an isolated KeyDesk home, offscreen Qt, no real keyring."""

from __future__ import annotations

import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def keydesk_home(tmp_path, monkeypatch):
    """Every test gets its own config/data/log folders (never the real profile)."""
    home = tmp_path / "keydesk-home"
    monkeypatch.setenv("KEYDESK_HOME", str(home))
    return home


@pytest.fixture
def runtime():
    from app.runtime import Runtime

    rt = Runtime().start()
    yield rt
    assert rt.shutdown(), "runtime threads did not stop"


def non_daemon_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
