"""The real reader client against the reader simulator over loopback sockets."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from app.access.api import CardGrant, ReaderApi
from app.access.client import BAD_CREDENTIALS, ReaderHttp
from app.access.sim import ReaderSimulator
from app.access.stream import Backoff, ReaderStream
from app.domain.errors import KeyDeskError
from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged

PW = "s3cret-pw"


@pytest.fixture
def sim():
    s = ReaderSimulator("Lobby", password=PW, rate=40, seed=7, doors=2).start()
    yield s
    s.stop()


class Collector:
    def __init__(self):
        self.events: list[DeviceEvent] = []
        self.states: list[DeviceStateChanged] = []
        self.lock = threading.Lock()

    def __call__(self, event):
        with self.lock:
            if isinstance(event, DeviceEvent):
                self.events.append(event)
            elif isinstance(event, DeviceStateChanged):
                self.states.append(event)

    def access_keys(self):
        with self.lock:
            return [e.payload["dedupe_key"] for e in self.events if e.code == "AccessControl"]


def wait_until(predicate, timeout=10.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def start_stream(runtime, url, password=PW, **kw):
    out = Collector()
    http = ReaderHttp(url, "admin", password)
    kw.setdefault("heartbeat", 1)
    kw.setdefault("backoff", Backoff(0.05, 0.3))
    stream = ReaderStream("Lobby", http, out, **kw)
    future = runtime.loop.submit(stream.run())
    return stream, future, out, http


def stop_stream(runtime, future, http):
    future.cancel()
    runtime.loop.run(http.aclose(), timeout=5)


def api_call(runtime, url, fn, password=PW):
    async def go():
        http = ReaderHttp(url, "admin", password)
        try:
            return await fn(ReaderApi(http))
        finally:
            await http.aclose()

    return runtime.loop.run(go(), timeout=15)


def test_digest_stream_decodes_events(runtime, sim):
    stream, fut, out, http = start_stream(runtime, sim.url)
    wait_until(lambda: len(out.access_keys()) >= 10, what="access events")
    stop_stream(runtime, fut, http)
    codes = {e.code for e in out.events}
    assert "AccessControl" in codes and "Heartbeat" not in codes
    assert stream.status.clock_drift is not None and abs(stream.status.clock_drift) <= 2
    assert any(s.state == ConnectionState.CONNECTED for s in out.states)


def test_wrong_password_stops_and_says_so(runtime, sim):
    stream, fut, out, http = start_stream(runtime, sim.url, password="wrong-password")
    with pytest.raises(KeyDeskError) as info:
        fut.result(10)
    runtime.loop.run(http.aclose(), timeout=5)
    assert info.value.domain == "reader_request_error"
    assert info.value.code == str(BAD_CREDENTIALS)
    # The stream has ended (its future is done), so nothing can try again later.
    assert fut.done() and not stream.status.online
    assert sim.state()["failed_logins"] == 1  # never hammers the device
    assert out.states[-1].state == ConnectionState.FAILED


def test_lockout_after_repeated_failures(runtime):
    sim = ReaderSimulator("L", password=PW, traffic=False, max_failures=3).start()
    try:
        codes = []
        for _ in range(4):
            with pytest.raises(KeyDeskError) as info:
                api_call(runtime, sim.url, lambda api: api.system_info(), password="bad-pw")
            codes.append(info.value.code)
        assert codes[-1] == "268632081"  # account locked
        with pytest.raises(KeyDeskError):  # even the right password is locked out now
            api_call(runtime, sim.url, lambda api: api.system_info())
    finally:
        sim.stop()


@pytest.mark.parametrize("as_403", [False, True])
def test_stale_nonce_is_challenged_again_once(runtime, sim, as_403):
    stream, fut, out, http = start_stream(runtime, sim.url)
    wait_until(lambda: stream.status.connects >= 1, what="first connection")
    sim.auth_reset(as_403=as_403)
    wait_until(lambda: stream.status.connects >= 2, what="reconnection")
    stop_stream(runtime, fut, http)
    assert not any(s.state == ConnectionState.FAILED for s in out.states)
    assert stream.status.error_code == ""
    assert http.stale_retries == (1 if as_403 else 0)
    assert sim.state()["failed_logins"] == 0


def test_silence_trips_the_watchdog_and_reconnects(runtime, sim):
    stream, fut, _out, http = start_stream(runtime, sim.url, watchdog=0.6)
    wait_until(lambda: stream.status.connects >= 1, what="first connection")
    sim.go_silent()
    wait_until(lambda: stream.status.watchdog_trips >= 1 and stream.status.connects >= 2,
               what="watchdog reconnect")
    stop_stream(runtime, fut, http)


def test_backfill_after_a_drop_loses_nothing(runtime, sim):
    stream, fut, out, http = start_stream(runtime, sim.url, since=0)
    wait_until(lambda: stream.status.connects >= 1 and out.access_keys(), what="events")
    sim.reboot(0.5)  # the device goes away while it keeps logging accesses
    sim.access("12EA3004")
    wait_until(lambda: stream.status.connects >= 2, what="reconnection")

    def parts_grow(by: int, what: str) -> None:
        start = stream.status.parser["parts"]
        wait_until(lambda: stream.status.parser["parts"] >= start + by, what=what)

    parts_grow(3, "parts on the new connection")
    sim.set_fault(split_bytes=True)
    parts_grow(3, "parts written byte by byte")
    sim.set_fault(split_bytes=False, garbage=2, wrong_length=2, missing_length=2, latin1=3)
    counters = ("garbage", "wrong_length", "missing_length", "latin1")
    wait_until(lambda: sim.call(lambda: [getattr(sim.faults, c) for c in counters])
               == [0, 0, 0, 0], what="every damaged part sent")
    parts_grow(1, "a part after the damaged ones")
    records = sim.records()
    wait_until(lambda: len(set(out.access_keys())) >= len(records), what="back-fill")
    stop_stream(runtime, fut, http)
    keys = out.access_keys()
    assert len(keys) == len(set(keys))
    serial = sim.device.serial
    assert {f"sn:{serial}#rec:{r['RecNo']}@{r['CreateTime']}" for r in records} <= set(keys)
    assert stream.status.backfilled >= 1
    assert any(e.code == "Reboot" for e in out.events)
    assert stream.status.parser["boundary_scans"] >= 1


def test_percent_encoded_codes_on_400(runtime, sim):
    sim.set_fault(bracket_mode="encoded")
    stream, fut, out, http = start_stream(runtime, sim.url, codes=["AccessControl", "BreakIn"])
    wait_until(lambda: out.access_keys(), what="events with encoded codes")
    stop_stream(runtime, fut, http)
    assert "%5B" in stream.attach_path()
    assert {e.code for e in out.events} <= {"AccessControl", "BreakIn"}


def test_identity_clock_doors(runtime):
    sim = ReaderSimulator("Staff", password=PW, traffic=False, clock_offset=95).start()
    try:
        info = api_call(runtime, sim.url, lambda api: api.system_info())
        assert info["serialNumber"].startswith("SIM")
        check = api_call(runtime, sim.url, lambda api: api.clock())
        assert 93 <= check.drift_seconds <= 97

        async def set_and_check(api):
            await api.set_clock()
            return await api.clock()

        assert abs(api_call(runtime, sim.url, set_and_check).drift_seconds) <= 2
        assert api_call(runtime, sim.url, lambda api: api.door_status(1)) == "Close"
        api_call(runtime, sim.url, lambda api: api.open_door(1))
        assert api_call(runtime, sim.url, lambda api: api.door_status(1)) == "Open"
        with pytest.raises(KeyDeskError) as info:
            api_call(runtime, sim.url, lambda api: api.open_door(9))
        assert info.value.code == "268632322"
    finally:
        sim.stop()


@pytest.mark.parametrize("json_errors", [True, False])
def test_enrolment_for_a_stay_and_removal(runtime, json_errors):
    sim = ReaderSimulator("Lobby", password=PW, traffic=False, json_errors=json_errors).start()
    try:
        now = datetime.now().replace(microsecond=0)
        grants = [CardGrant(f"AB{i:06X}", f"G{i}", f"Guest {i}", now - timedelta(hours=1),
                            now + timedelta(days=2)) for i in range(12)]
        grants.append(CardGrant("CAFE0001", "OLD", "Past guest", now - timedelta(days=3),
                                now - timedelta(days=1)))
        api_call(runtime, sim.url, lambda api: api.enrol(grants))  # 13: two calls of <= 10
        state = sim.state()
        assert "AB00000B" in state["cards"] and state["users"]["G3"]["ValidTo"] == (
            grants[3].valid_to.strftime("%Y-%m-%d %H:%M:%S"))
        assert sim.access("AB000003")["ErrorCode"] == 0  # inside the stay
        assert sim.access("CAFE0001")["ErrorCode"] == 20  # stay is over: expired
        with pytest.raises(KeyDeskError) as info:  # the card exists already
            api_call(runtime, sim.url, lambda api: api.add_cards(grants[:1]))
        expected = "286064930" if json_errors else "268632322"
        assert (info.value.domain, info.value.code) == ("reader_request_error", expected)
        api_call(runtime, sim.url, lambda api: api.revoke(["AB000003"], ["G3"]))
        assert sim.access("AB000003")["ErrorCode"] == 17  # taken away
    finally:
        sim.stop()


def test_monitor_service_runs_every_reader(runtime):
    from app.access.monitor import start_monitoring
    from app.access.sim.demo import start as start_demo_readers
    from app.demo import DemoEnvironment

    env = DemoEnvironment(runtime)
    start_demo_readers(env)
    got = Collector()
    runtime.bus.subscribe(got, DeviceEvent, DeviceStateChanged)
    for sim in env.readers.values():
        sim.access("12EA3004")
    monitor = start_monitoring(runtime, env.settings, env.secrets, heartbeat=1)
    wait_until(lambda: all(s.online for s in monitor.statuses().values()), what="online")
    wait_until(lambda: {e.source for e in got.events} >= {"Lobby", "Staff door"},
               what="events from both readers", timeout=15)
    statuses = monitor.statuses()
    wait_until(lambda: monitor.statuses()["Staff door"].clock_drift is not None, what="drift")
    assert 90 <= monitor.statuses()["Staff door"].clock_drift <= 100
    assert statuses["Lobby"].url == env.settings.readers[0].url
    assert monitor.call("Lobby", lambda api: api.door_status(1)).result(5) in ("Open", "Close")
    monitor.stop()


def test_stopping_the_simulator_twice_at_once_is_clean(runtime, monkeypatch):
    """Two owners (the demo's clean-up and a test, say) may stop a simulator together;
    neither may cut the other's clean-up short (it used to raise in the sim thread and
    leave its stream tasks destroyed while pending)."""
    crashes: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", crashes.append)
    s = ReaderSimulator("Twice", password=PW, rate=40, seed=3).start()
    _, future, out, http = start_stream(runtime, s.url)
    wait_until(lambda: out.events, what="the stream to deliver")  # a stream task is open
    stoppers = [threading.Thread(target=s.stop) for _ in range(3)]
    for t in stoppers:
        t.start()
    for t in stoppers:
        t.join(5)
    s.stop()  # and once more, late
    stop_stream(runtime, future, http)
    assert not s._thread.is_alive()
    assert crashes == []
