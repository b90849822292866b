"""Issue 11 on ``keydesk cloud``: a local mistake is a usage error (exit 2) said before
anything is sent, the cloud is blamed only for what the cloud said, the rooms are taken
as ``cloud rooms`` prints them, a key that exists is always printed, and the connection
test checks every credential it can."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.cli.main import main
from app.cloud.sim import community as demo
from tests.cloud_support import MOBILE

DEMO_VARS = {
    "KEYDESK_ACCOUNT_SID": demo.DEMO_ACCOUNT_SID,
    "KEYDESK_AUTH_TOKEN": demo.DEMO_AUTH_TOKEN,
    "KEYDESK_COMMUNITY_NO": demo.DEMO_COMMUNITY_NO,
    "KEYDESK_ISSUE_MAC": demo.DEMO_ISSUE_MAC,
    "KEYDESK_CREATOR_MOBILE": demo.DEMO_OPERATOR_MOBILE,
    "KEYDESK_CREATOR_PASSWORD": demo.DEMO_OPERATOR_PASSWORD,
}


@pytest.fixture(autouse=True)
def restore_logging():
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    """No OS keyring and no KEYDESK_* of the shell: each test sets what it means to."""
    for var in (*DEMO_VARS, "KEYDESK_CLOUD_URL", "KEYDESK_CLOUD_TZ"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("app.settings.SecretStore.get", lambda self, name: None)


@pytest.fixture
def sim(cloud_sim, monkeypatch):
    monkeypatch.setenv("KEYDESK_CLOUD_URL", cloud_sim.url)
    for var, value in DEMO_VARS.items():
        monkeypatch.setenv(var, value)
    cloud_sim.requests.clear()
    return cloud_sim


def cloud(capsys, *argv):
    """(exit status, JSON lines on stdout, stderr) of ``keydesk cloud ARGV --json``."""
    try:
        code = main(["cloud", *argv, "--json"])
    except SystemExit as exc:  # argparse's own usage errors (a value's type refused)
        code = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, err
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def usage(capsys, *argv) -> str:
    code, said, err = cloud(capsys, *argv)
    assert code == 2, (code, said, err)
    assert said[-1]["error"] == "usage" and "Error " not in err, (said, err)
    return said[-1]["detail"]


def community_time(delta: timedelta) -> str:
    """A time on the demo community's clock, ``delta`` from now, as typed."""
    when = datetime.now(ZoneInfo(demo.DEMO_TIMEZONE)) + delta
    return when.strftime("%Y-%m-%dT%H:%M")


def test_unlock_without_yes_is_a_usage_error_and_asks_nothing(sim, capsys):
    detail = usage(capsys, "unlock", "--room", "001-01-0101")
    assert "--yes" in detail
    assert sum(sim.requests.values()) == 0  # not even the room directory


def test_rooms_are_taken_as_cloud_rooms_prints_them(sim, capsys):
    code, rooms, _ = cloud(capsys, "rooms")
    printed = {r["name"]: r["room"] for r in rooms}
    assert printed["101"] == "001-01-0101" and printed["G101"] == "002-01-0101"
    for name in ("101", "g101"):  # the name column, in any case
        code, [key], _ = cloud(capsys, "issue-key", "--room", name, "--mobile", MOBILE)
        assert code == 0 and key["room"] == printed[name.upper()], key
    sim.requests.clear()
    detail = usage(capsys, "issue-key", "--room", "room nine!", "--mobile", MOBILE)
    assert "'room nine!'" in detail and "001-01-0101" in detail and "cloud rooms" in detail
    assert sim.requests["getLink"] == 0  # no key was asked for


def test_a_reversed_or_too_long_door_log_period_is_ours(sim, capsys):
    detail = usage(capsys, "log", "--room", "001-01-0101", "--from", "2026-12-03",
                   "--to", "2026-12-01")
    assert "--from" in detail and "--to" in detail and "2026-12-01" in detail
    detail = usage(capsys, "log", "--room", "001-01-0101", "--from", "2026-01-01",
                   "--to", "2026-03-01")
    assert "59 days" in detail and "31" in detail
    assert sum(sim.requests.values()) == 0  # never blamed on the cloud (it was 5100)


def test_unlock_without_a_gateway_says_so_and_sends_nothing(sim, capsys):
    code, [failure], _ = cloud(capsys, "unlock", "--room", "102", "--yes")
    assert code == 1 and (failure["domain"], failure["code"]) == ("cloud_desk", "no-gateway")
    assert failure["title"] == "This room's lock has no gateway", failure
    assert "001-01-0102" in failure["detail"] and "on site" in failure["action"]
    assert sim.requests["lockBoxRoom"] == 0
    code, [done], _ = cloud(capsys, "unlock", "--room", "101", "--yes")
    assert code == 0 and done["room"] == "001-01-0101" and sim.requests["lockBoxRoom"] == 1


def test_nothing_set_up_names_what_is_missing(capsys):
    code, [failure], _ = cloud(capsys, "rooms")
    assert code == 1 and (failure["domain"], failure["code"]) == ("desk", "cloud-not-set-up")
    assert failure["title"] == "The lock cloud is not set up yet"
    for missing in ("Account SID (KEYDESK_ACCOUNT_SID)", "Auth Token (KEYDESK_AUTH_TOKEN)",
                    "Community number (KEYDESK_COMMUNITY_NO)"):
        assert missing in failure["detail"], failure
    assert "clock" not in failure["title"] + failure["explanation"]  # it was 401 "check the clock"
    main(["cloud", "rooms"])
    text = capsys.readouterr().err
    assert "The lock cloud is not set up yet" in text and "KEYDESK_AUTH_TOKEN" in text


