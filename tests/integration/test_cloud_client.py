"""The real client against the simulated cloud over loopback: every endpoint, every error."""

from __future__ import annotations

import struct
import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app.cloud.client import CloudClient
from app.cloud.config import CallPolicy
from app.cloud.models import GuestKeyRequest, LogQuery, RfCardRequest, RoomRef
from app.cloud.sim import CloudSimulator
from app.cloud.sim.demo import demo_credentials
from app.cloud.sim.handlers_qr import qr_png
from app.domain.errors import KeyDeskError

FAST = CallPolicy(connect_timeout=1.0, read_timeout=2.0, backoff=0.01)
ROOM = RoomRef("001", "01", "0101")
MOBILE = "13900001111"


@pytest.fixture
def sim():
    s = CloudSimulator()
    s.start()
    yield s
    s.stop()


@pytest.fixture
def call(sim, runtime):
    """call(lambda c: c.method(...), **credential_changes) -> result, on the loop thread."""

    def run(fn, **changes):
        async def go():
            async with CloudClient(replace(demo_credentials(sim.url), **changes), FAST) as c:
                return await fn(c)

        return runtime.loop.run(go(), timeout=20)

    return run


def stay(hours=24, start_delta=0):
    start = datetime.now().astimezone().replace(second=0, microsecond=0)
    start += timedelta(hours=start_delta)
    return start, start + timedelta(hours=hours)


def key_request(room=ROOM, **kw):
    start, end = stay()
    return GuestKeyRequest(kw.pop("mobile", MOBILE), room, kw.pop("start", start),
                           kw.pop("end", end), **kw)


def code_of(call, fn, **changes):
    with pytest.raises(KeyDeskError) as e:
        call(fn, **changes)
    return e.value.code


# -- success paths, one per endpoint -----------------------------------------------------
def test_room_directory_lists_the_demo_community(call):
    buildings = call(lambda c: c.fetch_room_info())
    assert [b.number for b in buildings] == ["001", "002"]
    rooms = {r.ref.label(): r for b in buildings for r in b.all_rooms()}
    assert rooms["001-01-0101"].lock_type == "QRALOCK"
    assert rooms["001-01-0101"].mac == "C4A828001101"
    assert rooms["001-01-0101"].box_id == "BOX-0001"
    assert len(rooms) == 7


def test_guest_key_issue_fetch_decode_cancel(call, sim):
    issued = call(lambda c: c.get_link(key_request()))
    assert len(issued.card_no) == 16 and issued.card_no.isalnum()
    key = call(lambda c: c.get_card(MOBILE, issued.card_no))
    assert key.qr_png and key.qr_png.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", key.qr_png[16:24])  # PNG IHDR
    assert width == height >= 200  # large enough to scan from a screen
    assert key.qr_png == qr_png(issued.card_no)  # a real QR code of the card number
    info = call(lambda c: c.get_room_card_info(issued.card_no.encode().hex()))
    assert info.room == ROOM and info.end is not None
    password = call(lambda c: c.get_card(MOBILE, issued.card_no, result_type=4))
    assert len(password.cipher) == 6 and password.cipher.isdigit()
    call(lambda c: c.cancel_card(issued.card_no))
    assert sim.state.keys[issued.card_no].cancelled
    assert code_of(call, lambda c: c.cancel_card(issued.card_no)) == "5301"


def test_bluetooth_key_for_a_lock(call):
    key = call(lambda c: c.get_card(MOBILE, "mac:C4A828001101", result_type=2))
    assert len(key.ble_str) == 48


def test_report_lost_then_fetch_again(call, sim):
    issued = call(lambda c: c.get_link(key_request()))
    assert code_of(call, lambda c: c.report_lost(issued.card_no)) == "5216"  # never fetched
    call(lambda c: c.get_card(MOBILE, issued.card_no))
    call(lambda c: c.report_lost(issued.card_no))
    assert sim.state.keys[issued.card_no].lost
    call(lambda c: c.get_card(MOBILE, issued.card_no))  # the guest fetches the key again
    assert not sim.state.keys[issued.card_no].lost


def test_single_loss_on_an_old_lock_needs_the_whole_room(call, sim):
    old = RoomRef("001", "01", "0102")  # QRLOCK
    issued = call(lambda c: c.get_link(key_request(old)))
    other = call(lambda c: c.get_link(key_request(old, mobile="13900002222")))
    call(lambda c: c.get_card(MOBILE, issued.card_no))
    assert code_of(call, lambda c: c.report_lost(issued.card_no)) == "5217"
    call(lambda c: c.report_lost(issued.card_no, whole_room=True))
    assert sim.state.keys[other.card_no].lost


def test_card_issuer_flow(call, sim):
    assert [i.mac for i in call(lambda c: c.get_mac_list())] == ["A4C138000D01"]
    _start, end = stay(48)
    card = call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    assert (card.building, card.floor, card.room) == ("001", "01", "0101")
    assert card.serial_num == sim.state.card_on_issuer
    assert card.end is not None and card.end == end
    read = call(lambda c: c.read_card())
    assert read.serial_num == card.serial_num
    call(lambda c: c.cancel_rf_card(card.serial_num))
    assert code_of(call, lambda c: c.cancel_rf_card(card.serial_num)) == "5308"
    assert code_of(call, lambda c: c.cancel_rf_card("DEADBEEF")) == "5307"


