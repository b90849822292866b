"""Envelope shapes, error mapping, time-zone conversion, credentials."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.cloud import envelope, parsing
from app.cloud.credentials import CloudCredentials, from_settings, with_env
from app.cloud.timezones import community_date, from_card_time, to_card_time, to_pc_local, zone
from app.domain.errors import KeyDeskError
from app.settings import MemorySecretStore, Settings
from tests.cloud_support import pc_time_zone


def test_envelope_status_shape():
    assert envelope.parse(b'{"status": 200, "info": "success", "data": {"cardNo": "x"}}',
                          "getLink") == {"cardNo": "x"}
    with pytest.raises(KeyDeskError) as e:
        envelope.parse(b'{"status": 5310, "info": "Device connection failed"}', "readCard")
    assert (e.value.domain, e.value.code, e.value.retryable) == ("cloud_api", "5310", True)
    assert "Device connection failed" in e.value.detail


def test_envelope_error_shape():
    assert envelope.parse(b'{"error": 0, "data": [1]}', "getBoxInfo") == [1]
    with pytest.raises(KeyDeskError) as e:
        envelope.parse(b'{"error": 5016, "message": "invalid card"}', "getRoomCardInfo")
    assert e.value.code == "5016"


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500])
def test_http_like_status_goes_to_the_cloud_http_domain(status):
    with pytest.raises(KeyDeskError) as e:
        envelope.parse(f'{{"status": {status}}}'.encode(), "x")
    assert (e.value.domain, e.value.code) == ("cloud_http", str(status))


def test_garbage_answer_is_explained_not_a_crash():
    """Not an envelope (cut short, HTML from a proxy): "answer-garbled", which the transport
    asks again for a read and treats as "outcome unknown" after a create."""
    for body in (b"<html>", b"[1,2]", b'{"foo": 1}', b'{"status": 200, "da'):
        with pytest.raises(KeyDeskError) as e:
            envelope.parse(body, "x")
        assert (e.value.domain, e.value.code) == ("cloud_desk", "answer-garbled")


def test_card_times_are_written_in_the_community_zone():
    shanghai = zone("Asia/Shanghai")
    utc_noon = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert to_card_time(utc_noon, shanghai) == "2603012000"
    back = from_card_time("2603012000", shanghai)
    assert back == utc_noon
    # a desk in São Paulo books for a Shanghai community
    sp = datetime(2026, 3, 1, 9, 0, tzinfo=zone("America/Sao_Paulo"))
    assert to_card_time(sp, shanghai) == "2603012000"
    assert community_date(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), shanghai) == \
        "2026-03-02"
    assert community_date(date(2026, 3, 1), shanghai) == "2026-03-01"
    with pytest.raises(ValueError):
        from_card_time("2026-03-01", shanghai)
    with pytest.raises(KeyDeskError):
        zone("Mars/Olympus")


@pytest.mark.parametrize(("pc_zone", "expected"), [
    ("America/New_York", "2603020100"),  # 12:00 EST = 01:00 next day in Shanghai
    ("Europe/Berlin", "2603011900"),  # 12:00 CET = 19:00
    ("Asia/Shanghai", "2603011200"),
])
def test_naive_time_is_taken_as_the_pcs_local_time(pc_zone, expected):
    shanghai = zone("Asia/Shanghai")
    with pc_time_zone(pc_zone):
        naive = datetime(2026, 3, 1, 12, 0)
        assert to_card_time(naive, shanghai) == expected
        assert to_pc_local(from_card_time(expected, shanghai)).replace(tzinfo=None) == naive


def test_room_directory_parsing_tolerates_name_variants():
    data = {"builders": [{"builderNum": "001", "floor": [
        {"floorNo": "02", "children": [{"roomNo": "0201", "lockType": "QRBLOCK",
                                        "mac": "AA", "num": "4"}]}]}]}
    [b] = parsing.buildings(data)
    [room] = b.all_rooms()
    assert room.ref.label() == "001-02-0201" and room.lock_type == "QRBLOCK"


def test_credentials_hide_secrets_and_env_overrides(monkeypatch):
    secrets = MemorySecretStore({"cloud.auth_token": "tok-abcdef",
                                 "cloud.creator_password": "pw-abcdef"})
    s = Settings(cloud_account_sid="sid", cloud_community_no="1")
    creds = from_settings(s, secrets)
    assert creds.auth_token == "tok-abcdef"
    assert "tok-abcdef" not in repr(creds) and "pw-abcdef" not in repr(creds)
    assert "tok-abcdef" not in str(creds.public())
    env = with_env(creds, {"KEYDESK_AUTH_TOKEN": "env-token-1", "KEYDESK_CLOUD_TZ": "UTC"})
    assert (env.auth_token, env.timezone, env.account_sid) == ("env-token-1", "UTC", "sid")
    with pytest.raises(KeyDeskError) as e:
        CloudCredentials(account_sid="x").require()
    assert "Auth Token (KEYDESK_AUTH_TOKEN)" in e.value.detail
    assert (e.value.domain, e.value.code) == ("desk", "cloud-not-set-up")
    with pytest.raises(KeyDeskError):
        creds.require(operator=True)


def test_policy_backoff_doubles_up_to_a_cap():
    from app.cloud.config import CallPolicy

    p = CallPolicy(backoff=0.5, backoff_max=3)
    assert [p.delay(i) for i in (1, 2, 3, 4)] == [0.5, 1.0, 2.0, 3]
