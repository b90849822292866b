"""``keydesk cloud ...`` against the simulator; secrets never reach output or logs."""

from __future__ import annotations

import json
import logging

import pytest

from app import logsetup
from app.cli.main import main
from app.cloud.signing import hash_password
from app.cloud.sim import CloudSimulator
from app.cloud.sim import community as demo
from app.store.audit import AuditLog

SECRETS = (demo.DEMO_AUTH_TOKEN, demo.DEMO_OPERATOR_PASSWORD,
           hash_password(demo.DEMO_OPERATOR_PASSWORD))


@pytest.fixture
def sim(monkeypatch):
    s = CloudSimulator()
    url = s.start()
    monkeypatch.setenv("KEYDESK_CLOUD_URL", url)
    monkeypatch.setenv("KEYDESK_ACCOUNT_SID", demo.DEMO_ACCOUNT_SID)
    monkeypatch.setenv("KEYDESK_AUTH_TOKEN", demo.DEMO_AUTH_TOKEN)
    monkeypatch.setenv("KEYDESK_COMMUNITY_NO", demo.DEMO_COMMUNITY_NO)
    monkeypatch.setenv("KEYDESK_ISSUE_MAC", demo.DEMO_ISSUE_MAC)
    monkeypatch.setenv("KEYDESK_CREATOR_MOBILE", demo.DEMO_OPERATOR_MOBILE)
    monkeypatch.setenv("KEYDESK_CREATOR_PASSWORD", demo.DEMO_OPERATOR_PASSWORD)
    # no OS keyring in tests: the environment supplies the secrets
    monkeypatch.setattr("app.settings.SecretStore.get", lambda self, name: None)
    yield s
    s.stop()


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


def test_demo_account_flag_needs_only_the_url(sim, capsys, monkeypatch):
    for var in ("KEYDESK_ACCOUNT_SID", "KEYDESK_AUTH_TOKEN", "KEYDESK_COMMUNITY_NO"):
        monkeypatch.delenv(var)
    code, out, _ = run(capsys, "rooms", "--demo-account", "--json")
    assert code == 0 and len(lines(out)) == 7


def test_issue_key_get_key_report_lost_cancel(sim, capsys, tmp_path):
    qr = tmp_path / "key.png"
    code, out, _ = run(capsys, "issue-key", "--room", "001-01-0101", "--mobile", "13900001111",
                       "--hours", "30", "--json", "--qr-out", str(qr))
    [issued] = lines(out)
    assert code == 0 and len(issued["cardNo"]) == 16
    assert qr.read_bytes().startswith(b"\x89PNG")
    card = issued["cardNo"]
    assert run(capsys, "get-key", "--mobile", "13900001111", "--card", card, "--json")[0] == 0
    code, out, _ = run(capsys, "report-lost", "--card", card, "--json")
    assert code == 0 and "fetch the key again" in lines(out)[0]["next"]
    assert run(capsys, "cancel", "--card", card, "--json")[0] == 0
    code, out, _ = run(capsys, "cancel", "--card", card, "--json")
    assert code == 1 and lines(out)[0]["code"] == "5301"
    whats = [e.what for e in AuditLog().recent()]
    assert "cloud.issue_key" in whats and "cloud.cancel_key" in whats


def test_rf_unlock_log_and_test(sim, capsys):
    code, out, _ = run(capsys, "rf-issue", "--room", "001-01-0101", "--json")
    serial = lines(out)[0]["serial_num"]
    assert code == 0 and serial
    assert lines(run(capsys, "rf-read", "--json")[1])[0]["serial_num"] == serial
    assert run(capsys, "rf-cancel", "--serial", serial, "--json")[0] == 0
    assert run(capsys, "unlock", "--room", "001-01-0101", "--json")[0] == 1  # needs --yes
    assert run(capsys, "unlock", "--room", "001-01-0101", "--yes", "--json")[0] == 0
    code, out, _ = run(capsys, "log", "--room", "001-01-0101", "--json")
    assert code == 0 and lines(out)[0]["open_way"] == "remote (gateway)"
    code, out, _ = run(capsys, "test", "--json")
    assert code == 0 and lines(out)[0]["rooms"] == 7


def test_wrong_token_gives_the_4008_explanation_not_a_trace(sim, capsys, monkeypatch):
    monkeypatch.setenv("KEYDESK_AUTH_TOKEN", "wrong-token-123")
    code, out, err = run(capsys, "rooms", "--json")
    [info] = lines(out)
    assert code == 1 and info["code"] == "4008" and info["domain"] == "cloud_api"
    assert info.get("title")  # the catalog's explanation is there
    assert "Traceback" not in out + err
    code, out, err = run(capsys, "rooms")
    assert code == 1 and "4008" in err and "Traceback" not in err


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
                  "13900001111", "--json"]):
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
    for secret in (*SECRETS, "another-secret-token"):
        assert secret not in text
        assert secret not in log_file
        assert secret not in audit
        assert secret not in logged  # not even before the masking filter
