"""The encoder service (what the window runs) against the simulator: live card events,
the encoder vanishing and coming back (reconnect + DeviceStateChanged), and the card
recognised on placement so the next issue tries the right key first."""

from __future__ import annotations

import sys
import threading
import time
from datetime import datetime

import pytest
from serial.tools.list_ports_common import ListPortInfo

from app.devices.encoder import discovery
from app.devices.encoder.link import Timeouts
from app.devices.encoder.service import SITE_KEY_SECRET, EncoderService
from app.devices.encoder.sim import EncoderSimulator
from app.domain.cards import Issuance
from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged
from app.settings import MemorySecretStore, Settings

KEY = "service-test-site-key"
STAY = Issuance(("301",), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
FAST = Timeouts(ack=0.1, response=0.3, retries=1)


class Recorder:
    """Every bus event of the encoder, in order, with a wait helper."""

    def __init__(self, bus) -> None:
        self.events: list = []
        self._cond = threading.Condition()
        bus.subscribe(self._add, DeviceStateChanged, DeviceEvent)

    def _add(self, event) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait_for(self, pred, timeout: float = 10.0, since: int = 0) -> int:
        """Index of the first event at or after ``since`` matching ``pred``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for i in range(since, len(self.events)):
                    if pred(self.events[i]):
                        return i
                left = deadline - time.monotonic()
                assert left > 0, f"not seen; events: {self.events[since:]}"
                self._cond.wait(left)

    def states(self, since: int = 0) -> list[ConnectionState]:
        with self._cond:
            return [e.state for e in self.events[since:] if isinstance(e, DeviceStateChanged)]


def state_is(state):
    return lambda e: isinstance(e, DeviceStateChanged) and e.state == state


def card_event(code):
    return lambda e: isinstance(e, DeviceEvent) and e.code == code


def make_service(runtime, settings) -> EncoderService:
    secrets = MemorySecretStore()
    secrets.set(SITE_KEY_SECRET, KEY)
    return EncoderService(
        runtime, settings, secrets, poll_interval=0.05, timeouts=FAST, reopen_every=0.2
    )


@pytest.fixture
def sim():
    s = EncoderSimulator().start()
    yield s
    s.stop()


def test_port_vanishing_then_back_reconnects_and_publishes_states(runtime, sim):
    rec = Recorder(runtime.bus)
    service = make_service(runtime, Settings(encoder_url=sim.url)).start()
    rec.wait_for(state_is(ConnectionState.CONNECTED))
    placed = rec.wait_for(card_event("CardPlaced"))
    assert rec.events[placed].payload["uid"] == sim.card.uid.hex().upper()
    first_connections = sim.connections

    sim.inject("vanish", seconds=1.0)  # the next command finds the port gone for 1 s
    lost = rec.wait_for(state_is(ConnectionState.DISCONNECTED))
    assert "lost" in rec.events[lost].detail
    rec.wait_for(card_event("CardRemoved"), since=lost)
    # While it is away, reopening fails and says so; then it is back by itself.
    failed = rec.wait_for(state_is(ConnectionState.FAILED), since=lost)
    back = rec.wait_for(state_is(ConnectionState.CONNECTED), since=failed)
    rec.wait_for(card_event("CardPlaced"), since=back)
    assert sim.fired == ["vanish"]
    assert sim.connections == first_connections + 1  # refused while away, then one new
    assert rec.states()[0] == ConnectionState.CONNECTING

    # And it works again: a card issued through the reconnected service reads back.
    service.issue(STAY).result(10)
    assert service.read(full=False).result(10).decoded.issuance == STAY


def test_card_events_and_recognised_keys(runtime, sim):
    rec = Recorder(runtime.bus)
    service = make_service(runtime, Settings(encoder_url=sim.url)).start()
    blank = rec.events[rec.wait_for(card_event("CardPlaced"))]
    assert blank.payload["keys"] == "transport"

    service.issue(STAY).result(10)
    issued = sim.remove()
    gone = rec.wait_for(card_event("CardRemoved"))
    assert rec.events[gone].payload["uid"] == issued.uid.hex().upper()

    sim.place("classic-1k", bytes.fromhex("0A0B0C0D"))
    sim.card.blocks[7][:] = bytes.fromhex("112233445566FF078069112233445566")  # not our keys
    foreign = rec.events[rec.wait_for(card_event("CardPlaced"), since=gone)]
    assert (foreign.payload["uid"], foreign.payload["keys"]) == ("0A0B0C0D", "foreign")

    # The issued card comes back: recognised as ours; issuing it again goes straight to
    # the site key (one selection, no refused key).
    since = len(rec.events)
    sim.place(issued)
    ours = rec.events[rec.wait_for(card_event("CardPlaced"), since=since)]
    assert ours.payload["keys"] == "site"
    sim.reset_stats()
    service.issue(STAY.next_copy()).result(10)
    assert sim.stats.per_command[0x4A] == 1, "a refused key would have forced a re-select"


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_usb_unplug_and_replug_found_by_vid_pid(runtime, monkeypatch):
    """The remembered encoder (VID:PID + serial number) unplugged and plugged back, maybe
    under a new device name: the service notices both and reconnects by itself. The
    simulator runs on a pty (a real tty the driver opens by path); only the USB
    enumeration is faked: the port is "present" while its device node exists."""
    import os

    sim = EncoderSimulator(pty=True).start()
    try:

        def comports():
            path = sim.url
            if not os.path.exists(path):
                return []
            info = ListPortInfo(path)
            info.vid, info.pid, info.serial_number = 0x1A86, 0x7523, "KD0001"
            info.description = "USB-SERIAL CH340"
            return [info]

        monkeypatch.setattr(discovery.list_ports, "comports", comports)
        rec = Recorder(runtime.bus)
        settings = Settings(encoder_vid_pid="1A86:7523", encoder_serial="KD0001")
        service = make_service(runtime, settings).start()
        up = rec.wait_for(state_is(ConnectionState.CONNECTED))
        assert sim.url in rec.events[up].detail
        rec.wait_for(card_event("CardPlaced"))

        sim.inject("vanish", seconds=0.6)
        down = rec.wait_for(state_is(ConnectionState.DISCONNECTED), since=up)
        rec.wait_for(card_event("CardRemoved"), since=down)
        back = rec.wait_for(state_is(ConnectionState.CONNECTED), since=down)
        assert sim.url in rec.events[back].detail  # reopened wherever it is now
        rec.wait_for(card_event("CardPlaced"), since=back)
        service.issue(STAY).result(10)
    finally:
        sim.stop()


def test_cancel_during_a_slow_command_says_what_is_on_the_card(runtime, sim):
    """Cancel reaches a command the chip is still working on (the device thread's
    interrupt breaks the read); the half-issued card never verifies and is issued again."""
    from app.domain.events import Progress
    from app.runtime import JobCancelled

    secrets = MemorySecretStore()
    secrets.set(SITE_KEY_SECRET, KEY)
    patient = Timeouts(ack=3.0, response=3.0, retries=1)  # a timeout cannot end it early
    service = EncoderService(runtime, Settings(encoder_url=sim.url), secrets,
                             poll_interval=0.05, timeouts=patient)  # fmt: skip
    rec = Recorder(runtime.bus)
    service.start()
    rec.wait_for(card_event("CardPlaced"))
    service.issue(STAY).result(10)  # an earlier, valid stay on the card
    job: dict = {}

    def on_progress(event) -> None:
        if event.job == "issue" and "block 5" in event.text and "slowed" not in job:
            job["slowed"] = True
            sim.inject("slow", seconds=1.5)  # the write of block 5 hangs in the chip
            threading.Timer(0.2, lambda: job["future"].request_cancel()).start()

    runtime.bus.subscribe(on_progress, Progress)
    new_stay = Issuance(("302",), datetime(2026, 12, 1, 14), datetime(2026, 12, 3, 12))
    job["future"] = service.issue(new_stay)
    with pytest.raises(JobCancelled) as info:
        job["future"].result(10)
    assert sim.fired == ["slow"]
    # The card held a stay: its commit was cleared first, so it reads "issue not finished".
    assert "not issued: its earlier stay was cleared, 2 of 6 blocks" in str(info.value)
    half = service.read(full=False).result(10).decoded
    assert not half.valid and half.reason.startswith("issue not finished")
    service.issue(new_stay).result(10)
    assert service.read(full=False).result(10).decoded.issuance == new_stay
