"""The reader stream's fast path (``usual_event``, then ``parse_body`` + ``to_device_event``
for the rest, as ``ReaderStream._handle`` runs them) gives exactly the events of the
decoder before it (``tests/access_reference.py``): same codes, payload keys in the same
order with the same values, same raw text, dedupe keys, severities and decode errors —
over the benchmark's recorded stream and over hostile bodies."""

from __future__ import annotations

import json
from typing import Any

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.access_reference as reference
from app.access import usual_event as fast
from app.access.body import HEARTBEAT, parse_body
from app.access.decode import to_device_event
from app.access.multipart import MultipartParser
from app.access.sim.device import SimDevice
from bench.stream.run import record_stream

URL = "http://10.0.0.9"
# A moment of its own for every run: an event without a time takes the receipt time.
FROZEN = time_machine.travel(1_790_000_000, tick=False)


def _shape(events: list[Any]) -> list[tuple[Any, ...]]:
    return [(e.source, e.kind, e.code, list(e.payload.items()), e.raw, e.severity, e.time)
            for e in events]


def stream_events(body: bytes, device_id: str | None = "sn:X",
                  use_recno: bool = True) -> list[Any]:
    """What ``ReaderStream._handle`` publishes for one body (heartbeats left out)."""
    event = fast.usual_event("Lobby", URL, body, device_id=device_id, use_recno=use_recno)
    if event is not None:
        return [event]
    return [to_device_event("Lobby", URL, raw, body, device_id=device_id, use_recno=use_recno)
            for raw in parse_body(body) if raw.code != HEARTBEAT]


def reference_events(body: bytes, device_id: str | None = "sn:X",
                     use_recno: bool = True) -> list[Any]:
    return [reference.to_device_event("Lobby", URL, raw, body, device_id=device_id,
                                      use_recno=use_recno)
            for raw in reference.parse_body(body) if raw.code != reference.HEARTBEAT]


def test_the_benchmarks_recorded_stream_decodes_as_before() -> None:
    stream, parts = record_stream(0.5)
    bodies = [part.body for part in MultipartParser().feed(stream)]
    assert len(bodies) == parts
    took_fast = 0
    with FROZEN:
        for body in bodies:
            ours, theirs = stream_events(body), reference_events(body)
            assert _shape(ours) == _shape(theirs), body
            took_fast += fast.usual_event("Lobby", URL, body, device_id="sn:X") is not None
    assert took_fast > 0.85 * len(bodies)  # the fast path is what was compared, mostly


def test_latin1_bodies_and_a_stream_without_record_numbers_decode_as_before() -> None:
    dev = SimDevice("Bench", seed=3)
    bodies: list[bytes] = []
    dev.listeners.append(lambda ev: bodies.extend((ev.body(), ev.body("latin-1"))))
    for _ in range(300):
        dev.random_event()
    with FROZEN:
        for body in bodies:
            for device_id, use_recno in (("sn:X", True), (None, False)):
                assert _shape(stream_events(body, device_id, use_recno)) == _shape(
                    reference_events(body, device_id, use_recno)), body


# -- hostile bodies ----------------------------------------------------------------------

_ODD = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False), st.sampled_from(["", " ", "12", " 7 ", "1.5", "x", "Entry",
                                                 "exit", "ENTRY", "true", "granted"]),
    st.text(max_size=6), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
_TIME = st.one_of(_ODD, st.integers(0, 2_000_000_000), st.integers(253_402_300_000, 2**62),
                  st.sampled_from(["2025-05-01 14:00:00", "01-05-2025 14:00:00", "bad"]))
_SECONDS = st.integers(1, 2_000_000_000)
# What firmware sends (the fast path's case), field by field...
_USUAL = {
    "CardNo": st.sampled_from(["12ea3004", "A1B2C3D4", ""]),
    "CardName": st.sampled_from(["Zoë", "Łukasz Żółć", ""]),
    "UserName": st.sampled_from(["Ana", ""]), "UserID": st.sampled_from(["1001", ""]),
    "Method": st.one_of(st.sampled_from([1, 14, 15, 9999]), st.integers(-3, 40)),
    "ErrorCode": st.one_of(st.sampled_from([0, 16, 18, 20]), st.integers(-3, 40)),
    "Status": st.integers(-1, 2), "Door": st.integers(-1, 3),
    "Type": st.sampled_from(["Entry", "Exit"]), "RecNo": st.integers(0, 10**6),
    "UTC": _SECONDS, "RealUTC": _SECONDS, "CreateTime": _SECONDS,
    "LocaleTime": st.sampled_from(["2025-05-01 14:00:00"]),
}
# ... and what a hostile or broken one might send instead.
_UNUSUAL = {key: _TIME if "Time" in key or "UTC" in key else _ODD for key in _USUAL}
_UNUSUAL["Type"] = st.one_of(st.sampled_from([" Entry ", "exit", "Other"]), _ODD)


