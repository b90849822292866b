"""Issue 11 through the real ``keydesk`` command: a local mistake is a usage error (exit 2)
naming the value and the form to use, a failure names the part that failed, no traceback
reaches the person, and Ctrl+C during a card issue says what the card holds."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from datetime import datetime, timedelta

import pytest

from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, no_traceback
from tests.stays import FROM, TO


@pytest.fixture(scope="module")
def encoder(sim_factory):
    return sim_factory("encoder")


def control(encoder, **request) -> dict:
    import socket

    host, _, port = encoder.info["control"].rpartition(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall((json.dumps(request) + "\n").encode())
        return json.loads(s.makefile("rb").readline())


def wait_until(condition, timeout: float, every: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def test_ctrl_c_during_a_card_issue_says_what_the_card_holds(encoder, keydesk: KeyDesk):
    """A real SIGINT in the middle of an issue on a slowed encoder: the command says what
    the card now holds (as the window's Cancel does) and the card reads "issue not
    finished", never as altered or forged."""
    control(encoder, cmd="clear")
    control(encoder, cmd="place", kind="classic-1k")
    first = keydesk("card", "issue", "--port", encoder.url, "--room", "101", "--from", FROM,
                    "--to", TO, "--json")
    assert first.rc == 0, str(first)  # the card holds a valid stay
    # The write of block 5 (the stay) hangs in the chip: Ctrl+C comes while it does.
    control(encoder, cmd="fault", kind="slow", count=1, seconds=4, at_write=5)
    proc = subprocess.Popen(
        [*KEYDESK, "card", "issue", "--port", encoder.url, "--room", "204", "--from", FROM,
         "--to", TO, "--json"], cwd=ROOT, env=keydesk.env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert wait_until(lambda: "slow" in control(encoder, cmd="status")["fired"], 30), \
            "the slowed write never came"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Traceback" not in out + err, err
    assert proc.returncode == 130, (out, err)
    assert "Interrupted: issue cancelled; not issued" in err, err
    assert "earlier stay was cleared" in err and "opens no door" in err, err
    said = json.loads(out.splitlines()[-1])
    assert said["ok"] is False and said["error"] == "cancelled" and "not issued" in said["state"]

    def read_back():
        result = keydesk("card", "read", "--port", encoder.url, "--quick", "--json")
        return result if result.rc == 0 else None

    assert wait_until(read_back, 20, every=0.3), "the encoder stayed busy"
    back = read_back().one()
    assert back["valid"] is False
    assert back["reason"].startswith("issue not finished"), back
    assert "forged" not in back["reason"] and "altered" not in back["reason"]
    again = keydesk("card", "issue", "--port", encoder.url, "--room", "204", "--from", FROM,
                    "--to", TO, "--json")
    assert again.rc == 0 and again.one()["ok"] is True, str(again)


@pytest.mark.parametrize(("argv", "names"), [
    (["card", "issue", "--trace", "/nonexistent/t.txt", "--room", "101", "--from", FROM,
      "--to", TO], ["--trace", "/nonexistent"]),
    (["card", "duplicate", "--wait", "nan"], ["--wait", "nan", "seconds"]),
    (["card", "issue", "--room", "101", "--from", "2020-01-01T14:00", "--to",
      "2020-01-02T12:00"], ["--to", "passed"]),
    (["card", "info", "--port", "socket://127.0.0.1:99999"], ["--port", "99999", "65535"]),
    (["monitor", "--device", "http://127.0.0.1:99999"], ["--device", "99999"]),
    (["monitor", "--device", "http://127.0.0.1:1", "--heartbeat", "0"], ["--heartbeat"]),
    (["monitor", "--device", "http://127.0.0.1:1", "--heartbeat", "-5"], ["--heartbeat"]),
    (["explain", "9" * 5000], ["5000 characters", "64"]),
    (["readers", "enrol-card", "--device", "http://127.0.0.1:1", "--card", "12EA3004",
      "--from", "2026-12-03 14:00", "--to", "2026-12-01 12:00"], ["--to", "--from"]),
])
def test_a_local_mistake_is_a_usage_error_naming_the_value(keydesk: KeyDesk, argv, names):
    result = keydesk(*argv, KEYDESK_READER_PASSWORD="pw")
    no_traceback(result)
    assert result.rc == 2, str(result)
    for name in names:
        assert name in result.err, (name, str(result))
    assert "Error " not in result.err  # no catalog failure blamed on a device or the cloud


def test_language_is_accepted_in_any_case(keydesk: KeyDesk):
    result = keydesk("explain", "5310", "--domain", "encoder", "--lang", "pt-br", "--json")
    assert result.rc == 0 and result.one()["lang"] == "pt-BR", str(result)


def test_monitor_without_a_password_is_our_mistake_not_the_readers(keydesk: KeyDesk):
    result = keydesk("monitor", "--device", "http://127.0.0.1:1", "--json")
    no_traceback(result)
    assert result.rc == 2, str(result)
    assert "KEYDESK_READER_PASSWORD" in result.err and "refused" not in result.err.lower()


def test_keydesk_home_naming_a_file(keydesk: KeyDesk, tmp_path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    explained = keydesk("explain", "5310", "--domain", "encoder", KEYDESK_HOME=str(a_file))
    no_traceback(explained)
    assert explained.rc == 0 and "Card encoder could not be reached" in explained.out
    assert "KEYDESK_HOME" in explained.err  # said once, the command still works
    card = keydesk("card", "read", "--port", "socket://127.0.0.1:1", KEYDESK_HOME=str(a_file))
    no_traceback(card)
    assert card.rc == 2 and "KEYDESK_HOME" in card.err and "folder" in card.err, str(card)


def test_unusable_data_folder_is_explained(keydesk: KeyDesk, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "data").write_text("a file where the data folder should be")
    result = keydesk("readers", "info", "--device", "http://127.0.0.1:1", "--json",
                     KEYDESK_HOME=str(home), KEYDESK_READER_PASSWORD="pw")
    no_traceback(result)
    assert result.rc == 1, str(result)
    info = result.one()
    assert (info["domain"], info["code"]) == ("desk", "folder"), info
    assert "data folder" in info["detail"] and str(home / "data") in info["detail"]


def test_an_audit_trail_that_cannot_be_opened_is_explained(keydesk: KeyDesk, tmp_path):
    """A read-only data folder used to end in a bare SQLite error from `cloud`."""
    home = tmp_path / "home"
    (home / "data" / "audit.sqlite3").mkdir(parents=True)  # cannot be opened as a file
    result = keydesk("cloud", "rooms", "--demo-account", "--json", KEYDESK_HOME=str(home))
    no_traceback(result)
    assert result.rc == 1, str(result)
    info = result.one()
    assert (info["domain"], info["code"]) == ("desk", "folder"), info
    assert "audit trail" in info["detail"] and info["action"]


def test_a_log_folder_that_cannot_be_used_is_said_once_and_work_goes_on(keydesk: KeyDesk,
                                                                        tmp_path):
    """A read-only (here: not a folder) logs/ ended every command in a PermissionError."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder should be")
    explained = keydesk("explain", "5310", "--domain", "encoder", KEYDESK_HOME=str(home))
    no_traceback(explained)
    assert explained.rc == 0 and "Card encoder could not be reached" in explained.out
    assert explained.err.count("no log file") == 1 and str(home / "logs") in explained.err
    card = keydesk("card", "read", "--port", "socket://127.0.0.1:1", "--json",
                   KEYDESK_HOME=str(home))
    no_traceback(card)
    assert card.rc == 1 and card.one()["domain"] == "encoder", str(card)  # the encoder's


def test_a_card_stay_a_year_ahead_needs_yes(keydesk: KeyDesk):
    """Not wrong, only unusual: asked for (--yes), and then the encoder is the next step."""
    start = (datetime.now() + timedelta(days=400)).strftime("%Y-%m-%dT14:00")
    end = (datetime.now() + timedelta(days=402)).strftime("%Y-%m-%dT12:00")
    argv = ["card", "issue", "--port", "socket://127.0.0.1:1", "--room", "101",
            "--from", start, "--to", end]
    asked = keydesk(*argv)
    no_traceback(asked)
    assert asked.rc == 2 and "more than a year" in asked.err and "--yes" in asked.err
    confirmed = keydesk(*argv, "--yes", "--json")
    no_traceback(confirmed)
    assert confirmed.rc == 1 and confirmed.one()["domain"] == "encoder", str(confirmed)
