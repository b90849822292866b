"""The real client against the simulated cloud over loopback: every endpoint, every error."""

from __future__ import annotations

import struct
import time
from datetime import date, datetime, timedelta

import pytest

from app.catalog import explain_error
from app.cloud.config import ENDPOINTS
from app.cloud.models import LogQuery, RfCardRequest, RoomRef
from app.cloud.sim.handlers_qr import qr_png
from app.cloud.timezones import to_pc_local
from app.domain.errors import KeyDeskError
from tests.cloud_support import MOBILE, ROOM, key_request, pc_time_zone, stay


def code_of(call, fn, **changes):
    """The code of the KeyDeskError ``fn`` raises; the catalog must know and explain it."""
    with pytest.raises(KeyDeskError) as e:
        call(fn, **changes)
    info = explain_error(e.value)
    assert info["known"] and info["explanation"], f"{e.value.domain} {e.value.code} unexplained"
    return e.value.code


# -- success paths, one per endpoint -----------------------------------------------------
def test_room_directory_lists_the_demo_community(cloud_call):
    buildings = cloud_call(lambda c: c.fetch_room_info())
    assert [b.number for b in buildings] == ["001", "002"]
    rooms = {r.ref.label(): r for b in buildings for r in b.all_rooms()}
    assert rooms["001-01-0101"].lock_type == "QRALOCK"
    assert rooms["001-01-0101"].mac == "C4A828001101"
    assert rooms["001-01-0101"].box_id == "BOX-0001"
    assert len(rooms) == 7


def test_guest_key_issue_fetch_decode_cancel(cloud_call, cloud_sim):
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert len(issued.card_no) == 16 and issued.card_no.isalnum()
    key = cloud_call(lambda c: c.get_card(MOBILE, issued.card_no))
    assert key.qr_png and key.qr_png.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", key.qr_png[16:24])  # PNG IHDR
    assert width == height >= 200  # large enough to scan from a screen
    assert key.qr_png == qr_png(issued.card_no)  # a real QR code of the card number
    info = cloud_call(lambda c: c.get_room_card_info(issued.card_no.encode().hex()))
    assert info.room == ROOM
    assert (info.start, info.end) == (issued.request.start, issued.request.end)
    password = cloud_call(lambda c: c.get_card(MOBILE, issued.card_no, result_type=4))
    assert len(password.cipher) == 6 and password.cipher.isdigit()
    cloud_call(lambda c: c.cancel_card(issued.card_no))
    assert cloud_sim.state.keys[issued.card_no].cancelled
    assert code_of(cloud_call, lambda c: c.cancel_card(issued.card_no)) == "5301"


def test_bluetooth_key_for_a_lock(cloud_call):
    key = cloud_call(lambda c: c.get_card(MOBILE, "mac:C4A828001101", result_type=2))
    assert len(key.ble_str) == 48 and int(key.ble_str, 16) and key.card_no == ""


def test_report_lost_then_fetch_again(cloud_call, cloud_sim):
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert code_of(cloud_call, lambda c: c.report_lost(issued.card_no)) == "5216"  # never fetched
    cloud_call(lambda c: c.get_card(MOBILE, issued.card_no))
    cloud_call(lambda c: c.report_lost(issued.card_no))
    assert cloud_sim.state.keys[issued.card_no].lost
    cloud_call(lambda c: c.get_card(MOBILE, issued.card_no))  # the guest fetches the key again
    assert not cloud_sim.state.keys[issued.card_no].lost


def test_single_loss_on_an_old_lock_needs_the_whole_room(cloud_call, cloud_sim):
    old = RoomRef("001", "01", "0102")  # QRLOCK
    issued = cloud_call(lambda c: c.get_link(key_request(old)))
    other = cloud_call(lambda c: c.get_link(key_request(old, mobile="13900002222")))
    cloud_call(lambda c: c.get_card(MOBILE, issued.card_no))
    assert code_of(cloud_call, lambda c: c.report_lost(issued.card_no)) == "5217"
    cloud_call(lambda c: c.report_lost(issued.card_no, whole_room=True))
    assert cloud_sim.state.keys[other.card_no].lost


def test_card_issuer_flow(cloud_call, cloud_sim):
    assert [i.mac for i in cloud_call(lambda c: c.get_mac_list())] == ["A4C138000D01"]
    _start, end = stay(48)
    card = cloud_call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    assert (card.building, card.floor, card.room) == ("001", "01", "0101")
    assert card.serial_num == cloud_sim.state.card_on_issuer
    assert card.end is not None and card.end == end
    read = cloud_call(lambda c: c.read_card())
    assert read.serial_num == card.serial_num
    cloud_call(lambda c: c.cancel_rf_card(card.serial_num))
    assert code_of(cloud_call, lambda c: c.cancel_rf_card(card.serial_num)) == "5308"
    assert code_of(cloud_call, lambda c: c.cancel_rf_card("DEADBEEF")) == "5307"


