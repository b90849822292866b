"""Issue 17: the window on the shared site store (a real PostgreSQL): the status bar says
whether the server is reached and, while it is away, what this desk keeps; the Monitor
shows another desk's events live; the Store section saves the URL and the password (in
the keyring, never in the settings file)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app.audit.chain import key_id
from app.domain.events import DeviceEvent
from app.settings import MemorySecretStore, SettingsStore
from app.store.backend import PASSWORD_SECRET, open_site
from tests.pg_server import PASSWORD, PgServer
from ui.application import KeyDeskSession

KEY_HEX = "cd" * 32


@pytest.fixture
def site_desk(qtbot, pg_url, monkeypatch, tmp_path):
    user_only = pg_url.replace(f":{PASSWORD}@", "@")
    monkeypatch.setenv("KEYDESK_AUDIT_KEY", KEY_HEX)
    store = SettingsStore()
    settings = store.load()
    settings.store_url = user_only
    store.save(settings)
    secrets = MemorySecretStore()
    secrets.set(PASSWORD_SECRET, PASSWORD)
    session = KeyDeskSession(settings_store=store, secrets=secrets)
    qtbot.addWidget(session.window)
    session.window.resize(1100, 740)
    session.window.show()
    yield session
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def local_desk(qtbot):
    """A desk on its own SQLite files (no site store set): (session, settings store,
    keyring), and its Settings → Store section, loaded."""
    from ui.settings.later import StoreSection

    store = SettingsStore()
    store.save(store.load())
    secrets = MemorySecretStore()
    session = KeyDeskSession(settings_store=store, secrets=secrets)
    qtbot.addWidget(session.window)
    section = StoreSection(session.ctx)
    qtbot.addWidget(section)
    section.load(session.ctx.settings)
    yield session, store, secrets, section
    section.shutdown()
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def entry_text(session) -> str:
    entry = session.window.status._entries.get("store")
    return entry.text() if entry is not None else ""


def says(session, text: str):
    """A waitUntil check that names what the status bar said instead, should it time out."""
    def check() -> None:
        entry = session.window.status._entries.get("store")
        assert entry_text(session) == text, (entry_text(session),
                                             entry.toolTip() if entry else "")
    return check


def test_status_bar_and_monitor_follow_the_site_store(site_desk, qtbot, pg_url,
                                                      pg_server: PgServer, tmp_path):
    session = site_desk
    monitor = session.window.show_page("monitor")
    monitor.banner._beep = lambda: None
    qtbot.waitUntil(says(session, "Site store: ready"), timeout=15000)
    # Another desk of the site writes an event: this window's Monitor shows it live.
    other = open_site(pg_url, None, data_dir=tmp_path / "other",
                      key=bytes.fromhex(KEY_HEX), desk="back")
    try:
        other.events.add(DeviceEvent("Pool", kind="reader", code="AccessControl",
                                     payload={"card": "77EA3001", "granted": True}))
        assert other.events.flush(10)
    finally:
        other.events.close(5)
        other.audit.close()
    model = monitor.table.model
    qtbot.waitUntil(lambda: any(e.card == "77EA3001" for e in model._events), timeout=10000)
    session.window.grab().save(str(tmp_path / "monitor-site-store.png"))

    pg_server.stop()
    try:
        session.services.audit.record("desk.test", who="ana")  # kept on this desk
        qtbot.waitUntil(says(session, "Site store: offline"), timeout=15000)
        entry = session.window.status._entries["store"]
        # The row and its desk event: both kept here until the server is back.
        qtbot.waitUntil(lambda: "2 events and audit rows" in entry.toolTip(), timeout=10000)
        assert "cannot be reached" in entry.toolTip() and PASSWORD not in entry.toolTip()
        qtbot.waitUntil(lambda: monitor.store_health.isVisible(), timeout=5000)
        assert "cannot be reached" in monitor.store_health.label.text()
        # A reader event meanwhile: shown at once, in italics, as kept on this desk.
        session.services.events.add(DeviceEvent("Pool", kind="reader", code="AccessControl",
                                                 payload={"card": "77EA3002", "granted": True}))
        # (below the desk event of the audit row, kept too)
        qtbot.waitUntil(lambda: model.kept_count == 2, timeout=10000)
        assert not monitor.banner.isVisible()
        row = model.rowCount() - 1
        assert model.is_kept(row) and model.event_at(row).card == "77EA3002"
        assert model.event_at(row - 1).code == "desk.test" and model.is_kept(row - 1)
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()
        assert "Kept on this desk" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert not model.index(row - 2, 0).data(Qt.ItemDataRole.FontRole)  # a stored row
        qtbot.waitUntil(lambda: "2 of them kept on this desk" in monitor.counts.text(),
                        timeout=5000)
        monitor.table.view.selectRow(row)
        assert monitor.detail.text().startswith("Kept on this desk, not yet in the site store")
        # An alarm meanwhile sounds at once; it is acknowledged once the store has it.
        session.services.events.add(DeviceEvent("Pool", kind="reader", code="BreakIn",
                                                 severity="alarm", payload={"action": "Start"}))
        qtbot.waitUntil(lambda: monitor.banner.isVisible(), timeout=10000)
        assert not monitor.banner.ack.isEnabled() and monitor.banner.beeps >= 1
        assert "acknowledged once" in monitor.banner.ack.toolTip()
        session.window.grab().save(str(tmp_path / "window-away.png"))
        session.window.status.grab().save(str(tmp_path / "status-away.png"))
        # The Audit page, which reads the site's trail, says the server is away, plainly.
        audit_page = session.window.show_page("audit")
        audit_page.refresh()
        qtbot.waitUntil(lambda: "cannot be reached" in audit_page.status.text(), timeout=10000)
        assert "unexpected" not in audit_page.status.text()
        # ... and shows what this desk keeps meanwhile: the row recorded while away.
        assert "rows this desk keeps" in audit_page.status.text()
        assert "(kept: 1;" in audit_page.status.text()
        assert [e.what for e in audit_page.model.rows] == ["desk.test"]
        assert audit_page.model.cell(audit_page.model.rows[0], 0) == "—"  # no number yet
        audit_page.grab().save(str(tmp_path / "audit-away.png"))
        session.window.show_page("monitor")
    finally:
        pg_server.start()
    qtbot.waitUntil(says(session, "Site store: ready"), timeout=20000)
    qtbot.waitUntil(lambda: session.services.events.health().queued == 0, timeout=20000)
    assert [e.what for e in session.services.audit.query(what="desk.test")] == ["desk.test"]
    # Sent: the kept row leaves, and the event comes back as a stored row with its id.
    qtbot.waitUntil(lambda: model.kept_count == 0 and any(
        e.card == "77EA3002" and e.id > 0 for e in model._events), timeout=10000)
    assert sum(e.card == "77EA3002" for e in model._events) == 1
    qtbot.waitUntil(lambda: [e.code for e in monitor.banner.pending] == ["BreakIn"],
                    timeout=10000)
    assert monitor.banner.isVisible() and monitor.banner.ack.isEnabled()


def test_store_section_keeps_the_password_in_the_keyring(local_desk, tmp_path):
    session, store, _secrets, section = local_desk
    # The chain key every desk must share: its fingerprint to compare, never the key.
    key = session.services.audit.key
    assert key is not None
    shown = section.chain_key.label.text()
    assert key_id(key) in shown and key.hex() not in shown
    assert "Show key…" in shown
    section.url.setText("postgresql://keydesk@backoffice:5432/keydesk")
    section.password.setText("s3cret-site")
    new = store.load()
    typed: dict[str, str | None] = {}
    section.collect(new, typed)
    assert new.store_url == "postgresql://keydesk@backoffice:5432/keydesk"
    assert typed == {PASSWORD_SECRET: "s3cret-site"}
    store.save(new)
    assert "s3cret-site" not in store.path.read_text(encoding="utf-8")
    assert json.loads(store.path.read_text(encoding="utf-8"))["store_url"] == new.store_url
    section.resize(700, 420)
    section.grab().save(str(tmp_path / "store-section.png"))


def test_the_chain_key_is_carried_from_the_window_shown_once_and_set(local_desk, tmp_path):
    session, _store, secrets, section = local_desk
    audit = session.services.audit
    audit.record("desk.test", who="ana")  # the trail holds a row sealed with its key
    old = audit.key
    assert old is not None
    row = section.chain_key
    shown: list[str] = []
    row.present_key = shown.append
    row.show_button.click()
    assert shown == [old.hex()]
    revealed = audit.query(what="audit.key.reveal")
    assert [r.detail for r in revealed] == [{"fingerprint": key_id(old)}]
    # A typo is said as such; nothing is stored.
    row.ask_key = lambda: "not-a-key"
    row.set_button.click()
    assert "not an audit chain key" in row.result.label.text()
    # Another key, while this desk's trail holds rows sealed with its own: asked first.
    new = "ab" * 32
    asked: list[tuple[str, int]] = []
    row.ask_key = lambda: new
    row.confirm_replace = lambda fp, rows: asked.append((fp, rows)) is not None
    row.set_button.click()
    assert asked and asked[0][0] == key_id(old) and asked[0][1] >= 2
    assert "Nothing changed" in row.result.label.text()
    assert secrets.get("audit.chain_key") == old.hex() and audit.key == old
    row.confirm_replace = lambda fp, rows: True
    row.set_button.click()
    assert secrets.get("audit.chain_key") == new and audit.key == bytes.fromhex(new)
    assert "Key stored" in row.result.label.text()
    assert key_id(bytes.fromhex(new)) in row.label.text()
    changed = audit.query(what="settings.change")
    assert changed[0].target == "audit.chain_key"
    assert new not in json.dumps([vars(r) for r in audit.query()], default=str)
    row.ask_key = lambda: " ".join(new[at:at + 8] for at in range(0, 64, 8))  # as shown
    row.set_button.click()  # the same key again, typed in the groups the window shows
    assert "holds that key already" in row.result.label.text()
    section.resize(700, 460)
    section.grab().save(str(tmp_path / "store-section-key.png"))


def test_store_section_tests_the_typed_address_without_saving_it(local_desk, qtbot, pg_url,
                                                                  tmp_path):
    from tests.pg_server import free_port

    _session, store, _secrets, section = local_desk
    label = section.result.label
    section.test()  # nothing typed: this PC's own files
    assert "No site store is set" in label.text()
    section.url.setText(pg_url.replace(f":{PASSWORD}@", "@"))
    section.password.setText(PASSWORD)
    section.test()
    assert not section.test_button.isEnabled()  # busy while it waits on the server
    qtbot.waitUntil(lambda: "reached" in label.text(), timeout=15000)
    assert section.test_button.isEnabled() and "still empty" in label.text()
    section.password.setText("wrong-password")
    section.test()
    qtbot.waitUntil(lambda: label.text().startswith("✖"), timeout=15000)
    assert "refused this desk" in label.text() and not section.result.explain.isHidden()
    assert section.result.target == ("site_store", "login_refused")
    section.url.setText(f"postgresql://keydesk@127.0.0.1:{free_port()}/keydesk")
    section.test()
    qtbot.waitUntil(lambda: "cannot be reached" in label.text(), timeout=15000)
    section.resize(760, 460)
    section.grab().save(str(tmp_path / "store-test.png"))
    assert store.load().store_url == ""  # a test saves nothing
