"""Timeouts, 500s, dropped, late, cut-short and drip-fed answers and the request limit,
over a real socket. A create call is sent once: after a lost answer the client looks."""

from __future__ import annotations

import time

import pytest

from app.catalog import explain_error
from app.cloud.client import CloudClient
from app.cloud.config import CallPolicy
from app.cloud.models import RfCardRequest
from app.cloud.sim import CloudSimulator, handlers_records
from app.cloud.sim.demo import demo_credentials
from app.domain.errors import KeyDeskError
from tests.cloud_support import ROOM, key_request, stay

SHORT = CallPolicy(connect_timeout=1.0, read_timeout=0.4, backoff=0.01, read_attempts=3,
                   settle_delay=0.02)
LOOKUPS = ["queryCardByMobile"] * SHORT.lookup_attempts


def unknown(e: pytest.ExceptionInfo) -> KeyDeskError:
    """The error is "outcome unknown", never "nothing was issued"."""
    err = e.value
    assert (err.domain, err.code, err.retryable) == ("cloud_desk", "outcome-unknown", False)
    assert err.state.startswith("outcome unknown: ")
    text = " ".join(str(v) for v in explain_error(err).values())
    assert "nothing was" not in text.lower() and "Do not repeat it yet" in text
    return err


@pytest.fixture
def cloud_policy() -> CallPolicy:
    return SHORT  # answers later than 0.4 s count as lost


@pytest.fixture
def waits():
    """Back-off waits the transport asked for (recorded instead of slept)."""
    recorded: list[float] = []

    async def sleep(seconds: float) -> None:
        recorded.append(seconds)

    return recorded, {"sleep": sleep}


# -- create calls: never blindly repeated --------------------------------------------------
def test_timed_out_get_link_is_not_issued_twice(cloud_call, cloud_sim):
    # The key is created, but the answer comes too late: the client times out.
    cloud_sim.inject("slow", "getLink", delay=1.5, after_effect=True)
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert issued.verified_after_timeout
    assert cloud_sim.history == ["getLink", "queryCardByMobile"]  # it looked, never re-sent
    assert list(cloud_sim.state.keys) == [issued.card_no]


def test_dropped_answer_after_the_key_was_made_finds_that_key(cloud_call, cloud_sim):
    cloud_sim.inject("drop", "getLink", after_effect=True)
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert issued.verified_after_timeout
    assert cloud_sim.history == ["getLink", "queryCardByMobile"]
    assert list(cloud_sim.state.keys) == [issued.card_no]


def test_lost_request_not_found_by_the_lookups_is_never_sent_again(cloud_call, cloud_sim):
    cloud_sim.inject("drop", "getLink")  # lost before the cloud acted
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.get_link(key_request()))
    err = unknown(e)
    assert cloud_sim.history == ["getLink", *LOOKUPS]  # looked three times, sent once
    assert cloud_sim.state.keys == {}
    # the state says what to check, with the command that does it
    assert "check the room's keys before issuing again" in err.state
    assert "keydesk cloud keys --room 001-01-0101 --mobile 13900001111" in err.state


def test_slow_cloud_making_the_key_after_the_deadline_gets_one_key(cloud_call, cloud_sim):
    """The cloud works slowly: the key appears after the client gave up waiting and after
    its first look-up. Only the look-up is repeated (with growing waits) until it shows."""
    policy = CallPolicy(connect_timeout=1.0, read_timeout=0.3, settle_delay=0.25,
                        lookup_attempts=4)
    cloud_sim.inject("slow", "getLink", delay=0.9)  # waits, then makes the key
    issued = cloud_call(lambda c: c.get_link(key_request()), client_kw={"policy": policy})
    assert issued.verified_after_timeout
    assert cloud_sim.requests["getLink"] == 1
    assert cloud_sim.requests["queryCardByMobile"] >= 2  # the first look-up was too early
    assert list(cloud_sim.state.keys) == [issued.card_no]