def test_the_connection_test_checks_the_operators_login(sim, capsys, monkeypatch):
    code, [ok], _ = cloud(capsys, "test")
    assert code == 0 and ok["operator"] == "ok" and sim.requests["readCard"] == 1
    monkeypatch.setenv("KEYDESK_CREATOR_PASSWORD", "not-the-operators-password")
    code, [failure], _ = cloud(capsys, "test")
    assert code == 1 and failure["code"] == "5303", failure  # as rf-issue would fail later
    monkeypatch.delenv("KEYDESK_CREATOR_PASSWORD")
    code, [unchecked], _ = cloud(capsys, "test")
    assert code == 0 and unchecked["operator"] == "not set"
    main(["cloud", "test"])
    assert "operator login not checked" in capsys.readouterr().out
    sim.state.issuer_online = False
    monkeypatch.setenv("KEYDESK_CREATOR_PASSWORD", demo.DEMO_OPERATOR_PASSWORD)
    code, [offline], _ = cloud(capsys, "test")
    assert code == 0 and offline["operator"] == "issuer offline"


def test_the_connection_test_checks_the_card_issuer(sim, capsys, monkeypatch):
    monkeypatch.setenv("KEYDESK_ISSUE_MAC", "A4C138000DFF")
    code, [failure], _ = cloud(capsys, "test")
    assert code == 1 and failure["code"] == "issuer-not-listed", failure
    assert "A4C138000DFF" in failure["detail"] and demo.DEMO_ISSUE_MAC in failure["detail"]


def test_qr_out_is_checked_before_the_key_is_made(sim, capsys):
    detail = usage(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                   "--qr-out", "/nonexistent/x.png")
    assert "/nonexistent" in detail
    assert sim.requests["getLink"] == 0


def test_a_key_that_exists_is_printed_even_when_its_image_cannot_be_saved(
        sim, capsys, tmp_path, monkeypatch):
    target = tmp_path / "qr.png"

    def disk_full(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    code, [key, failure], _ = cloud(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                                    "--qr-out", str(target))
    assert code == 1 and key["ok"] is True and len(key["cardNo"]) == 16 and not key["qrPng"]
    assert (failure["domain"], failure["code"]) == ("desk", "file-not-saved")
    assert key["cardNo"] in failure["detail"] and "get-key" in failure["detail"]
    assert "No space left" in failure["detail"]
    assert sim.requests["getLink"] == 1  # one key, not a second one


@pytest.mark.parametrize(("argv", "names"), [
    (["get-key", "--mobile", MOBILE, "--card", ""], ["--card", "card number"]),
    (["get-key", "--mobile", "12ab", "--card", "X"], ["--mobile", "'12ab'"]),
    (["rooms", "--timeout", "nan"], ["--timeout", "'nan'"]),
    (["rooms", "--timeout", "0"], ["--timeout", "'0'"]),
    (["rooms", "--timeout", "-1"], ["--timeout", "'-1'"]),
    (["issue-key", "--room", "101", "--mobile", MOBILE, "--hours", "inf"], ["--hours"]),
    (["issue-key", "--room", "101", "--mobile", MOBILE, "--hours", "1e308"], ["--hours"]),
    (["issue-key", "--room", "101", "--mobile", MOBILE, "--start", "9999-12-31T23:00"],
     ["--start", "2099-12-31"]),
    (["issue-key", "--room", "101", "--mobile", MOBILE, "--start", "2026-13-01T10:00"],
     ["--start", "2026-13-01"]),
    (["issue-key", "--room", "101", "--mobile", MOBILE, "--area-code", "+x"],
     ["--area-code"]),
    (["log", "--room", "101", "--from", "2026-13-01"], ["--from", "2026-13-01"]),
    (["rooms", "--url", "http://127.0.0.1:99999"], ["--url", "99999"]),
])
def test_typed_values_are_checked_before_anything_is_sent(sim, capsys, argv, names):
    detail = usage(capsys, *argv)
    for name in names:
        assert name in detail, (name, detail)
    assert sum(sim.requests.values()) == 0


def test_a_stay_is_checked_as_every_stay_is(sim, capsys):
    detail = usage(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                   "--start", community_time(timedelta(days=2)),
                   "--end", community_time(timedelta(days=1)))
    assert "--end" in detail and "--start" in detail
    detail = usage(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                   "--start", community_time(timedelta(days=-3)),
                   "--end", community_time(timedelta(days=-2)))
    assert "passed" in detail
    detail = usage(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                   "--start", community_time(timedelta(days=400)), "--hours", "24")
    assert "--yes" in detail
    detail = usage(capsys, "rf-issue", "--room", "101", "--end",
                   community_time(timedelta(hours=-1)))
    assert "--end" in detail and "passed" in detail
    assert sum(sim.requests.values()) == 0
    code, [asked], _ = cloud(capsys, "issue-key", "--room", "101", "--mobile", MOBILE,
                             "--start", community_time(timedelta(days=400)), "--hours", "24",
                             "--yes")
    assert code == 1 and asked["code"] == "5107"  # confirmed: now the cloud's own answer
