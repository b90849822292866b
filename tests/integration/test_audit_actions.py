"""Every kind of desk action writes its audit row, and every flow obeys the operator's
rights: cards on the encoder simulator, the lock cloud simulator and a reader simulator
over loopback, the lock hook, settings changes; the chain verifies afterwards."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.access.desk import ReaderDesk, audited, guest_grant
from app.access.monitor import secret_name
from app.audit.actions import LOCK_RIGHT, changed_fields, record_lock, record_settings
from app.cloud.desk import CloudDesk
from app.cloud.models import GuestKeyRequest, RoomRef
from app.cloud.sim.demo import demo_credentials
from app.devices.encoder.link import Timeouts
from app.devices.encoder.service import SITE_KEY_SECRET, EncoderService
from app.devices.encoder.sim import EncoderSimulator
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.settings import MemorySecretStore, ReaderConfig, Settings
from app.store.audit import AuditLog
from tests.operators_support import KEY, signed_in, staffed

STAY = Issuance(("214",), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
MASTER = Issuance((), datetime(2026, 11, 1), datetime(2027, 11, 1), kind="master")


@pytest.fixture
def audit(tmp_path):
    log = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
    yield log
    assert log.verify().ok, log.verify()
    log.close()


@pytest.fixture
def desk(tmp_path, audit):
    return staffed(tmp_path, audit)


@pytest.fixture
def encoder(runtime, audit, desk):
    sim = EncoderSimulator().start()
    secrets = MemorySecretStore({SITE_KEY_SECRET: "audit-test-site-key"})
    service = EncoderService(runtime, Settings(encoder_url=sim.url), secrets, poll_interval=0.05,
                             timeouts=Timeouts(ack=0.1, response=0.3, retries=1),
                             audit=audit, access=desk)
    yield sim, service.start()
    sim.stop()


def last(audit: AuditLog, what: str):
    rows = [e for e in audit.query(what=what, limit=5) if e.what == what]
    assert rows, f"no {what} row"
    return rows[0]


def wait_for_card(service: EncoderService, timeout: float = 10.0) -> str:
    """The UID the service shows once its poll has seen the card (as the panel does)."""
    import time

    deadline = time.monotonic() + timeout
    while service.card is None:
        assert time.monotonic() < deadline, "the service never saw the card"
        time.sleep(0.02)
    return service.card.uid_hex


def test_card_issue_duplicate_wipe_read_and_refusal_rows(encoder, audit, desk):
    sim, service = encoder
    uid = sim.card.uid.hex().upper()
    signed_in(desk, "ana")
    service.issue(STAY).result(10)
    row = last(audit, "card.issue")
    assert (row.who, row.role, row.target, row.room, row.result) == (
        "ana", "clerk", uid, "214", "ok")
    assert row.detail["kind"] == "guest" and row.detail["sequence"] == 1
    assert (row.detail["valid_from"], row.detail["valid_to"]) == (
        "2026-11-21T14:00", "2026-11-23T12:00")
    assert row.detail["card_state"].startswith("issued")

    # A clerk asking for a master card: refused before the port is touched, explained.
    writes = sim.stats.per_command.get(0x40, 0)
    with pytest.raises(KeyDeskError) as info:
        service.issue(MASTER).result(10)
    assert info.value.code == "right.card.issue.master"
    assert sim.stats.per_command.get(0x40, 0) == writes
    row = last(audit, "card.issue")
    assert (row.who, row.result) == ("ana", "refused operator right.card.issue.master")
    assert row.detail == {"kind": "master"}

    service.duplicate(STAY, source_uid=None).result(10)  # rewritten in place: sequence 2
    row = last(audit, "card.duplicate")
    assert (row.result, row.room, row.detail["sequence"]) == ("ok", "214", 2)

    service.read(full=False).result(10)
    row = last(audit, "card.read")
    assert row.result == "ok" and row.detail["card_state"].startswith("valid")
    assert row.detail["sequence"] == 2

    signed_in(desk, "bruno")  # a manager may
    service.issue(MASTER).result(10)
    row = last(audit, "card.issue")
    assert (row.who, row.role, row.result, row.detail["kind"]) == (
        "bruno", "manager", "ok", "master")

    service.wipe().result(10)
    row = last(audit, "card.wipe")
    assert (row.who, row.target, row.result) == ("bruno", uid, "ok")
    assert row.detail["card_state"].startswith("blank")


def test_a_failed_issue_writes_what_the_card_holds(encoder, audit, desk):
    sim, service = encoder
    signed_in(desk, "ana")
    uid = wait_for_card(service)
    sim.inject("remove_mid_write", after=2)
    with pytest.raises(KeyDeskError) as info:
        service.issue(STAY).result(10)
    row = last(audit, "card.issue")
    assert row.result == f"error {info.value.domain} {info.value.code}"
    assert row.room == "214" and row.detail["kind"] == "guest"
    assert "not issued" in row.detail["card_state"]
    assert row.target == uid  # the card that was on the encoder


def test_a_locked_desk_refuses_card_jobs(encoder, audit, desk):
    _sim, service = encoder
    signed_in(desk, "ana")
    desk.lock("asked")
    with pytest.raises(KeyDeskError, match=r"session\.locked"):
        service.read(full=False).result(10)
    assert last(audit, "card.read").result == "refused operator session.locked"


def test_cloud_flows_obey_rights_and_write_rows(runtime, cloud_sim, audit, desk):
    cloud = CloudDesk(demo_credentials(cloud_sim.url), audit, access=desk)
    room = RoomRef.parse("001-01-0101")
    start = datetime.now().replace(microsecond=0)
    req = GuestKeyRequest("13800000000", room, start, start + timedelta(days=1))
    signed_in(desk, "ana")
    issued, _qr = runtime.loop.run(cloud.issue_key(req), timeout=20)
    row = last(audit, "cloud.issue_key")
    assert (row.who, row.target, row.room, row.result) == ("ana", "001-01-0101",
                                                           "001-01-0101", "ok")
    unlocks = cloud_sim.requests["lockBoxRoom"]
    target = runtime.loop.run(cloud.find_room("001-01-0101"), timeout=20)
    with pytest.raises(KeyDeskError, match=r"right\.door\.unlock"):
        runtime.loop.run(cloud.unlock(target), timeout=20)
    assert cloud_sim.requests["lockBoxRoom"] == unlocks  # nothing was sent
    with pytest.raises(KeyDeskError, match=r"right\.key\.cancel"):
        runtime.loop.run(cloud.cancel_key(issued.card_no), timeout=20)
    assert last(audit, "cloud.unlock").result == "refused operator right.door.unlock"
    signed_in(desk, "bruno")
    runtime.loop.run(cloud.unlock(target), timeout=20)
    runtime.loop.run(cloud.cancel_key(issued.card_no), timeout=20)
    assert (last(audit, "cloud.unlock").who, last(audit, "cloud.unlock").result) == (
        "bruno", "ok")
    assert last(audit, "cloud.cancel_key").target == issued.card_no


def test_reader_actions_obey_rights_and_write_rows(runtime, audit, desk):
    from app.access.api import ReaderApi
    from app.access.client import ReaderHttp
    from app.access.sim import ReaderSimulator

    sim = ReaderSimulator("Lobby", password="reader-pw-1", traffic=False).start()
    try:
        secrets = MemorySecretStore({secret_name("Lobby"): "reader-pw-1"})
        readers = ReaderDesk([ReaderConfig("Lobby", sim.url)], secrets, audit, access=desk)
        now = datetime.now().replace(microsecond=0)
        grant = guest_grant("AB00C0DE", "Guest", "214", now, now + timedelta(days=1))
        signed_in(desk, "ana")
        with pytest.raises(KeyDeskError, match=r"right\.reader\.enrol"):
            runtime.loop.run(readers.give_access(["Lobby"], grant, room="214"), timeout=20)
        assert "AB00C0DE" not in sim.state()["cards"]
        signed_in(desk, "bruno")
        [outcome] = runtime.loop.run(readers.give_access(["Lobby"], grant, room="214"),
                                     timeout=20)
        assert outcome.ok and "AB00C0DE" in sim.state()["cards"]
        row = last(audit, "reader.give_access")
        assert (row.who, row.target, row.room, row.result) == ("bruno", "AB00C0DE", "214", "ok")

        async def set_clock():
            http = ReaderHttp(sim.url, "admin", "reader-pw-1")
            try:
                return await audited(audit, "set_clock", "Lobby", "Lobby", {},
                                     ReaderApi(http).set_clock(), access=desk)
            finally:
                await http.aclose()

        with pytest.raises(KeyDeskError, match=r"right\.reader\.clock"):  # managers may not
            runtime.loop.run(set_clock(), timeout=20)
        signed_in(desk, "carla")  # a technician may
        runtime.loop.run(set_clock(), timeout=20)
        row = last(audit, "reader.set_clock")
        assert (row.who, row.role, row.result) == ("carla", "technician", "ok")
    finally:
        sim.stop()


def test_the_lock_hook_and_settings_changes_write_rows(audit, desk):
    signed_in(desk, "carla")
    desk.require(LOCK_RIGHT, what="lock.open", target="38:38:E5:1D:71:FE", room="0101")
    record_lock(audit, "open", mac="38:38:E5:1D:71:FE", room="0101",
                detail={"profile": "ttlock-v3"})
    row = last(audit, "lock.open")
    assert (row.who, row.target, row.room, row.result) == ("carla", "38:38:E5:1D:71:FE",
                                                           "0101", "ok")
    with pytest.raises(KeyDeskError, match=r"right\.settings\.change"):
        desk.require("settings.change", what="settings.change")
    before, after = Settings(), Settings(encoder_trace=True, language="pt-BR")
    signed_in(desk, "dana")
    record_settings(audit, changed_fields(before, after), ["cloud.auth_token"])
    row = last(audit, "settings.change")
    assert row.detail == {"fields": ["language", "encoder_trace"],
                          "secrets": ["cloud.auth_token"]}
    assert row.who == "dana"