def test_truncated_answer_after_the_key_was_made_finds_that_key(cloud_call, cloud_sim):
    """A 200 whose JSON stops half-way: the cloud did act. Never "nothing was issued"."""
    cloud_sim.inject("truncate", "getLink")
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert issued.verified_after_timeout
    assert cloud_sim.history == ["getLink", "queryCardByMobile"]
    assert list(cloud_sim.state.keys) == [issued.card_no]


def test_truncated_answer_that_cannot_be_checked_is_outcome_unknown(cloud_call, cloud_sim,
                                                                    monkeypatch):
    monkeypatch.delitem(handlers_records.HANDLERS, "queryCardByMobile")
    cloud_sim.inject("truncate", "getLink")
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.get_link(key_request()))
    assert "cut short" in unknown(e).detail
    assert len(cloud_sim.state.keys) == 1 and cloud_sim.requests["getLink"] == 1


def test_drip_fed_answer_meets_the_total_deadline(cloud_call, cloud_sim):
    """One byte every 0.2 s: httpx's per-read timeout never fires, ours does."""
    cloud_sim.inject("drip", "getLink", delay=0.2)
    began = time.monotonic()
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert time.monotonic() - began < 5  # the whole answer would take about 4 s more
    assert issued.verified_after_timeout and cloud_sim.requests["getLink"] == 1


def test_when_the_lookup_fails_too_the_outcome_is_reported_unknown(cloud_call, cloud_sim):
    cloud_sim.inject("slow", "getLink", delay=1.5, after_effect=True)
    cloud_sim.inject("http500", "queryCardByMobile", times=5)
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.get_link(key_request()))
    assert "check the room's keys before issuing again" in unknown(e).state
    assert cloud_sim.requests["getLink"] == 1  # still never repeated blindly
    assert cloud_sim.requests["queryCardByMobile"] == SHORT.read_attempts


def test_a_cloud_without_the_lookup_gets_no_second_key(cloud_call, cloud_sim, monkeypatch):
    """The look-up endpoint is ASSUMED; where it does not exist (4003) the client says the
    outcome is unknown instead of issuing again."""
    monkeypatch.delitem(handlers_records.HANDLERS, "queryCardByMobile")
    cloud_sim.inject("drop", "getLink")
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.get_link(key_request()))
    assert "4003" in unknown(e).detail or "no such api" in e.value.detail
    assert cloud_sim.history == ["getLink", "queryCardByMobile"]


def test_timed_out_rf_card_is_checked_on_the_issuer_not_written_twice(cloud_call, cloud_sim):
    _start, end = stay(48)
    cloud_sim.inject("slow", "makeRoomCard", delay=1.5, after_effect=True)
    card = cloud_call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    assert cloud_sim.history == ["makeRoomCard", "readCard"]
    assert card.room == "0101" and card.end == end


def test_rf_card_not_found_on_the_issuer_is_not_written_again(cloud_call, cloud_sim):
    _start, end = stay(48)
    cloud_sim.inject("drop", "makeRoomCard")  # lost before the issuer wrote anything
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    assert "keydesk cloud rf-read" in unknown(e).state
    assert cloud_sim.history == ["makeRoomCard", *["readCard"] * SHORT.lookup_attempts]


def test_rf_card_outcome_unknown_when_the_issuer_cannot_be_read(cloud_call, cloud_sim):
    _start, end = stay(48)
    cloud_sim.inject("slow", "makeRoomCard", delay=1.5, after_effect=True)
    cloud_sim.inject("http500", "readCard", times=5)
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.make_room_card(RfCardRequest(ROOM, end)))
    unknown(e)
    assert cloud_sim.requests["makeRoomCard"] == 1