def test_gateways_unlock_and_door_log(call, sim):
    [box] = call(lambda c: c.get_box_info())  # the {"error": 0} envelope shape
    assert box.box_id == "BOX-0001" and box.has_password
    call(lambda c: c.lock_box_room("C4A828001101", 1, "BOX-0001"))
    today = date.today()
    records = call(lambda c: c.query_by_room(LogQuery(ROOM, today - timedelta(days=7),
                                                      today + timedelta(days=1))))
    assert records[0].open_way == "remote (gateway)" and records[0].card_type_name == "admin"
    assert records[0].time is not None and records[0].time.tzinfo is not None
    empty = call(lambda c: c.query_by_room(LogQuery(RoomRef("002", "01", "0102"), today,
                                                    today)))
    assert empty == []  # 6108 "no qualified data" is an empty log
    assert code_of(call, lambda c: c.lock_box_room("C4A828001102", 1, "BOX-0001")) == "5008"
    sim.state.gateway_online = False
    assert code_of(call, lambda c: c.lock_box_room("C4A828001101", 1, "BOX-0001")) == "5312"


# -- error paths ---------------------------------------------------------------------------
def test_wrong_auth_token_is_4008_in_every_family(call):
    for fn in (lambda c: c.fetch_room_info(), lambda c: c.get_mac_list(),
               lambda c: c.get_link(key_request())):
        assert code_of(call, fn, auth_token="wrong-token") == "4008"


def test_unknown_account_is_4006(call):
    assert code_of(call, lambda c: c.fetch_room_info(), account_sid="nobody") == "4006"


def test_stale_timestamp_is_401(sim, runtime):
    def late(offset, fn):
        async def go():
            clock = lambda: time.time() + offset  # noqa: E731
            async with CloudClient(demo_credentials(sim.url), FAST, clock=clock) as c:
                return await fn(c)

        with pytest.raises(KeyDeskError) as e:
            runtime.loop.run(go(), timeout=10)
        return (e.value.domain, e.value.code)

    # QR family: a local timestamp is accepted for 24 h; records family: a short window.
    assert late(-2 * 86400, lambda c: c.get_card(MOBILE, "mac:C4A828001101",
                                                 result_type=2)) == ("cloud_http", "401")
    assert late(-3600, lambda c: c.fetch_room_info()) == ("cloud_http", "401")


@pytest.mark.parametrize(("change", "code"), [
    ({"room": RoomRef("001", "01", "9999")}, "5007"),
    ({"room": RoomRef("009", "01", "0101")}, "5005"),
    ({"room": RoomRef("001", "07", "0101")}, "5006"),
    ({"mobile": "12ab"}, "5103"),
    ({"card_kind": "galaxy"}, "5117"),
])
def test_get_link_rejections(call, change, code):
    assert code_of(call, lambda c: c.get_link(key_request(**change))) == code


def test_bad_time_fields_give_5100_to_5102_and_5107(call):
    req = key_request()

    def with_fields(**over):
        async def fn(c):
            fields = {**c.link_fields(req), **over}
            return await c.call("getLink", fields)
        return fn

    assert code_of(call, with_fields(startTime="2026-01-01")) == "5101"
    assert code_of(call, with_fields(endTime="tomorrow")) == "5102"
    assert code_of(call, with_fields(endTime=req.start.strftime("%y%m%d%H%M"),
                                     startTime=req.end.strftime("%y%m%d%H%M"))) == "5100"
    far = req.start + timedelta(days=400)
    assert code_of(call, lambda c: c.get_link(key_request(end=far))) == "5107"


def test_bluetooth_errors(call):
    assert code_of(call, lambda c: c.get_card(MOBILE, "mac:C4A828001102",
                                              result_type=2)) == "6107"  # QRLOCK
    assert code_of(call, lambda c: c.get_card(MOBILE, "mac:C4A828002102",
                                              result_type=2)) == "5211"  # not configured
    assert code_of(call, lambda c: c.get_card(MOBILE, "mac:XYZ", result_type=2)) == "5209"
    assert code_of(call, lambda c: c.get_card(MOBILE, "mac:000000000000",
                                              result_type=2)) == "5215"


def test_get_card_errors(call):
    issued = call(lambda c: c.get_link(key_request()))
    assert code_of(call, lambda c: c.get_card("13900009999", issued.card_no)) == "5017"
    assert code_of(call, lambda c: c.get_card(MOBILE, "A" * 16)) == "5210"
    assert code_of(call, lambda c: c.get_card(MOBILE, "short")) == "5207"
    far = datetime.now().astimezone() + timedelta(days=40)
    assert code_of(call, lambda c: c.get_card(MOBILE, issued.card_no, open_end=far)) == "6119"


def test_operator_and_issuer_failures(call, sim):
    _s, end = stay()
    req = RfCardRequest(ROOM, end)
    assert code_of(call, lambda c: c.read_card(), creator_password="wrong-pass") == "5303"
    sim.state.operator_logged_in = False
    assert code_of(call, lambda c: c.make_room_card(req)) == "5304"
    sim.state.operator_logged_in = True
    sim.state.issuer_online = False
    with pytest.raises(KeyDeskError) as e:
        call(lambda c: c.make_room_card(req))
    assert (e.value.code, e.value.retryable) == ("5310", True)
    sim.state.issuer_online = True
    sim.state.card_on_issuer = None
    assert code_of(call, lambda c: c.read_card()) == "5300"
    assert code_of(call, lambda c: c.make_room_card(req)) == "5311"
    sim.state.issuers = []
    assert code_of(call, lambda c: c.get_mac_list()) == "6114"


def test_sms_not_activated_is_5202(call, sim):
    sim.state.sms_enabled = False
    assert code_of(call, lambda c: c.get_link(key_request(send_sms=True))) == "5202"


def test_unknown_community_and_log_span(call):
    assert code_of(call, lambda c: c.fetch_room_info(), community_no="999") == "5201"
    today = date.today()
    assert code_of(call, lambda c: c.query_by_room(
        LogQuery(ROOM, today - timedelta(days=40), today))) == "5100"
