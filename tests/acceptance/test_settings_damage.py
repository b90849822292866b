"""Issue 10, as processes: a damaged settings file never hangs or breaks ``keydesk``.

The window command on each damaged file opens and closes (a wrapper quits its event loop
once it runs) within the timeout; a start-up failure ends the process with the reason;
``card`` and ``explain`` go on, naming the problem on stderr. The file is never changed.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.acceptance.conftest import CLI_TIMEOUT, ROOT, KeyDesk, Result, no_traceback

# Runs the real `keydesk window` command; its event loop is ended 0.3 s after it starts.
WINDOW_THEN_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
run = QApplication.exec
def run_briefly(*_args):
    QTimer.singleShot(300, QApplication.instance().quit)
    return run()
QApplication.exec = run_briefly
{patch}
from ui.entry import main
sys.exit(main(["window"]))
"""

BREAK_THE_WINDOW = """
import ui.main_window
def broken(self, ctx):
    raise RuntimeError("a page could not be built")
ui.main_window.MainWindow.__init__ = broken
"""

ISSUE_CASES = ['{"ui_state":{"geometry":5}}', '{"version":"x"}', '{"version":null}',
               '{"event_retention_days":100000000000}', '{"event_retention_days": 30,}']


def _window(keydesk: KeyDesk, patch: str = "") -> Result:
    code = WINDOW_THEN_QUIT.format(patch=patch)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=keydesk.env,
                          capture_output=True, text=True, encoding="utf-8",
                          timeout=CLI_TIMEOUT, check=False)  # a hang fails here
    return Result(["window"], proc.returncode, proc.stdout, proc.stderr)


def _settings(keydesk_home, content: str):
    path = keydesk_home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("content", ISSUE_CASES)
def test_window_command_on_a_damaged_file_opens_and_ends(keydesk, keydesk_home, content):
    path = _settings(keydesk_home, content)
    result = _window(keydesk)
    assert result.rc == 0, str(result)
    no_traceback(result)
    assert path.read_text(encoding="utf-8") == content
    assert [p.read_text(encoding="utf-8") for p in path.parent.glob("settings.damaged-*")] == [
        content]


def test_a_start_up_failure_ends_the_process_with_the_reason(keydesk):
    result = _window(keydesk, BREAK_THE_WINDOW)
    assert result.rc == 1, str(result)
    no_traceback(result)
    assert "KeyDesk could not start: RuntimeError: a page could not be built" in result.err
    assert "log" in result.err


@pytest.fixture(scope="module")
def encoder(sim_factory):
    return sim_factory("encoder")


@pytest.mark.parametrize("content", ['{"version":"x"}', '{"version":null}',
                                     '{"card_layout": 5, "encoder_trace": "yes",}'])
def test_card_commands_work_on_a_damaged_file_and_name_it(keydesk, keydesk_home, encoder,
                                                          content):
    path = _settings(keydesk_home, content)
    result = keydesk("card", "info", "--port", encoder.url, "--json")
    assert result.rc == 0, str(result)
    no_traceback(result)
    assert result.one()["ok"] is True  # stdout stays one clean JSON line
    assert "has problems" in result.err and str(path) in result.err
    assert path.read_text(encoding="utf-8") == content


def test_explain_names_the_damaged_field_in_the_users_language(keydesk, keydesk_home):
    _settings(keydesk_home, '{"language": "pt-BR", "event_retention_days": "0"}')
    result = keydesk("explain", "5310")
    assert result.rc == 0, str(result)
    assert "event_retention_days" in result.err and "número inteiro" in result.err
    assert "Não foi possível conectar" in result.out  # the explanation, in Portuguese