# -- reads are retried, changes are not ----------------------------------------------------
def test_reads_are_retried_after_500_and_drops_with_growing_waits(cloud_call, cloud_sim, waits):
    recorded, client_kw = waits
    cloud_sim.inject("http500", "fetchRoomInfo")
    cloud_sim.inject("drop", "fetchRoomInfo")
    buildings = cloud_call(lambda c: c.fetch_room_info(), client_kw=client_kw)
    assert len(buildings) == 2 and cloud_sim.requests["fetchRoomInfo"] == 3
    assert recorded == [SHORT.delay(1), SHORT.delay(2)] and recorded[1] > recorded[0]


def test_reads_give_up_with_a_network_error_after_the_attempts(cloud_call, cloud_sim):
    cloud_sim.inject("slow", "fetchRoomInfo", delay=1.0, times=3)
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.fetch_room_info())
    assert (e.value.domain, e.value.code, e.value.retryable) == ("cloud_http", "403", True)
    assert cloud_sim.requests["fetchRoomInfo"] == 3


def test_cancel_is_not_repeated_after_a_timeout(cloud_call, cloud_sim):
    issued = cloud_call(lambda c: c.get_link(key_request()))
    cloud_sim.inject("slow", "cancelCard", delay=1.5, after_effect=True)
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.cancel_card(issued.card_no))
    unknown(e)
    assert cloud_sim.requests["cancelCard"] == 1


def test_unlock_is_not_repeated_after_a_server_error(cloud_call, cloud_sim):
    cloud_sim.inject("http500", "lockBoxRoom", times=3)
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.lock_box_room("C4A828001101", 1, "BOX-0001"))
    unknown(e)
    assert cloud_sim.requests["lockBoxRoom"] == 1


# -- request limit (4005) ------------------------------------------------------------------
def test_request_limit_backs_off_and_succeeds(cloud_call, cloud_sim, waits):
    recorded, client_kw = waits
    cloud_sim.inject("limit", "getLink", times=2)
    issued = cloud_call(lambda c: c.get_link(key_request()), client_kw=client_kw)
    assert cloud_sim.requests["getLink"] == 3 and list(cloud_sim.state.keys) == [issued.card_no]
    assert recorded == [SHORT.delay(1), SHORT.delay(2)]  # waited, longer each time
    assert "queryCardByMobile" not in cloud_sim.history  # 4005: nothing happened, no check


def test_request_limit_that_persists_is_reported_as_4005(cloud_call, cloud_sim, waits):
    recorded, client_kw = waits
    cloud_sim.state.rate_limit_per_s = 0
    with pytest.raises(KeyDeskError) as e:
        cloud_call(lambda c: c.fetch_room_info(), client_kw=client_kw)
    assert (e.value.code, e.value.retryable) == ("4005", True)
    assert cloud_sim.requests["fetchRoomInfo"] == SHORT.limit_attempts
    assert len(recorded) == SHORT.limit_attempts - 1


# -- other -------------------------------------------------------------------------------
def test_server_down_is_a_network_error_that_sends_nothing(runtime):
    sim = CloudSimulator()
    url = sim.start()
    sim.stop()

    async def go():
        async with CloudClient(demo_credentials(url), SHORT) as c:
            return await c.get_link(key_request())

    with pytest.raises(KeyDeskError) as e:
        runtime.loop.run(go(), timeout=10)
    assert e.value.code == "403" and e.value.state == "nothing was sent"


def test_slow_but_in_time_answers_are_fine(cloud_call, cloud_sim):
    cloud_sim.inject("slow", "getLink", delay=0.1)
    issued = cloud_call(lambda c: c.get_link(key_request()))
    assert not issued.verified_after_timeout
    assert cloud_sim.history == ["getLink"] and list(cloud_sim.state.keys) == [issued.card_no]


def test_every_call_has_a_timeout(cloud_sim, runtime):
    async def timeouts():
        async with CloudClient(demo_credentials(cloud_sim.url), SHORT) as c:
            t = c.transport._http.timeout
            return (t.connect, t.read, t.write, t.pool)

    # connect is capped by the total deadline (0.4 s here)
    assert runtime.loop.run(timeouts(), timeout=5) == (0.4, 0.4, 0.4, 0.4)
