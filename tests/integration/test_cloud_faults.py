"""Timeouts, 500s, dropped connections and the request limit, over a real socket."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from app.cloud.client import CloudClient
from app.cloud.config import CallPolicy
from app.cloud.models import GuestKeyRequest, RfCardRequest, RoomRef
from app.cloud.sim import CloudSimulator
from app.cloud.sim.demo import demo_credentials
from app.domain.errors import KeyDeskError

SHORT = CallPolicy(connect_timeout=1.0, read_timeout=0.4, backoff=0.01, read_attempts=3)
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
    def run(fn, policy=SHORT):
        async def go():
            async with CloudClient(demo_credentials(sim.url), policy) as c:
                return await fn(c)

        return runtime.loop.run(go(), timeout=20)

    return run


def request():
    start = datetime.now().astimezone().replace(second=0, microsecond=0)
    return GuestKeyRequest(MOBILE, ROOM, start, start + timedelta(days=1))


def test_timed_out_get_link_is_not_issued_twice(call, sim):
    # The key is created, but the answer comes too late: the client times out.
    sim.inject("slow", "getLink", delay=1.5, after_effect=True)
    issued = call(lambda c: c.get_link(request()))
    assert issued.verified_after_timeout
    assert sim.requests["getLink"] == 1  # never sent a second time
    assert sim.requests["queryCardByMobile"] == 1  # it looked instead
    assert list(sim.state.keys) == [issued.card_no]


def test_dropped_answer_after_the_key_was_made_finds_that_key(call, sim):
    sim.inject("drop", "getLink", after_effect=True)
    issued = call(lambda c: c.get_link(request()))
    assert sim.requests["getLink"] == 1 and list(sim.state.keys) == [issued.card_no]


def test_dropped_request_before_anything_happened_is_tried_once_more(call, sim):
    sim.inject("drop", "getLink")  # lost before the cloud acted
    issued = call(lambda c: c.get_link(request()))
    assert not issued.verified_after_timeout
    assert sim.requests["getLink"] == 2
    assert list(sim.state.keys) == [issued.card_no]  # exactly one key


def test_when_the_lookup_fails_too_the_outcome_is_reported_unknown(call, sim):
    sim.inject("slow", "getLink", delay=1.5, after_effect=True)
    sim.inject("http500", "queryCardByMobile", times=5)
    with pytest.raises(KeyDeskError) as e:
        call(lambda c: c.get_link(request()))
    assert e.value.state.startswith("unknown") and e.value.retryable is False
    assert sim.requests["getLink"] == 1  # still never repeated blindly


def test_timed_out_rf_card_is_checked_on_the_issuer_not_written_twice(call, sim):
    end = datetime.now().astimezone().replace(second=0, microsecond=0) + timedelta(days=2)
    sim.inject("slow", "makeRoomCard", delay=1.5, after_effect=True)
    card = call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    assert sim.requests["makeRoomCard"] == 1
    assert card.room == "0101" and card.end == end


def test_reads_are_retried_after_500_and_drops(call, sim):
    sim.inject("http500", "fetchRoomInfo")
    sim.inject("drop", "fetchRoomInfo")
    buildings = call(lambda c: c.fetch_room_info())
    assert len(buildings) == 2 and sim.requests["fetchRoomInfo"] == 3


def test_reads_give_up_with_a_network_error_after_the_attempts(call, sim):
    sim.inject("slow", "fetchRoomInfo", delay=1.0, times=3)
    with pytest.raises(KeyDeskError) as e:
        call(lambda c: c.fetch_room_info())
    assert (e.value.domain, e.value.code, e.value.retryable) == ("cloud_http", "403", True)
    assert sim.requests["fetchRoomInfo"] == 3


def test_cancel_is_not_repeated_after_a_timeout(call, sim):
    issued = call(lambda c: c.get_link(request()))
    sim.inject("slow", "cancelCard", delay=1.5, after_effect=True)
    with pytest.raises(KeyDeskError) as e:
        call(lambda c: c.cancel_card(issued.card_no))
    assert "unknown" in e.value.state
    assert sim.requests["cancelCard"] == 1


def test_request_limit_backs_off_and_succeeds(call, sim):
    sim.inject("limit", "getLink", times=2)
    issued = call(lambda c: c.get_link(request()))
    assert sim.requests["getLink"] == 3 and list(sim.state.keys) == [issued.card_no]


def test_request_limit_that_persists_is_reported_as_4005(call, sim):
    sim.state.rate_limit_per_s = 0
    with pytest.raises(KeyDeskError) as e:
        call(lambda c: c.fetch_room_info())
    assert (e.value.code, e.value.retryable) == ("4005", True)
    assert sim.requests["fetchRoomInfo"] == SHORT.limit_attempts


def test_server_down_is_a_network_error_that_sends_nothing(runtime):
    sim = CloudSimulator()
    url = sim.start()
    sim.stop()

    async def go():
        async with CloudClient(demo_credentials(url), SHORT) as c:
            return await c.get_link(request())

    with pytest.raises(KeyDeskError) as e:
        runtime.loop.run(go(), timeout=10)
    assert e.value.code == "403" and e.value.state == "nothing was sent"


def test_slow_but_in_time_answers_are_fine(call, sim, caplog):
    caplog.set_level(logging.INFO)
    sim.inject("slow", "getLink", delay=0.1)
    assert call(lambda c: c.get_link(request())).card_no