def test_gateways_unlock_and_door_log(cloud_call, cloud_sim):
    [box] = cloud_call(lambda c: c.get_box_info())  # the {"error": 0} envelope shape
    assert box.box_id == "BOX-0001" and box.has_password
    cloud_call(lambda c: c.lock_box_room("C4A828001101", 1, "BOX-0001"))
    today = date.today()
    week = LogQuery(ROOM, today - timedelta(days=7), today + timedelta(days=1))
    records = cloud_call(lambda c: c.query_by_room(week))
    assert records[0].open_way == "remote (gateway)" and records[0].card_type_name == "admin"
    assert records[0].time is not None and records[0].time.tzinfo is not None
    quiet = LogQuery(RoomRef("002", "01", "0102"), today, today)
    empty = cloud_call(lambda c: c.query_by_room(quiet))
    assert empty == []  # 6108 "no qualified data" is an empty log
    assert code_of(cloud_call, lambda c: c.lock_box_room("C4A828001102", 1, "BOX-0001")) == "5008"
    cloud_sim.state.gateway_online = False
    assert code_of(cloud_call, lambda c: c.lock_box_room("C4A828001101", 1, "BOX-0001")) == "5312"


# -- error paths ---------------------------------------------------------------------------
def test_wrong_auth_token_is_4008_in_every_family(cloud_call):
    for fn in (lambda c: c.fetch_room_info(), lambda c: c.get_mac_list(),
               lambda c: c.get_link(key_request())):
        assert code_of(cloud_call, fn, auth_token="wrong-token") == "4008"


def test_unknown_account_is_4006(cloud_call):
    assert code_of(cloud_call, lambda c: c.fetch_room_info(), account_sid="nobody") == "4006"


def test_stale_timestamp_is_401(cloud_call):
    def late(offset, fn):
        clock = lambda: time.time() + offset  # noqa: E731
        with pytest.raises(KeyDeskError) as e:
            cloud_call(fn, client_kw={"clock": clock})
        return (e.value.domain, e.value.code)

    # QR family: a local timestamp is accepted for 24 h; records family: a short window.
    assert late(-2 * 86400, lambda c: c.get_card(MOBILE, "mac:C4A828001101",
                                                 result_type=2)) == ("cloud_http", "401")
    assert late(-3600, lambda c: c.fetch_room_info()) == ("cloud_http", "401")
    # Three hours off is inside the QR family's 24-hour window: accepted.
    key = cloud_call(lambda c: c.get_card(MOBILE, "mac:C4A828001101", result_type=2),
                     client_kw={"clock": lambda: time.time() - 3 * 3600})
    assert key.ble_str


@pytest.mark.parametrize(("change", "code"), [
    ({"room": RoomRef("001", "01", "9999")}, "5007"),
    ({"room": RoomRef("009", "01", "0101")}, "5005"),
    ({"room": RoomRef("001", "07", "0101")}, "5006"),
    ({"mobile": "12ab"}, "5103"),
    ({"card_kind": "galaxy"}, "5117"),
])
def test_get_link_rejections(cloud_call, change, code):
    assert code_of(cloud_call, lambda c: c.get_link(key_request(**change))) == code


def test_bad_time_fields_give_5100_to_5102_and_5107(cloud_call):
    req = key_request()

    def with_fields(**over):
        async def fn(c):
            fields = {**c.link_fields(req), **over}
            return await c.call("getLink", fields)
        return fn

    assert code_of(cloud_call, with_fields(startTime="2026-01-01")) == "5101"
    assert code_of(cloud_call, with_fields(endTime="tomorrow")) == "5102"
    assert code_of(cloud_call, with_fields(endTime=req.start.strftime("%y%m%d%H%M"),
                                     startTime=req.end.strftime("%y%m%d%H%M"))) == "5100"
    far = req.start + timedelta(days=400)
    assert code_of(cloud_call, lambda c: c.get_link(key_request(end=far))) == "5107"


def test_bluetooth_errors(cloud_call):
    def ble(mac):
        return code_of(cloud_call, lambda c: c.get_card(MOBILE, f"mac:{mac}", result_type=2))

    assert ble("C4A828001102") == "6107"  # a QRLOCK has no Bluetooth
    assert ble("C4A828002102") == "5211"  # Bluetooth not configured for the room
    assert ble("XYZ") == "5209"
    assert ble("000000000000") == "5215"


def test_get_card_errors(cloud_call):
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert code_of(cloud_call, lambda c: c.get_card("13900009999", issued.card_no)) == "5017"
    assert code_of(cloud_call, lambda c: c.get_card(MOBILE, "A" * 16)) == "5210"
    assert code_of(cloud_call, lambda c: c.get_card(MOBILE, "short")) == "5207"
    far = datetime.now().astimezone() + timedelta(days=40)
    assert code_of(cloud_call, lambda c: c.get_card(MOBILE, issued.card_no, open_end=far)) == "6119"


