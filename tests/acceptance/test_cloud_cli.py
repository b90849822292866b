"""Issue 5 (lock cloud), end to end: ``keydesk sim cloud`` in its own process and
``keydesk cloud ...`` commands against it.

Done when:
- ``keydesk sim cloud`` + ``keydesk cloud rooms --json`` lists the demo community, and
  ``keydesk cloud issue-key ... --json`` returns a card number (whose QR can be shown);
- a wrong Auth Token produces the 4008 explanation, not a stack trace.
"""

from __future__ import annotations

import pytest

from app.cloud.sim import community as demo  # the simulator's public demo account
from tests.acceptance.conftest import KeyDesk, Result, no_traceback

ROOM = "001-01-0101"
MOBILE = "13900001111"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def cloud(sim_factory):
    return sim_factory("cloud")


@pytest.fixture
def desk(cloud, keydesk: KeyDesk) -> KeyDesk:
    """``keydesk cloud ...`` with the simulator's address and demo credentials in the
    environment (the way a script on a headless box is configured)."""
    keydesk.env.update(
        KEYDESK_CLOUD_URL=cloud.url,
        KEYDESK_ACCOUNT_SID=cloud.info["account_sid"],
        KEYDESK_AUTH_TOKEN=demo.DEMO_AUTH_TOKEN,
        KEYDESK_COMMUNITY_NO=cloud.info["community_no"],
        KEYDESK_ISSUE_MAC=demo.DEMO_ISSUE_MAC,
        KEYDESK_CREATOR_MOBILE=demo.DEMO_OPERATOR_MOBILE,
        KEYDESK_CREATOR_PASSWORD=demo.DEMO_OPERATOR_PASSWORD,
    )
    return keydesk


def cloud_failure(result: Result, code: str, domain: str = "cloud_api") -> dict:
    no_traceback(result)
    assert result.rc == 1, str(result)
    info = result.one()
    assert info["ok"] is False and (info["domain"], info["code"]) == (domain, code), info
    assert info["title"] and info["explanation"] and info["action"], info
    return info


def test_rooms_lists_the_demo_community(desk):
    plain, demo_flag = desk.parallel(["cloud", "rooms", "--json"],
                                     ["cloud", "rooms", "--json", "--demo-account"])
    for result in (plain, demo_flag):
        assert result.rc == 0, str(result)
        no_traceback(result)
    rooms = plain.lines()
    assert rooms == demo_flag.lines()
    assert len(rooms) == 7
    assert {r["building"] for r in rooms} == {"001", "002"}
    assert {r["buildingName"] for r in rooms} == {"Main building", "Garden wing"}
    by_room = {r["room"]: r for r in rooms}
    assert by_room[ROOM]["lockType"] == "QRALOCK" and by_room[ROOM]["mac"] == "C4A828001101"
    assert all(r["lockType"] and len(r["mac"]) == 12 for r in rooms)
    assert by_room["001-02-0202"]["lockType"] == "RFLOCK-V9"


def test_text_output_is_a_readable_directory(desk):
    result = desk("cloud", "rooms")
    assert result.rc == 0, str(result)
    assert len(result.out.splitlines()) == 7
    assert ROOM in result.out and "QRALOCK" in result.out and "C4A828001101" in result.out


def test_issue_key_returns_a_card_number_and_a_qr_and_the_key_lifecycle(desk, tmp_path):
    qr = tmp_path / "key.png"
    issued = desk("cloud", "issue-key", "--room", ROOM, "--mobile", MOBILE, "--hours", "24",
                  "--json", "--qr-out", str(qr))
    assert issued.rc == 0, str(issued)
    key = issued.one()
    card_no = key["cardNo"]
    assert isinstance(card_no, str) and len(card_no) == 16 and card_no.isalnum(), key
    assert key["room"] == ROOM and key["mobile"] == MOBILE
    assert qr.read_bytes().startswith(PNG) and qr.stat().st_size > 100

    again = tmp_path / "again.png"
    got = desk("cloud", "get-key", "--mobile", MOBILE, "--card", card_no, "--json",
               "--qr-out", str(again))
    assert got.rc == 0, str(got)
    assert again.read_bytes().startswith(PNG)

    lost = desk("cloud", "report-lost", "--card", card_no, "--json")
    assert lost.rc == 0, str(lost)
    assert lost.one()["next"], lost.one()  # what the guest must do next

    assert desk("cloud", "cancel", "--card", card_no, "--json").rc == 0
    info = cloud_failure(desk("cloud", "cancel", "--card", card_no, "--json"), "5301")
    assert "cancel" in (info["title"] + info["explanation"]).lower()


def test_issued_keys_are_distinct(desk):
    a, b = desk.parallel(
        ["cloud", "issue-key", "--room", ROOM, "--mobile", MOBILE, "--hours", "2", "--json"],
        ["cloud", "issue-key", "--room", "001-02-0201", "--mobile", MOBILE, "--hours", "2",
         "--json"])
    assert a.rc == b.rc == 0, f"{a}\n{b}"
    assert a.one()["cardNo"] != b.one()["cardNo"]


