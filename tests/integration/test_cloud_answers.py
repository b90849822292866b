"""Answers that say "success" but hold nothing usable: an empty or damaged key, key
fields beside ``data``, a directory that is no list. Each is an explained error, never
``ok`` with an empty key or "0 rooms"."""

from __future__ import annotations

import base64

import pytest

from app.cloud.config import RESULT_BLE, RESULT_PASSWORD, RESULT_QR
from app.cloud.sim.handlers_qr import qr_png
from app.domain.errors import KeyDeskError
from tests.cloud_support import MOBILE, key_request

LOCK_MAC = "C4A828001101"  # room 001-01-0101, a Bluetooth lock


def set_data(value):
    def reshape(envelope):
        return {**envelope, "data": value}
    return reshape


def without_data(envelope):
    return {k: v for k, v in envelope.items() if k != "data"}


def beside_data(envelope):
    """The vendor's other page layout: the key fields next to ``data``, not in it."""
    data = envelope.get("data") or {}
    return {**{k: v for k, v in envelope.items() if k != "data"}, **data, "data": None}


@pytest.fixture
def card_no(cloud_call):
    return cloud_call(lambda c: c.get_link(key_request())).card_no


def qr(cloud_call, card_no):
    return cloud_call(lambda c: c.get_card(MOBILE, card_no, result_type=RESULT_QR))


def ble(cloud_call):
    return cloud_call(lambda c: c.get_card(MOBILE, f"mac:{LOCK_MAC}", result_type=RESULT_BLE))


def code_of(call) -> tuple[str, str]:
    with pytest.raises(KeyDeskError) as e:
        call()
    return e.value.domain, e.value.code


PNG = qr_png("abcdefghijklmnop")


@pytest.mark.parametrize("base_img", [
    "", "   ", None, 0,
    base64.b64encode(b"hello, not a picture").decode(),
    base64.b64encode(PNG[: len(PNG) // 2]).decode(),  # cut short
    base64.b64encode(PNG[:-12]).decode(),  # no IEND
    base64.b64encode(PNG[:50] + bytes([PNG[50] ^ 0xFF]) + PNG[51:]).decode(),  # damaged
    "data:image/png;base64,",
    "!!!not base64!!!",
])
def test_a_qr_key_that_is_not_an_image_is_5014(cloud_call, cloud_sim, card_no, base_img):
    cloud_sim.inject("reshape", "getCard", reshape=set_data({"baseImg": base_img}))
    assert code_of(lambda: qr(cloud_call, card_no)) == ("cloud_api", "5014")


@pytest.mark.parametrize("ble_str", ["", "  ", None])
def test_an_empty_bluetooth_key_is_5208(cloud_call, cloud_sim, ble_str):
    cloud_sim.inject("reshape", "getCard", reshape=set_data({"bleStr": ble_str}))
    assert code_of(lambda: ble(cloud_call)) == ("cloud_api", "5208")


def test_an_answer_with_no_key_at_all_is_explained(cloud_call, cloud_sim, card_no):
    cloud_sim.inject("reshape", "getCard", reshape=without_data, times=2)
    assert code_of(lambda: ble(cloud_call)) == ("cloud_api", "5208")
    assert code_of(lambda: qr(cloud_call, card_no)) == ("cloud_api", "5014")
    cloud_sim.inject("reshape", "getCard", reshape=set_data({}))
    assert code_of(lambda: cloud_call(lambda c: c.get_card(
        MOBILE, card_no, result_type=RESULT_PASSWORD))) == ("cloud_desk", "answer-garbled")


def test_key_fields_beside_data_are_read(cloud_call, cloud_sim, card_no):
    cloud_sim.inject("reshape", "getCard", reshape=beside_data, times=2)
    assert qr(cloud_call, card_no).qr_png == qr_png(card_no)
    assert len(ble(cloud_call).ble_str) == 48


def test_a_data_url_and_wrapped_base64_are_a_qr(cloud_call, cloud_sim, card_no):
    wrapped = base64.encodebytes(PNG).decode()  # newlines every 76 characters
    cloud_sim.inject("reshape", "getCard",
                     reshape=set_data({"baseImg": "data:image/png;base64," + wrapped}))
    assert qr(cloud_call, card_no).qr_png == PNG


@pytest.mark.parametrize("reshape", [set_data("oops"), without_data, set_data({}),
                                     set_data(42), set_data({"builders": "oops"})],
                         ids=["oops", "no-data", "empty-object", "number", "builders-oops"])
def test_a_malformed_directory_is_explained_not_zero_rooms(cloud_call, cloud_sim, reshape):
    cloud_sim.inject("reshape", "fetchRoomInfo", reshape=reshape, times=10)
    assert code_of(lambda: cloud_call(lambda c: c.fetch_room_info())) == (
        "cloud_desk", "answer-garbled")


def test_an_empty_community_is_still_zero_rooms(cloud_call, cloud_sim):
    cloud_sim.inject("reshape", "fetchRoomInfo", reshape=set_data({"builders": []}))
    assert cloud_call(lambda c: c.fetch_room_info()) == []


def test_a_malformed_answer_to_a_read_is_asked_again(cloud_call, cloud_sim):
    cloud_sim.inject("truncate", "fetchRoomInfo")
    assert len(cloud_call(lambda c: c.fetch_room_info())) == 2
    assert cloud_sim.requests["fetchRoomInfo"] == 2
