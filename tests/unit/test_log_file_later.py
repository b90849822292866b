"""The window's log file opened after its first paint (``logsetup.configure(rotate=False)``
then ``start_rotation()``): nothing logged meanwhile is lost, a warning is on disk at once,
and the program's exit writes what is still held."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import logsetup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def held(keydesk_home):
    """The log configured as the window starts; the root logger put back afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = logsetup.configure(logging.INFO, rotate=False)
    yield path
    for h in list(root.handlers):
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def _flushed_text(path: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_records_before_the_rotation_starts_reach_the_file_first_and_in_order(held):
    log = logging.getLogger("test.later")
    assert held == logsetup.log_file() and not held.exists()  # where it will be; not yet
    log.info("one before the paint")
    log.info("two before the paint, token %s", "Held-Secret-123456")
    logsetup.register_secret("Held-Secret-123456")  # registered later: still masked
    assert not held.exists()

    assert logsetup.start_rotation() == held
    log.info("three after")
    text = _flushed_text(held)
    lines = [line for line in text.splitlines() if "test.later" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "one before the paint", "two before the paint, token ***", "three after"]
    assert "Held-Secret-123456" not in text
    assert logsetup.start_rotation() is None  # once: the file is open already


def test_a_warning_before_the_rotation_starts_is_on_disk_at_once(held):
    log = logging.getLogger("test.later.warning")
    log.info("an ordinary line")
    log.warning("something is wrong before the first paint")
    text = _flushed_text(held)  # no start_rotation: the warning opened the file
    assert text.index("an ordinary line") < text.index("something is wrong")
    log.info("and what follows goes straight through")
    assert "and what follows" in _flushed_text(held)
    logsetup.start_rotation()
    log.info("after the rotation started")
    text = _flushed_text(held)
    assert text.count("an ordinary line") == 1 and "after the rotation started" in text


def test_an_exit_before_the_rotation_starts_still_writes_the_held_records(keydesk_home):
    code = ("import logging\nfrom app import logsetup\n"
            "logsetup.configure(logging.INFO, rotate=False)\n"
            "logging.getLogger('test.exit').info('held until the exit')\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60,
                   env={**os.environ, "KEYDESK_HOME": str(keydesk_home)})
    assert "held until the exit" in logsetup.log_file().read_text(encoding="utf-8")


def test_the_window_commands_open_their_log_file_later_and_the_others_at_once():
    from ui.entry import build_full_parser, opens_the_window

    parser = build_full_parser()
    for words in ([], ["window"], ["demo"]):
        assert opens_the_window(parser.parse_args(words)), words
    for words in (["self-test"], ["explain", "5310"], ["sim", "encoder"]):
        assert not opens_the_window(parser.parse_args(words)), words
