"""DeskServices on its own, without Qt: a card issue, a cloud call and a reader stream run
through the one desk, and all of them reach the event store and the audit log.

The demo's simulators stand in for the devices (real sockets on loopback)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta

import pytest

from app.access.api import CardGrant
from app.demo import start_demo
from app.domain.cards import Issuance
from app.domain.stored import StoredEvents
from app.services import DeskServices, open_desk

MARKER = "5E1F7E99"  # a card the reader simulator does not know: a refused access


class StoredWatch:
    """Every row the store announces (after its commit), with a wait on a condition."""

    def __init__(self, services: DeskServices) -> None:
        self.rows: list = []
        self._cond = threading.Condition()
        services.runtime.bus.subscribe(self._add, StoredEvents)

    def _add(self, batch: StoredEvents) -> None:
        with self._cond:
            self.rows.extend(batch.events)
            self._cond.notify_all()

    def wait_for(self, pred, what: str, timeout: float = 10.0):
        with self._cond:
            assert self._cond.wait_for(lambda: any(pred(r) for r in self.rows), timeout), (
                f"{what} never stored; stored: {[(r.kind, r.code) for r in self.rows]}")
            return next(r for r in self.rows if pred(r))


@pytest.fixture
def desk(runtime):
    from app.operators import demo as operators_demo

    env = start_demo(runtime)
    services = open_desk(runtime, env.settings, env.secrets)
    operators_demo.sign_in(services.operators, "manager")  # the demo's Bruno
    return env, services


def test_card_cloud_and_reader_all_reach_the_store_and_the_audit_log(desk):
    env, services = desk
    assert services.events is not None and services.events_error is None
    stored = StoredWatch(services)

    # A card issued on the encoder.
    start = datetime(2026, 11, 21, 14)
    services.start_encoder()
    issued = services.encoder.issue(Issuance(("101",), start, start + timedelta(days=2)))
    uid = issued.result(20).card.uid_hex
    stored.wait_for(lambda r: r.kind == "encoder" and r.code == "CardPlaced", "CardPlaced")
    card_row = stored.wait_for(lambda r: r.code == "card.issue", "the card issue")
    assert card_row.payload["result"] == "ok" and card_row.payload["target"] == uid
    assert card_row.payload["room"] == "101" and card_row.payload["who"] == "Bruno"

    # A call to the lock cloud.
    buildings = services.runtime.loop.run(services.cloud().rooms(), timeout=20)
    assert buildings
    stored.wait_for(lambda r: r.code == "cloud.rooms", "the cloud call")

    # A reader's live stream, and an operation on that reader.
    monitor = services.start_readers(heartbeat=1)
    assert monitor is not None and services.readers is monitor
    lobby = env.readers["Lobby"]
    stored.wait_for(lambda r: r.kind == "reader" and r.device == "Lobby", "a Lobby event")
    lobby.access(MARKER, 1, 0)
    access = stored.wait_for(lambda r: r.card == MARKER, "the refused access")
    assert access.code == "AccessControl" and access.granted is False
    grant = CardGrant(MARKER, MARKER, "Guest", start, start + timedelta(days=1), (0,))
    [outcome] = services.runtime.loop.run(
        services.reader_desk().give_access(["Lobby"], grant), timeout=20)
    assert outcome.ok, outcome.text
    stored.wait_for(lambda r: r.code == "reader.give_access", "the reader operation")

    # The audit log has each desk operation once, by the operator who signed in.
    entries = {e.what: e for e in services.audit.recent() if not e.what.startswith("operator.")}
    assert {"card.issue", "cloud.rooms", "reader.give_access"} <= set(entries)
    assert all(e.ok and (e.who, e.role) == ("Bruno", "manager") for e in entries.values())
    assert entries["card.issue"].room == "101" and entries["card.issue"].target == uid
    assert services.audit.verify().ok
    # ... and so does the event store, read back from disk.
    assert services.events.flush()
    for what in ("card.issue", "cloud.rooms", "reader.give_access"):
        assert services.events.count(code=what) == 1, what
    assert services.events.count(card=MARKER) == 1


def test_a_failed_card_write_is_audited_with_its_error(desk):
    env, services = desk
    env.encoder.remove()  # no card: the issue must fail, and say so in the trail
    start = datetime(2026, 11, 21, 14)
    future = services.start_encoder().issue(Issuance(("102",), start, start + timedelta(1)))
    with pytest.raises(Exception) as failure:
        future.result(20)
    [entry] = services.audit.recent(what_prefix="card.")
    assert entry.what == "card.issue" and entry.room == "102"
    assert entry.result == f"error {failure.value.domain} {failure.value.code}"


def test_a_damaged_event_store_leaves_the_rest_of_the_desk_working(runtime, tmp_path):
    damaged = b"this is not a database" * 100
    (tmp_path / "events.sqlite3").write_bytes(damaged)
    env = start_demo(runtime)
    services = open_desk(runtime, env.settings, env.secrets, data_dir=tmp_path)
    # Issue 10: the damaged file is kept untouched and the desk goes on in a fresh one.
    assert services.events is not None and services.events_error is None
    kept = services.events.damaged_file
    assert kept is not None and kept.read_bytes() == damaged
    services.audit.record("cloud.test")  # still recorded
    assert services.audit.recent()[0].what == "cloud.test"


def test_an_event_store_that_cannot_open_leaves_the_rest_of_the_desk_working(runtime,
                                                                             tmp_path):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "events.sqlite3")
    conn.execute("PRAGMA user_version = 999")  # written by a newer KeyDesk: not ours to use
    conn.close()
    env = start_demo(runtime)
    services = open_desk(runtime, env.settings, env.secrets, data_dir=tmp_path)
    assert services.events is None and services.events_error is not None
    services.audit.record("cloud.test")  # still recorded
    assert services.audit.recent()[0].what == "cloud.test"


def test_a_store_url_of_no_known_kind_keeps_the_desk_on_its_own_files(runtime, tmp_path,
                                                                      monkeypatch):
    from app.store.audit import AuditLog
    from app.store.backend import StoreUrlError
    from app.store.events import EventStore

    monkeypatch.setenv("KEYDESK_STORE_URL", "mysql://desk@backoffice/keydesk")
    env = start_demo(runtime)
    services = open_desk(runtime, env.settings, env.secrets, data_dir=tmp_path)
    assert isinstance(services.events_error, StoreUrlError)  # the window says why
    assert "only postgresql://" in str(services.events_error)
    assert isinstance(services.events, EventStore)  # nothing is lost meanwhile
    assert services.events.path == tmp_path / "events.sqlite3"
    assert isinstance(services.audit, AuditLog)  # nothing runs unrecorded
    services.audit.record("cloud.test")
    assert services.audit.recent()[0].what == "cloud.test"


def test_the_services_import_no_qt():
    code = "import sys, app.services, app.cli.desk; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
