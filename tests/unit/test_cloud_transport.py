"""What the transport puts on the wire, and how it reads HTTP statuses (no sockets here:
the client against the simulator over loopback is in tests/integration)."""

from __future__ import annotations

import asyncio
import base64
import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.cloud import signing
from app.cloud.config import ENDPOINTS, PATHS, CallPolicy, Family
from app.cloud.credentials import CloudCredentials
from app.cloud.transport import OutcomeUnknown, Transport
from app.domain.errors import KeyDeskError

CREDS = CloudCredentials(base_url="https://cloud.example/api/", account_sid="sid-1",
                         auth_token="tok-SECRET-42", community_no="77",
                         creator_mobile="139", creator_password="pw-SECRET-43")
NOW = 1_767_261_600.0  # a fixed clock: 2026-01-01 10:00 UTC
FIELDS = {"communityNo": "77", "mobile": "139", "issueMac": "AA", "endTime": "2601011200"}


def build(name: str) -> httpx.Request:
    return Transport(CREDS, clock=lambda: NOW).build(ENDPOINTS[name], dict(FIELDS))


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_no_request_carries_the_auth_token_or_the_password(name):
    request = build(name)
    wire = (str(request.url) + json.dumps(dict(request.headers))).encode() + request.content
    assert b"tok-SECRET-42" not in wire and b"pw-SECRET-43" not in wire
    assert request.method == "POST"
    ep = ENDPOINTS[name]
    expected_path = urlsplit(PATHS[ep.family].format(action=ep.action)).path
    assert request.url.path == "/api" + expected_path  # below the base URL, from config


def test_qr_family_signs_in_the_query_and_the_authorization_header():
    request = build("getLink")
    query = parse_qs(request.url.query.decode())
    assert (query["c"], query["a"]) == (["Qrcode"], ["getLink"])
    sid, ts = base64.b64decode(request.headers["Authorization"]).decode().split(":")
    assert sid == "sid-1" and len(ts) == 14
    assert query["sig"] == [signing.qrcode_sig("sid-1", "tok-SECRET-42", ts)]
    assert json.loads(request.content) == FIELDS  # a JSON body
    assert request.headers["Content-Type"].startswith("application/json")


def test_card_issuer_family_signs_in_the_form_body():
    request = build("makeRoomCard")
    form = {k: v[-1] for k, v in parse_qs(request.content.decode()).items()}
    assert form["accountSid"] == "sid-1" and "sig" not in request.url.query.decode()
    unsigned = {k: v for k, v in form.items() if k != "sig"}
    assert form["sig"] == signing.qrm_sig("makeRoomCard", unsigned, "tok-SECRET-42")


def test_records_family_signs_in_the_query_over_the_whole_body():
    request = build("fetchRoomInfo")
    form = {k: v[-1] for k, v in parse_qs(request.content.decode()).items()}
    assert form["timestamp"] == str(int(NOW)) and form["rand"]
    assert parse_qs(request.url.query.decode())["sig"] == [
        signing.records_sig(form, "tok-SECRET-42")]


def answer(status: int, body: bytes = b"") -> Transport:
    """A transport whose every request gets this HTTP answer."""
    mock = httpx.AsyncClient(transport=httpx.MockTransport(lambda _r: httpx.Response(
        status, content=body)))
    policy = CallPolicy(backoff=0, read_attempts=2)
    return Transport(CREDS, policy, http=mock, sleep=lambda _s: asyncio.sleep(0))


@pytest.mark.parametrize(("status", "code"), [(401, "401"), (404, "404"), (302, "400"),
                                              (418, "400")])
def test_http_statuses_become_cloud_http_errors(status, code):
    t = answer(status)
    with pytest.raises(KeyDeskError) as e:
        asyncio.run(t.call("fetchRoomInfo", {"communityNo": "77"}))
    assert (e.value.domain, e.value.code) == ("cloud_http", code)
    assert t.calls == 1  # a refusal is not retried


def test_http_5xx_retries_a_read_but_not_a_create():
    read = answer(502)
    with pytest.raises(KeyDeskError) as e:
        asyncio.run(read.call("fetchRoomInfo", {"communityNo": "77"}))
    assert (e.value.code, read.calls) == ("500", 2)
    create = answer(503)
    with pytest.raises(OutcomeUnknown):
        asyncio.run(create.call("getLink", {"communityNo": "77"}))
    assert create.calls == 1


def test_family_of_every_endpoint_has_a_path():
    assert {ep.family for ep in ENDPOINTS.values()} == set(Family) == set(PATHS)
