"""Test-wide setup: an isolated KeyDesk home, offscreen Qt, no real keyring."""

from __future__ import annotations

import faulthandler
import os
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# When the README's test command runs us, a hard crash (a segfault in a native library)
# is written to this file with the test that was running, so the command can report it
# plainly instead of leaving a wall of thread dumps (see installer/bootstrap.py).
_CRASH_LOG = os.environ.get("KEYDESK_CRASH_LOG")
_crash_file = open(_CRASH_LOG, "w", encoding="utf-8") if _CRASH_LOG else None
if _crash_file is not None:
    faulthandler.enable(_crash_file, all_threads=True)


def pytest_runtest_logstart(nodeid: str, location: object) -> None:
    if _crash_file is not None:
        _crash_file.write(f"running {nodeid}\n")
        _crash_file.flush()


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
