"""Issue 14: settings edited while the desk runs apply through ``DeskServices`` without a
restart — readers added stream, removed ones stop (and are forgotten), changed ones
reconnect; a new encoder port is opened in place of the old one. Real simulators on
loopback sockets; waits on conditions, never on fixed sleeps."""

from __future__ import annotations

import threading

import pytest

from app.access.monitor import secret_name
from app.access.sim import ReaderSimulator
from app.devices.encoder.sim.server import EncoderSimulator
from app.domain.events import ConnectionState, DeviceEvent, DeviceForgotten, DeviceStateChanged
from app.services import open_desk
from app.settings import MemorySecretStore, ReaderConfig, Settings
from app.setup.apply import apply_changes, reader_secrets


class Seen:
    """Every bus event, with a wait on a condition."""

    def __init__(self, bus) -> None:
        self.events: list = []
        self._cond = threading.Condition()
        bus.subscribe(self._add, DeviceEvent, DeviceStateChanged, DeviceForgotten)

    def _add(self, event) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def wait(self, pred, what: str, timeout: float = 15.0):
        with self._cond:
            ok = self._cond.wait_for(lambda: any(pred(e) for e in self.events), timeout)
            assert ok, f"{what} never seen; seen {[type(e).__name__ for e in self.events][-20:]}"
            return next(e for e in self.events if pred(e))

    def count(self, pred) -> int:
        with self._cond:
            return sum(1 for e in self.events if pred(e))


def reader_events(name: str):
    return lambda e: isinstance(e, DeviceEvent) and e.kind == "reader" and e.source == name


@pytest.fixture
def readers():
    sims = [ReaderSimulator(name, password=f"pw-{name}", rate=30, seed=i).start()
            for i, name in enumerate(("Lobby", "Garage"))]
    yield {s.name: s for s in sims}
    for s in sims:
        s.stop()


@pytest.fixture
def desk(runtime, tmp_path):
    secrets = MemorySecretStore()
    services = open_desk(runtime, Settings(), secrets, data_dir=tmp_path, audit_key=b"k" * 32)
    return services


def save_readers(services, configs, passwords):
    new = Settings(**{**services.settings.__dict__, "readers": configs})
    changes = reader_secrets(services.settings.readers, configs, passwords)
    return apply_changes(services, new, changes, save=lambda: None)


def test_a_reader_added_streams_and_one_removed_stops_and_is_forgotten(desk, readers):
    services = desk
    seen = Seen(services.runtime.bus)
    lobby, garage = readers["Lobby"], readers["Garage"]
    assert services.readers is None  # nothing configured: nothing monitored

    applied = save_readers(services, [ReaderConfig("Lobby", lobby.url)], {"Lobby": "pw-Lobby"})
    assert applied.readers.added == ("Lobby",)
    assert services.secrets.get(secret_name("Lobby")) == "pw-Lobby"
    seen.wait(reader_events("Lobby"), "an event of the added reader")

    applied = save_readers(services, [ReaderConfig("Lobby", lobby.url),
                                      ReaderConfig("Garage", garage.url)],
                           {"Garage": "pw-Garage"})
    assert (applied.readers.added, applied.readers.removed, applied.readers.restarted) == (
        ("Garage",), (), ())
    seen.wait(reader_events("Garage"), "an event of the second reader")
    lobby_connects = seen.count(lambda e: isinstance(e, DeviceStateChanged)
                                and e.source == "Lobby" and e.state == ConnectionState.CONNECTED)
    assert lobby_connects == 1  # the reader left alone kept its one stream

    applied = save_readers(services, [ReaderConfig("Garage", garage.url)], {})
    assert applied.readers.removed == ("Lobby",)
    assert services.secrets.get(secret_name("Lobby")) is None  # its password went with it
    forgotten = seen.wait(lambda e: isinstance(e, DeviceForgotten), "the removed reader forgotten")
    assert forgotten.source == "Lobby"
    after = len(seen.events)
    # The stream is really gone: nothing of it is published after it was forgotten, while
    # the other reader goes on (wait for several of its events to prove time passed).
    garage_now = seen.count(reader_events("Garage"))
    seen.wait(lambda e: seen.count(reader_events("Garage")) >= garage_now + 5,
              "more events of the remaining reader")
    assert not [e for e in seen.events[after:] if getattr(e, "source", "") == "Lobby"]
    assert services.readers.names == ["Garage"]


def test_a_changed_password_reconnects_that_reader_only(desk, readers):
    services = desk
    seen = Seen(services.runtime.bus)
    lobby = readers["Lobby"]
    # Typed wrong first: the stream stops, as it must (no retry locks the PC out).
    save_readers(services, [ReaderConfig("Lobby", lobby.url)], {"Lobby": "not-the-lobby-pw-93"})
    seen.wait(lambda e: isinstance(e, DeviceStateChanged) and e.source == "Lobby"
              and e.state == ConnectionState.FAILED, "the refused password")
    applied = save_readers(services, [ReaderConfig("Lobby", lobby.url)], {"Lobby": "pw-Lobby"})
    assert applied.readers.restarted == ("Lobby",)
    seen.wait(reader_events("Lobby"), "events after the password was corrected")


def test_a_new_encoder_port_is_opened_without_a_restart(runtime, tmp_path):
    first = EncoderSimulator(card="classic-1k")
    second = EncoderSimulator(card="ultralight")
    first.start(), second.start()
    try:
        services = open_desk(runtime, Settings(encoder_url=first.url), MemorySecretStore(),
                             data_dir=tmp_path, audit_key=b"k" * 32)
        seen = Seen(runtime.bus)
        services.encoder.poll_interval = 0.05
        services.start_encoder()
        seen.wait(lambda e: isinstance(e, DeviceStateChanged) and e.source == "encoder"
                  and e.state == ConnectionState.CONNECTED and first.url in e.detail,
                  "the first encoder connected")
        new = Settings(**{**services.settings.__dict__, "encoder_url": second.url})
        applied = apply_changes(services, new, {}, save=lambda: None)
        assert applied.encoder_reconnected and applied.fields == ("encoder_url",)
        seen.wait(lambda e: isinstance(e, DeviceStateChanged) and e.source == "encoder"
                  and e.state == ConnectionState.CONNECTED and second.url in e.detail,
                  "the second encoder connected")
        placed = seen.wait(lambda e: isinstance(e, DeviceEvent) and e.code == "CardPlaced"
                           and e.payload.get("uid") == second.card.uid.hex().upper(),
                           "the card on the new encoder")
        assert placed.source == "encoder"
    finally:
        first.stop(), second.stop()