@st.composite
def _data(draw: st.DrawFn) -> Any:
    """A usual access record with a few fields dropped and a few made odd, or now and
    then not an object at all."""
    data = {key: draw(value) for key, value in _USUAL.items()}
    keys = sorted(_USUAL)
    for key in draw(st.lists(st.sampled_from(keys), max_size=5)):
        data.pop(key, None)
    for key in draw(st.lists(st.sampled_from(keys), max_size=3)):
        data[key] = draw(_UNUSUAL[key])
    return draw(st.one_of(st.just(data), st.just(data), st.just(data), _ODD))


@st.composite
def hostile_body(draw: st.DrawFn) -> bytes:
    code = draw(st.sampled_from(["AccessControl", "DoorStatus", "BreakIn", "TimeChange",
                                 "Reboot", "_DoorFace_", "", "Acção", "accesscontrol"]))
    head = draw(st.sampled_from([
        f"Code={code};action=Pulse;index=0", f"Code={code};action=Start;index=x",
        f" Code = {code} ; action = ; index = 3 ", f"code={code};Index=1",
        f"Code={code};action=Pulse;index=0;extra=1;" + "y" * 90, "action=Pulse",
    ]))
    data = draw(_data())
    text = json.dumps(data, indent=draw(st.sampled_from([None, 3])), ensure_ascii=False)
    body = head + draw(st.sampled_from([";data=", ";data= ", ";DATA=", "", ";data="])) + text
    body += draw(st.sampled_from(["", "\r\n", "\r\n\r\n", " junk", "}", "\nCode=Reboot"]))
    raw = body.encode(draw(st.sampled_from(["utf-8", "utf-8", "latin-1"])), "replace")
    if draw(st.booleans()):  # a cut or a stray byte somewhere
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"", b"\xff", b"\xc3", b"\x00", b"NaN"])) + (
            raw[at:] if draw(st.booleans()) else b"")
    return raw


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_body(), st.sampled_from(["sn:X", None]), st.booleans())
def test_hostile_bodies_decode_as_before(body: bytes, device_id: str | None,
                                         use_recno: bool) -> None:
    with FROZEN:
        assert _shape(stream_events(body, device_id, use_recno)) == _shape(
            reference_events(body, device_id, use_recno))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_decode_as_before(body: bytes) -> None:
    with FROZEN:
        assert _shape(stream_events(body)) == _shape(reference_events(body))


_ODD_VALUES = [None, True, False, 0, -1, 7, 1.0, 1.5, 1e30, "", " ", "12", " 7 ", "1.5", "x",
               "Entry", " Exit ", "ENTRY", "true", "granted", [], [1], {}, {"a": 1}, 2**40,
               "2025-05-01 14:00:00", 1_700_000_000, 253_402_300_800]


def test_each_field_of_an_access_record_odd_or_missing_decodes_as_before() -> None:
    usual = {"CardNo": "12ea3004", "CardName": "Zoë", "UserID": "1001", "Method": 15,
             "ErrorCode": 18, "Status": 0, "Door": 1, "Type": "Exit", "RecNo": 42,
             "UTC": 1_700_000_010, "RealUTC": 1_700_000_020, "CreateTime": 1_700_000_030,
             "LocaleTime": "2025-05-01 14:00:00", "UserName": "Ana"}
    variants = [usual, {}]
    for key in usual:
        variants.append({k: v for k, v in usual.items() if k != key})
        variants += [{**usual, key: value} for value in _ODD_VALUES]
    variants += [{k: v for k, v in usual.items() if k != "RealUTC"},
                 {k: v for k, v in usual.items() if k not in ("RealUTC", "UTC")}]
    with FROZEN:
        for data in variants:
            body = b"Code=AccessControl;action=Pulse;index=0;data=" + json.dumps(
                data, indent=3, ensure_ascii=False).encode()
            for device_id, use_recno in (("sn:X", True), ("sn:X", False), (None, True)):
                assert _shape(stream_events(body, device_id, use_recno)) == _shape(
                    reference_events(body, device_id, use_recno)), data


def test_the_fast_paths_tables_stay_bounded_whatever_a_reader_sends() -> None:
    with FROZEN:
        for n in range(3 * fast._KEPT):
            body = (f"Code=Ev{n};action=Pulse;index={n};data="
                    f'{{"UTC": {1_700_000_000 + n}, "Method": {n}, "ErrorCode": {n}, '
                    f'"Status": 1, "Door": 0, "CardNo": "C{n}", "UserID": "{n}", '
                    f'"Type": "Entry"}}').encode()
            access = body.replace(f"Code=Ev{n}".encode(), b"Code=AccessControl")
            for one in (body, access):
                assert _shape(stream_events(one)) == _shape(reference_events(one))
    for table in (fast._heads, fast._seconds, fast._methods, fast._errors):
        assert 0 < len(table) <= fast._KEPT
    # A long head is decoded as before but never kept: 256 of them could be 1 MiB each.
    fast._heads.clear()
    long_head = b"Code=DoorStatus;action=Pulse;index=0;" + b"x=1;" * 50_000
    with FROZEN:
        for n in range(3):
            body = long_head + b"%d;data={\"UTC\": 1700000000}" % n
            assert _shape(stream_events(body)) == _shape(reference_events(body))
            assert stream_events(body)[0].code == "DoorStatus"
    assert not fast._heads
