"""Test-wide setup: an isolated KeyDesk home, offscreen Qt, no real keyring."""

from __future__ import annotations

import faulthandler
import os
import signal
import threading

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A shell without job control starts a background command (``… &``, as some CI runners
# and nohup'd scripts do) with Ctrl+C ignored, and every process it starts inherits that:
# the tests that press Ctrl+C in a KeyDesk command (in this process or a child) would see
# it vanish. The tests are about a person at a terminal, so Ctrl+C means what it does there.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# When the README's test command runs us, a hard crash (a segfault in a native library)
# is written to this file with the test that was running, so the command can report it
# plainly instead of leaving a wall of thread dumps (see installer/bootstrap.py).
_CRASH_LOG = os.environ.get("KEYDESK_CRASH_LOG")
if _CRASH_LOG and os.environ.get("PYTEST_XDIST_WORKER"):  # a file per worker process
    _CRASH_LOG = f"{_CRASH_LOG}.{os.environ['PYTEST_XDIST_WORKER']}"
_crash_file = open(_CRASH_LOG, "w", encoding="utf-8") if _CRASH_LOG else None
if _crash_file is not None:
    faulthandler.enable(_crash_file, all_threads=True)


# Modules whose tests deal in dates and times (the lock cloud, cards): marked ``pc_zones``,
# so the README's test command runs them again under other PC time zones (see
# installer/bootstrap.py). A test elsewhere can carry ``@pytest.mark.pc_zones`` itself.
PC_ZONE_MODULES = (
    "tests/unit/test_cloud_", "tests/integration/test_cloud_", "tests/acceptance/test_cloud_",
    "tests/gui/test_cloud_", "tests/unit/test_layout.py",
    "tests/integration/test_encoder_service.py", "tests/gui/test_encoder_panel.py",
    "tests/acceptance/test_encoder_cli.py",
)


# Cloud modules with nothing of dates in them (hostile servers: sizes, not times).
PC_ZONE_EXCLUDED = ("tests/integration/test_cloud_hostile.py",)

# Tests of those modules about links, faults and secrets, with no date in what they check:
# left out of the re-runs, which cost minutes of the suite's 15-minute budget.
PC_ZONE_DATELESS = (
    "test_uid_info_and_ultralight_card", "test_card_pulled_mid_write_",
    "test_port_vanishing_mid_operation", "test_wipe_returns_the_card_to_blank",
    "test_unreachable_or_missing_port", "test_silent_encoder_is_no_answer",
    "test_desfire_card_is_refused", "test_no_card_on_the_encoder",
    "test_serial_trace_masks_the_keys", "test_secrets_never_reach_output",
    "test_unreachable_cloud_fails_explained", "test_wrong_auth_token_is_4008",
    "test_reads_give_up_with_a_network_error", "test_drip_fed_answer_ends_at_the_deadline",
    "test_truncated_answer_to_issue_key", "test_no_secret_reaches_any_file",
    "test_usb_unplug_and_replug", "test_port_vanishing_then_back",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        where = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else ""
        if (where.startswith(PC_ZONE_MODULES) and not where.startswith(PC_ZONE_EXCLUDED)
                and not item.name.startswith(PC_ZONE_DATELESS)):
            item.add_marker(pytest.mark.pc_zones)


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


# A real PostgreSQL server for the site store's tests (tests/pg_server.py).
from tests.pg_server import pg_server, pg_url  # noqa: E402, F401