def test_operator_and_issuer_failures(cloud_call, cloud_sim):
    _s, end = stay()
    req = RfCardRequest(ROOM, end)
    assert code_of(cloud_call, lambda c: c.read_card(), creator_password="wrong-pass") == "5303"
    cloud_sim.state.operator_logged_in = False
    assert code_of(cloud_call, lambda c: c.make_room_card(req)) == "5304"
    cloud_sim.state.operator_logged_in = True
    cloud_sim.state.issuer_online = False
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.make_room_card(req))
    assert (e.value.code, e.value.retryable) == ("5310", True)
    cloud_sim.state.issuer_online = True
    cloud_sim.state.card_on_issuer = None
    assert code_of(cloud_call, lambda c: c.read_card()) == "5300"
    assert code_of(cloud_call, lambda c: c.make_room_card(req)) == "5311"
    cloud_sim.state.issuers = []
    assert code_of(cloud_call, lambda c: c.get_mac_list()) == "6114"


def test_sms_not_activated_is_5202(cloud_call, cloud_sim):
    cloud_sim.state.sms_enabled = False
    assert code_of(cloud_call, lambda c: c.get_link(key_request(send_sms=True))) == "5202"


def test_unknown_community_and_log_span(cloud_call):
    assert code_of(cloud_call, lambda c: c.fetch_room_info(), community_no="999") == "5201"



def test_log_span_over_31_days_is_5100_before_and_at_the_cloud(cloud_call, cloud_sim):
    today = date.today()
    assert code_of(cloud_call, lambda c: c.query_by_room(
        LogQuery(ROOM, today - timedelta(days=40), today))) == "5100"
    assert cloud_sim.requests["queryByRoom"] == 0  # refused before sending
    fields = {"communityNo": cloud_sim.state.community_no, "buildNo": "001", "floorNo": "01",
              "roomNo": "0101", "startDate": str(today - timedelta(days=40)),
              "endDate": str(today)}
    assert code_of(cloud_call, lambda c: c.call("queryByRoom", fields)) == "5100"
    assert cloud_sim.requests["queryByRoom"] == 1


def test_error_shaped_envelope_over_the_socket(cloud_call):
    """getRoomCardInfo answers {"error": <code>} rather than {"status": <code>}."""
    async def raw(c):
        request = c.transport.build(ENDPOINTS["getRoomCardInfo"], {
            "communityNo": c.creds.community_no, "cardString": "00"})
        return (await c.transport._http.send(request)).json()

    body = cloud_call(raw)
    assert body["error"] == 5016 and "status" not in body
    assert code_of(cloud_call, lambda c: c.get_room_card_info("00")) == "5016"


def test_rf_card_ending_after_the_service_is_5107(cloud_call, cloud_sim):
    _start, end = stay(hours=24 * (cloud_sim.state.service_days + 2))
    assert code_of(cloud_call, lambda c: c.make_room_card(RfCardRequest(ROOM, end))) == "5107"


def test_times_cross_between_a_new_york_pc_and_a_shanghai_community(cloud_call, cloud_sim):
    """The desk's clock is in New York; the cloud wants (and answers) Shanghai time."""
    with pc_time_zone("America/New_York"):
        # naive times are the PC's: 15:00 in New York is 03:00 (EDT) or 04:00 (EST) the
        # next day in Shanghai
        start = (datetime.now() + timedelta(days=2)).replace(hour=15, minute=0, second=0,
                                                            microsecond=0)
        end = start + timedelta(hours=19)  # 10:00 in New York = 22:00/23:00 in Shanghai
        issued = cloud_call(lambda c: c.get_link(key_request(start=start, end=end)))
        stored = cloud_sim.state.keys[issued.card_no]
        assert stored.start.hour in (3, 4)
        assert stored.start.date() == start.date() + timedelta(days=1)
        assert stored.start == start.astimezone() and stored.end == end.astimezone()
        info = cloud_call(lambda c: c.get_room_card_info(issued.card_no.encode().hex()))
        assert info.start == start.astimezone()  # the same instant back again
        assert to_pc_local(info.start).replace(tzinfo=None) == start
        card = cloud_call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
        assert cloud_sim.state.rf_cards[card.serial_num].end.hour in (22, 23)
        assert card.end == end.astimezone()
        today = date.today()
        [latest, *_] = cloud_call(lambda c: c.query_by_room(
            LogQuery(ROOM, today - timedelta(days=7), today + timedelta(days=1))))
        assert latest.time.utcoffset() == timedelta(hours=8)  # community time on the wire
        assert to_pc_local(latest.time).utcoffset() in (timedelta(hours=-4),
                                                        timedelta(hours=-5))
