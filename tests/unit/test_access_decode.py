"""Body grammar, event payloads, the access log format and the shared dedupe key."""

from __future__ import annotations

import base64
import json

from app.access.body import parse_body
from app.access.client import BAD_CREDENTIALS, INVALID_ARGS, error_from_response
from app.access.decode import dedupe_key, to_device_event
from app.access.records import parse_key_values, parse_records, record_to_event_data
from app.access.sim.device import SimDevice


def _event(body: bytes, **kw):
    raw = parse_body(body)[0]
    return to_device_event("Lobby", "http://r", raw, body, **kw)


def _access_body(data: dict, encoding: str = "utf-8") -> bytes:
    text = "Code=AccessControl;action=Pulse;index=1;data=" + json.dumps(
        data, indent=3, ensure_ascii=False)
    return text.encode(encoding)


def test_access_control_payload_with_catalog_texts():
    data = {"CardNo": "12ea3004", "CardName": "Zoë", "UserID": "7", "Method": 15,
            "ErrorCode": 20, "Status": 0, "Door": 1, "Type": "Exit", "UTC": 1700000000.5,
            "RealUTC": 1700000001, "RecNo": 42}
    ev = _event(_access_body(data))
    p = ev.payload
    assert (ev.kind, ev.code, ev.source, ev.severity) == ("reader", "AccessControl", "Lobby",
                                                          "warning")
    assert p["time"] == "2023-11-14T22:13:21Z"  # RealUTC wins over UTC
    assert (p["card"], p["user"], p["user_name"], p["method"], p["error_code"]) == (
        "12EA3004", "7", "Zoë", 15, 20)
    assert p["granted"] is False and p["door"] == 1 and p["direction"] == "exit"
    # The key names the device (its URL here: no serial given) and the record's time.
    assert p["record_no"] == 42 and p["dedupe_key"] == "url:http://r#rec:42@1700000000"
    # Friendly texts come from the catalog, not numbers.
    assert p["method_text"] != "15" and "face" in p["method_text"].lower()
    assert p["error_text"] != "20" and p["data"]["CardName"] == "Zoë"
    json.dumps(p)  # the payload is JSON-serialisable


def test_time_falls_back_to_utc_then_locale_time():
    assert _event(_access_body({"UTC": 1700000000})).payload["time"] == "2023-11-14T22:13:20Z"
    ev = _event(_access_body({"LocaleTime": "2023-11-14 10:00:00"}))
    assert ev.payload["time"].startswith("2023-11-14T")


def test_alarms_unknown_codes_and_non_utf8_bodies():
    assert _event(b'Code=BreakIn;action=Start;index=0;data={"UTC": 1}').severity == "alarm"
    unknown = _event(b'Code=_DoorFace_;action=Pulse;index=0;data={"X": {"Y": [1]}}')
    assert unknown.code == "_DoorFace_" and "_DoorFace_" in unknown.raw
    assert unknown.payload["dedupe_key"] is None
    latin = _access_body({"CardName": "Müller", "RecNo": 1}, "latin-1")
    ev = _event(latin)
    assert ev.payload["user_name"] == "Müller"
    assert base64.b64decode(ev.payload["raw_b64"]) == latin and "\ufffd" in ev.raw
    glued = _event(b'Code=AccessControl;action=Pulse;index=0;data={"RecNo": 3}\n\x00junk')
    assert glued.payload["record_no"] == 3 and "ignored" in glued.payload["decode_error"]
    broken = _event(b"Code=AccessControl;action=Pulse;index=0;data={not json")
    assert broken.payload["data"] is None and broken.payload["decode_error"]


def test_several_events_in_one_body_and_heartbeat():
    events = parse_body(b"Code=A;action=Start;index=0\r\nCode=B;action=Stop;index=1\r\n")
    assert [(e.code, e.action, e.index) for e in events] == [("A", "Start", 0), ("B", "Stop", 1)]
    assert parse_body(b"Heartbeat")[0].code == "Heartbeat"


def test_stream_event_and_log_record_share_the_dedupe_key():
    dev = SimDevice("Lobby", seed=1)
    seen = []
    dev.listeners.append(seen.append)
    dev.access("12EA3004", 1)
    live = _event(seen[0].body())
    found, rows = parse_records("found=1\r\n" + "\r\n".join(
        f"records[0].{k}={v}" for k, v in dev.records[0].items()))
    assert found == 1
    data = record_to_event_data(rows[0])
    utc = dev.records[0]["CreateTime"]
    assert dedupe_key("sn:S1", data) == f"sn:S1#rec:1@{utc}"
    assert dedupe_key("url:http://r", data) == live.payload["dedupe_key"]
    assert dedupe_key("sn:S1", data, use_recno=False) == dedupe_key(
        "sn:S1", seen[0].data, use_recno=False)


def test_keys_name_the_device_and_survive_a_restart_of_record_numbers():
    first = {"RecNo": 1, "CreateTime": 1700000000, "CardNo": "AA"}
    after_reset = {"RecNo": 1, "CreateTime": 1700000500, "CardNo": "AA"}
    assert dedupe_key("sn:A", first) != dedupe_key("sn:B", first)  # same name, two devices
    assert dedupe_key("sn:A", first) != dedupe_key("sn:A", after_reset)  # numbered again


def test_key_values_and_error_answers():
    assert parse_key_values("deviceType=SS 3530\r\nserialNumber=X1\r\n")["deviceType"] == (
        "SS 3530")
    err = error_from_response(400, '{"error": {"code": 286064930, "message": "exists"}}', "x")
    assert (err.domain, err.code) == ("reader_request_error", "286064930")
    err = error_from_response(400, "Error\r\nBad Request!\r\n", "x")
    assert err.code == str(INVALID_ARGS) and "Bad Request" in err.detail
    err = error_from_response(401, "", "x")
    assert err.code == str(BAD_CREDENTIALS) and err.retryable is False
