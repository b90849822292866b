"""``keydesk cloud ...`` against the simulator; secrets never reach output or logs."""

from __future__ import annotations

import json
import logging
import os
import select
import subprocess
import sys

import pytest

from app import logsetup
from app.cli.main import main
from app.cloud.sim import community as demo
from app.store.audit import AuditLog
from tests.cloud_support import DEMO_SECRETS, MOBILE

CLI = [sys.executable, "-c", "from ui.entry import main; raise SystemExit(main())"]


@pytest.fixture(autouse=True)
def restore_logging():
    """``main()`` installs log handlers (stderr with -v: pytest's captured stream, closed
    after the test); take them away again so later log lines don't hit a closed file."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture
def sim(cloud_sim, monkeypatch):
    """The simulated cloud, with its demo account in the KEYDESK_* variables."""
    for var, value in (("KEYDESK_CLOUD_URL", cloud_sim.url),
                       ("KEYDESK_ACCOUNT_SID", demo.DEMO_ACCOUNT_SID),
                       ("KEYDESK_AUTH_TOKEN", demo.DEMO_AUTH_TOKEN),
                       ("KEYDESK_COMMUNITY_NO", demo.DEMO_COMMUNITY_NO),
                       ("KEYDESK_ISSUE_MAC", demo.DEMO_ISSUE_MAC),
                       ("KEYDESK_CREATOR_MOBILE", demo.DEMO_OPERATOR_MOBILE),
                       ("KEYDESK_CREATOR_PASSWORD", demo.DEMO_OPERATOR_PASSWORD)):
        monkeypatch.setenv(var, value)
    # no OS keyring in tests: the environment supplies the secrets
    monkeypatch.setattr("app.settings.SecretStore.get", lambda self, name: None)
    return cloud_sim


def run(capsys, *argv):
    code = main(["cloud", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_rooms_json_lists_the_demo_community(sim, capsys):
    code, out, _ = run(capsys, "rooms", "--json")
    rooms = lines(out)
    assert code == 0 and len(rooms) == 7
    assert rooms[0]["room"] == "001-01-0101" and rooms[0]["lockType"] == "QRALOCK"
    assert rooms[0]["mac"] == "C4A828001101" and rooms[0]["buildingName"] == "Main building"


def test_demo_account_flag_needs_only_the_url(sim, capsys, monkeypatch):
    for var in ("KEYDESK_ACCOUNT_SID", "KEYDESK_AUTH_TOKEN", "KEYDESK_COMMUNITY_NO"):
        monkeypatch.delenv(var)
    code, out, _ = run(capsys, "rooms", "--demo-account", "--json")
    assert code == 0 and len(lines(out)) == 7


def test_issue_key_get_key_report_lost_cancel(sim, capsys, tmp_path):
    qr = tmp_path / "key.png"
    code, out, _ = run(capsys, "issue-key", "--room", "001-01-0101", "--mobile", MOBILE,
                       "--hours", "30", "--json", "--qr-out", str(qr), "--who", "anna")
    [issued] = lines(out)
    assert code == 0 and issued["ok"] and len(issued["cardNo"]) == 16
    card = issued["cardNo"]
    stored = sim.state.keys[card]
    assert (stored.end - stored.start).total_seconds() == 30 * 3600
    assert qr.read_bytes().startswith(b"\x89PNG")
    code, out, _ = run(capsys, "get-key", "--mobile", MOBILE, "--card", card, "--json")
    assert code == 0 and lines(out)[0]["qrPngBytes"] > 0
    code, out, _ = run(capsys, "report-lost", "--card", card, "--json")
    assert code == 0 and "fetch the key again" in lines(out)[0]["next"]
    assert sim.state.keys[card].lost
    assert run(capsys, "cancel", "--card", card, "--json")[0] == 0
    assert sim.state.keys[card].cancelled
    code, out, _ = run(capsys, "cancel", "--card", card, "--json", "--who", "anna")
    [failure] = lines(out)
    assert code == 1 and failure["code"] == "5301" and failure["ok"] is False
    # the audit trail: who, what, target and result of each operation, newest first
    entries = AuditLog().recent()
    assert [e.what for e in entries] == ["cloud.cancel_key", "cloud.cancel_key",
                                         "cloud.report_lost", "cloud.get_key",
                                         "cloud.issue_key.card", "cloud.issue_key"]
    assert (entries[0].who, entries[0].target, entries[0].result) == (
        "anna", card, "error cloud_api 5301")
    assert entries[1].ok and entries[-1].ok and entries[-1].target == "001-01-0101"
    assert entries[-1].who == "anna" and entries[-1].detail["mobile"] == MOBILE


def test_rf_unlock_log_and_test(sim, capsys):
    code, out, _ = run(capsys, "rf-issue", "--room", "001-01-0101", "--json")
    serial = lines(out)[0]["serial_num"]
    assert code == 0 and serial == sim.state.card_on_issuer
    assert sim.state.rf_cards[serial].room == ("001", "01", "0101")
    assert lines(run(capsys, "rf-read", "--json")[1])[0]["serial_num"] == serial
    assert run(capsys, "rf-cancel", "--serial", serial, "--json")[0] == 0
    assert sim.state.rf_cards[serial].cancelled
    code, out, _ = run(capsys, "unlock", "--room", "001-01-0101", "--json")
    said = lines(out)[0]
    assert code == 2 and said["error"] == "usage" and "--yes" in said["detail"]
    assert sim.requests["lockBoxRoom"] == 0  # nothing opens without confirmation
    assert run(capsys, "unlock", "--room", "001-01-0101", "--yes", "--json")[0] == 0
    assert sim.requests["lockBoxRoom"] == 1
    code, out, _ = run(capsys, "log", "--room", "001-01-0101", "--json")
    assert code == 0 and lines(out)[0]["open_way"] == "remote (gateway)"
    code, out, _ = run(capsys, "test", "--json")
    assert code == 0 and lines(out)[0]["rooms"] == 7
    assert lines(out)[0]["issuers"] == [demo.DEMO_ISSUE_MAC]
    assert lines(out)[0]["operator"] == "ok"


def test_wrong_token_gives_the_4008_explanation_not_a_trace(sim, capsys, monkeypatch):
    monkeypatch.setenv("KEYDESK_AUTH_TOKEN", "wrong-token-123")
    code, out, err = run(capsys, "rooms", "--json")
    [info] = lines(out)
    assert code == 1 and info["code"] == "4008" and info["domain"] == "cloud_api"
    assert info["title"] and info["explanation"] and info["known"]  # the catalog's words
    assert "Traceback" not in out + err
    code, out, err = run(capsys, "rooms")
    assert code == 1 and "Error 4008" in err and info["title"] in err
    assert "Traceback" not in err


def test_missing_credentials_say_what_is_missing(capsys, monkeypatch):
    monkeypatch.setattr("app.settings.SecretStore.get", lambda self, name: None)
    code, out, _ = run(capsys, "rooms", "--json")
    assert code == 1 and "Auth Token" in lines(out)[0]["detail"]


def test_secrets_never_reach_output_logs_or_errors(sim, capsys, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    outputs = []
    for argv in (["-v", "cloud", "rooms", "--json"],
                 ["-v", "cloud", "rf-read", "--json"],
                 ["-v", "cloud", "issue-key", "--room", "001-01-0101", "--mobile",
                  MOBILE, "--json"]):
        assert main(argv) == 0
        outputs.append(capsys.readouterr())
    sim.state.issuer_online = False
    assert main(["-v", "cloud", "rf-read", "--json"]) == 1
    outputs.append(capsys.readouterr())
    monkeypatch.setenv("KEYDESK_AUTH_TOKEN", "another-secret-token")
    assert main(["-v", "cloud", "rooms", "--json"]) == 1
    outputs.append(capsys.readouterr())
    text = "".join(o.out + o.err for o in outputs)
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    log_file = logsetup.log_file().read_text(encoding="utf-8")
    assert "cloud" in log_file.lower() or "HTTP" in log_file  # the log did capture calls
    audit = json.dumps([e.to_dict() for e in AuditLog().recent()])
    assert "cloud.rf_read" in audit  # the trail was written
    for secret in (*DEMO_SECRETS, "another-secret-token"):
        assert secret not in text
        assert secret not in log_file
        assert secret not in audit
        assert secret not in logged  # not even before the masking filter


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "the simulator printed nothing"
    return proc.stdout.readline()


@pytest.mark.skipif(sys.platform == "win32", reason="select() on a pipe is POSIX")
def test_fresh_shell_sim_cloud_then_rooms_and_issue_key(keydesk_home):
    """The issue's "done when": `keydesk sim cloud` + `keydesk cloud rooms --json` lists
    the demo community and `keydesk cloud issue-key ... --json` returns a card number."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEYDESK_")}
    env["KEYDESK_HOME"] = str(keydesk_home)
    proc = subprocess.Popen([*CLI, "sim", "cloud", "--listen", "127.0.0.1:0", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = json.loads(_first_line(proc, 30))["url"]
        env["KEYDESK_CLOUD_URL"] = url

        def cloud(*args):
            done = subprocess.run([*CLI, "cloud", *args, "--demo-account", "--json"],
                                  capture_output=True, text=True, timeout=60, env=env)
            return done.returncode, lines(done.stdout)

        code, rooms = cloud("rooms")
        assert code == 0 and len(rooms) == 7
        code, [issued] = cloud("issue-key", "--room", rooms[0]["room"], "--mobile", MOBILE)
        assert code == 0 and len(issued["cardNo"]) == 16 and issued["ok"]
    finally:
        proc.terminate()
        proc.wait(10)