def test_wrong_auth_token_is_4008_explained_not_a_stack_trace(desk):
    wrong = "wrong-token-0000"
    as_json, as_text = desk.parallel(["cloud", "rooms", "--json"], ["cloud", "rooms"],
                                     KEYDESK_AUTH_TOKEN=wrong)
    info = cloud_failure(as_json, "4008")
    assert "Auth Token" in info["explanation"] + info.get("technician_action", "")
    no_traceback(as_text)
    assert as_text.rc == 1 and as_text.out == ""
    assert "4008" in as_text.err and info["title"] in as_text.err
    assert info["explanation"].split(".")[0] in as_text.err
    for result in (as_json, as_text):  # neither secret is ever echoed back
        assert wrong not in result.out + result.err
        assert demo.DEMO_AUTH_TOKEN not in result.out + result.err


def test_bluetooth_key_and_a_lock_without_bluetooth(desk):
    ble, no_ble = desk.parallel(
        ["cloud", "get-key", "--mobile", MOBILE, "--lock-mac", "C4A828001101", "--json"],
        ["cloud", "get-key", "--mobile", MOBILE, "--lock-mac", "C4A828001202", "--json"])
    assert ble.rc == 0, str(ble)
    assert len(ble.one()["bleStr"]) >= 16
    cloud_failure(no_ble, "6107")


@pytest.mark.parametrize(("args", "code"), [
    (["--room", "001-01-0999", "--hours", "2"], "5007"),  # unknown room
    (["--room", "009-01-0101", "--hours", "2"], "5005"),  # unknown building
    (["--room", ROOM, "--hours", "8784"], "5107"),  # ends after the service does
])
def test_refused_keys_are_explained(desk, args, code):
    cloud_failure(desk("cloud", "issue-key", "--mobile", MOBILE, *args, "--json"), code)


def test_malformed_date_is_refused_with_a_message(desk):
    result = desk("cloud", "issue-key", "--room", ROOM, "--mobile", MOBILE,
                  "--start", "notadate", "--hours", "2")
    no_traceback(result)
    assert result.rc != 0 and "notadate" in result.err


def test_rf_card_issue_read_cancel_unlock_and_log(desk):
    issued = desk("cloud", "rf-issue", "--room", ROOM, "--hours", "48", "--json")
    assert issued.rc == 0, str(issued)
    serial = issued.one()["serial_num"]
    assert serial
    assert desk("cloud", "rf-read", "--json").one()["serial_num"] == serial
    assert desk("cloud", "rf-cancel", "--serial", serial, "--json").rc == 0

    unconfirmed, confirmed = desk.parallel(
        ["cloud", "unlock", "--room", ROOM, "--json"],
        ["cloud", "unlock", "--room", ROOM, "--yes", "--json"])
    no_traceback(unconfirmed)
    assert unconfirmed.rc != 0  # a remote unlock needs confirmation
    assert confirmed.rc == 0, str(confirmed)
    log = desk("cloud", "log", "--room", ROOM, "--json")
    assert log.rc == 0, str(log)
    entries = log.lines()
    assert entries and all(e["time"] and e["open_way"] for e in entries)
    assert entries[0]["open_way"] == "remote (gateway)"


def test_unreachable_cloud_fails_explained_without_a_trace(desk):
    result = desk("cloud", "rooms", "--json", "--timeout", "2",
                  KEYDESK_CLOUD_URL="http://127.0.0.1:1/")
    no_traceback(result)
    assert result.rc == 1, str(result)
    info = result.one()
    assert info["ok"] is False and info["code"] and info["title"] and info["action"], info
    assert info["retryable"] is True


def test_missing_credentials_say_what_is_missing(keydesk, cloud):
    result = keydesk("cloud", "rooms", "--json", KEYDESK_CLOUD_URL=cloud.url)
    no_traceback(result)
    assert result.rc == 1
    assert "Auth Token" in result.one()["detail"]


def test_secrets_never_reach_output_logs_or_the_audit_trail(desk, keydesk_home):
    wrong = "another-secret-token-42"
    runs = desk.parallel(["-v", "cloud", "rooms", "--json"],
                         ["-v", "cloud", "issue-key", "--room", ROOM, "--mobile", MOBILE,
                          "--hours", "2", "--json"],
                         ["-v", "cloud", "rf-issue", "--room", ROOM, "--json"])
    runs.append(desk("-v", "cloud", "rooms", "--json", KEYDESK_AUTH_TOKEN=wrong))
    assert [r.rc for r in runs] == [0, 0, 0, 1], "\n".join(map(str, runs))
    files = [p for p in keydesk_home.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".log") and p.stat().st_size for p in files), files
    secrets = (demo.DEMO_AUTH_TOKEN, demo.DEMO_OPERATOR_PASSWORD, wrong)
    for secret in secrets:
        for result in runs:
            assert secret not in result.out + result.err, (secret, str(result))
        for path in files:  # logs, settings, the audit database (and its WAL)
            assert secret.encode() not in path.read_bytes(), (secret, path)
