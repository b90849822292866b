"""Masking neither damages text nor reveals a secret: a short secret (a reader password
``2026``, a typed token ``wrong``) is masked only where it stands as a whole value; a long
one wherever it appears; no secret is ever printed."""

from __future__ import annotations

import json
import logging

import pytest

from app import logsetup
from app.catalog import explain_error
from app.domain.errors import KeyDeskError
from app.output import json_line


@pytest.fixture(autouse=True)
def own_secrets(monkeypatch):
    """Only this test's secrets are registered (the registry is process-wide)."""
    monkeypatch.setattr(logsetup, "_secrets", set())
    monkeypatch.setattr(logsetup, "_pattern", None)


EVENT = {"time": "2026-12-01T10:20:26+08:00", "received": "2026-12-01T02:20:26.512Z",
         "door": 1, "user": "1002", "name": "Reader 2026 lobby"}


def test_a_short_reader_password_does_not_touch_times():
    logsetup.register_secret("2026")
    line = json_line(EVENT)
    assert json.loads(line) == EVENT  # "***-12-01T…" would also tell the password
    assert "***" not in line


@pytest.mark.parametrize("text", [
    '{"password": "2026"}', "password=2026&user=admin", "http://admin:2026@127.0.0.1/cgi",
    "password='2026'", "2026", "Password:2026\n",
])
def test_a_short_secret_standing_as_a_value_is_masked(text):
    logsetup.register_secret("2026")
    assert "2026" not in logsetup.redact(text) and "***" in logsetup.redact(text)


def test_a_short_auth_token_does_not_rewrite_catalog_text():
    logsetup.register_secret("wrong")
    info = explain_error(KeyDeskError("cloud_api", "4008", "getLink: bad signature"))
    assert "wrong" in " ".join(str(v) for v in info.values()).lower()  # the text has the word
    assert json.loads(json_line(info)) == info
    assert logsetup.redact("The Auth Token is wrong.") == "The Auth Token is wrong."


def test_a_long_secret_is_masked_anywhere_in_every_form():
    token = "7f3a9c0e4b21d8aa"
    logsetup.register_secret(token)
    assert logsetup.redact(f"sig{token}x") == "sig***x"
    odd = 'pa"ss\\word-1234'
    logsetup.register_secret(odd)
    assert odd not in json_line({"p": odd}) and json.dumps(odd)[1:-1] not in json_line({"p": odd})
    assert "pa%22ss" not in logsetup.redact("http://h/?p=pa%22ss%5Cword-1234")


def test_very_short_secrets_are_masked_too_as_values():
    logsetup.register_secret("42")  # once too short to register at all, so never masked
    assert logsetup.redact('{"pin": "42"}') == '{"pin": "***"}'
    assert logsetup.redact("room 4201, 42 guests") == "room 4201, 42 guests"


def test_log_records_are_masked_the_same_way(caplog):
    logsetup.register_secret("2026")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "login %s at %s",
                               ("admin:2026@reader", "2026-12-01T10:00"), None)
    logsetup.RedactingFilter().filter(record)
    assert record.getMessage() == "login admin:***@reader at 2026-12-01T10:00"
