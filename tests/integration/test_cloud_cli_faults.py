"""``keydesk cloud ...`` (in-process ``main()``) when the cloud misbehaves: one key at
most, "outcome unknown" with the command to check, audited; explained errors instead of
``ok`` with an empty key or an empty directory; no traceback."""

from __future__ import annotations

import json
import time

import pytest

from app.cli.main import main
from app.cloud.sim import handlers_records
from app.store.audit import AuditLog
from tests.cloud_support import MOBILE

ROOM = "001-01-0101"


@pytest.fixture
def sim(cloud_sim, monkeypatch):
    monkeypatch.setenv("KEYDESK_CLOUD_URL", cloud_sim.url)
    return cloud_sim


def cloud(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(["cloud", *argv, "--demo-account", "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_truncated_answer_to_issue_key_is_the_key_that_was_made(sim, capsys):
    sim.inject("truncate", "getLink")
    code, [issued], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE)
    assert code == 0 and issued["ok"] and issued["verifiedAfterTimeout"]
    assert list(sim.state.keys) == [issued["cardNo"]]
    code, again, _ = cloud(capsys, "keys", "--room", ROOM, "--mobile", MOBILE)
    assert code == 0 and [k["cardNo"] for k in again] == [issued["cardNo"]]


def test_drip_fed_answer_ends_at_the_deadline_audited_as_unknown(sim, capsys, monkeypatch):
    """``--timeout 1`` is a total deadline per request: a drip-fed answer (and a cloud
    without the look-up) ends in seconds as "outcome unknown", with an audit row."""
    monkeypatch.delitem(handlers_records.HANDLERS, "queryCardByMobile")
    sim.inject("drip", "getLink", delay=0.3)  # the whole answer would take ~25 s
    began = time.monotonic()
    code, [failure], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE,
                               "--timeout", "1", "--who", "anna")
    assert time.monotonic() - began < 12
    assert code == 1 and failure["ok"] is False
    assert (failure["domain"], failure["code"]) == ("cloud_desk", "outcome-unknown")
    assert f"keydesk cloud keys --room {ROOM} --mobile {MOBILE}" in failure["state"]
    assert failure["title"] and "Do not repeat it yet" in failure["action"]
    assert sim.requests["getLink"] == 1
    [row] = AuditLog().recent(what_prefix="cloud.issue_key")
    assert row.result == "error cloud_desk outcome-unknown" and row.who == "anna"
    assert row.detail["state"].startswith("outcome unknown")


def test_empty_bluetooth_key_is_5208_not_ok(sim, capsys):
    sim.inject("reshape", "getCard", reshape=lambda e: {**e, "data": {"bleStr": ""}})
    code, [failure], _ = cloud(capsys, "get-key", "--mobile", MOBILE, "--lock-mac",
                               "C4A828001101")
    assert code == 1 and failure["ok"] is False and failure["code"] == "5208"


def test_empty_qr_key_is_5014_not_ok(sim, capsys, tmp_path):
    code, [issued], _ = cloud(capsys, "issue-key", "--room", ROOM, "--mobile", MOBILE)
    sim.inject("reshape", "getCard", reshape=lambda e: {**e, "data": {"baseImg": ""}})
    out = tmp_path / "key.png"
    code, [failure], _ = cloud(capsys, "get-key", "--mobile", MOBILE, "--card",
                               issued["cardNo"], "--qr-out", str(out))
    assert code == 1 and failure["code"] == "5014" and not out.exists()


@pytest.mark.parametrize("data", ["oops", None])
def test_malformed_directory_fails_explained(sim, capsys, data):
    def reshape(envelope):
        return {**envelope, "data": data} if data else {"status": 200, "info": "success"}

    sim.inject("reshape", "fetchRoomInfo", reshape=reshape, times=10)
    code, [failure], _ = cloud(capsys, "rooms")
    assert code == 1 and (failure["domain"], failure["code"]) == ("cloud_desk",
                                                                  "answer-garbled")
    assert failure["explanation"] and failure["action"]
