"""Issue 14, "a window that looks current": icons shipped with their licence and sharp at
any pixel ratio, pages built when first shown, the device health in the status bar
(with the way to set a part up), remembered splitters and column widths, keyboard
shortcuts for the desk's frequent jobs, a sensible tab order, Help → Show log."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSplitter

from app.domain.events import ConnectionState
from app.settings import MemorySecretStore, SettingsStore
from ui.application import KeyDeskSession
from ui.main_window import keyboard_focus_order

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def test_every_icon_the_window_names_is_shipped_with_its_licence(qapp):
    from ui.icons import icon

    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'icon\("([a-z0-9-]+)"', text))
        used |= set(re.findall(r'icon_name = "([a-z0-9-]+)"', text))
    from ui.front_desk import ICONS as TAB_ICONS
    from ui.pages import PAGE_ICONS
    from ui.widgets.not_set_up import NOTICE_ICONS

    used |= set(PAGE_ICONS.values()) | set(TAB_ICONS.values()) | set(NOTICE_ICONS.values())
    missing = sorted(n for n in used if not (ICONS / f"{n}.svg").is_file())
    assert not missing, missing
    assert "MIT License" in (ICONS / "LICENSE-tabler-icons.txt").read_text(encoding="utf-8")
    assert "Tabler Icons" in (ICONS / "README.md").read_text(encoding="utf-8")
    pixmap = icon("usb").pixmap(QSize(24, 24), 2.0)  # a 200 % screen
    assert pixmap.devicePixelRatio() == 2.0 and pixmap.width() == 48
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).alpha() for x in range(48) for y in range(48))


def test_pages_are_built_when_first_shown(session, qtbot):
    window = session.window
    qtbot.waitUntil(lambda: "monitor" in window.pages.built(), timeout=5000)  # alarms
    assert "locks" not in window.pages.built() and "audit" not in window.pages.built()
    window.nav.setCurrentRow(1)
    assert "locks" in window.pages.built()
    assert window.stack.currentWidget() is window.pages["locks"]


def test_the_status_bar_shows_each_devices_health(session, qtbot):
    bar = session.window.status
    qtbot.waitUntil(lambda: bar.states.get("encoder") == ConnectionState.CONNECTED,
                    timeout=10000)
    qtbot.waitUntil(lambda: {"Lobby", "Staff door"} <= set(bar.states), timeout=10000)
    assert "Encoder: ready" in bar._entries["encoder"].text()
    rooms = session.window.show_page("front_desk")
    rooms.tabs.setCurrentIndex(1)  # the Rooms tab asks the cloud
    qtbot.waitUntil(lambda: "Lock cloud" in bar.states, timeout=10000)
    assert bar._entries["Lock cloud"].text() == "Lock cloud: ready"


@pytest.fixture
def empty(qtbot):
    store = SettingsStore()
    store.save(store.load())
    s = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    qtbot.addWidget(s.window)
    s.window.show()
    yield s, store
    if not s._closed:
        assert s.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_parts_not_set_up_say_so_in_the_status_bar_and_a_click_sets_them_up(empty, qtbot):
    session, _store = empty
    bar = session.window.status
    entry = bar._entries["encoder"]
    assert entry.text() == "Encoder: not set up"
    assert bar._entries["readers"].text() == "Readers: not set up"
    assert bar._entries["Lock cloud"].text() == "Lock cloud: not set up"
    qtbot.mouseClick(entry, Qt.MouseButton.LeftButton)
    settings = session.window.stack.currentWidget()
    assert settings.stack.currentWidget().widget() is settings.sections["encoder"]


def test_splitters_and_column_widths_are_remembered(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    store.save(store.load())
    first = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    first.window.resize(1100, 760)
    first.window.show()
    monitor = first.window.show_page("monitor")
    split = monitor.findChild(QSplitter, "monitor_split")
    split.setSizes([300, 200])
    sizes = split.sizes()
    monitor.devices.setColumnWidth(0, 211)
    assert first.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    saved = store.load().ui_state
    assert any(k.startswith("monitor.splitter") for k in saved)
    second = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    try:
        second.window.resize(1100, 760)
        second.window.show()
        again = second.window.show_page("monitor")
        assert again.devices.columnWidth(0) == 211
        assert again.findChild(QSplitter, "monitor_split").sizes() == sizes
    finally:
        assert second.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_desk_shortcuts_issue_read_and_find(session, qtbot):
    shortcuts = session.window.desk_shortcuts
    assert [a.shortcut().toString() for a in (shortcuts.issue_action, shortcuts.read_action,
                                             shortcuts.find_action)] == [
        "Ctrl+I", "Ctrl+R", "Ctrl+F"]
    session.window.show_page("monitor")
    shortcuts.issue_action.trigger()  # no room typed yet: the cursor goes to the room field
    page = session.window.stack.currentWidget()
    assert page is session.window.pages["front_desk"]
    panel = page.gates[0].built
    assert page.tabs.currentIndex() == 0 and panel.rooms.hasFocus()
    qtbot.waitUntil(lambda: panel.service.state.value == "connected", timeout=10000)
    panel.rooms.setText("201")  # in the demo's room directory: issued without a question
    shortcuts.issue_action.trigger()
    qtbot.waitUntil(lambda: "Card issued for room 201" in panel.result.title.text(),
                    timeout=15000)
    shortcuts.read_action.trigger()
    qtbot.waitUntil(lambda: "Valid card for room 201" in panel.result.title.text(),
                    timeout=15000)
    shortcuts.find_action.trigger()
    rooms = page.gates[1].built
    assert page.tabs.currentIndex() == 1 and rooms.search.hasFocus()


def test_the_cards_form_tabs_in_the_order_a_clerk_fills_it(session):
    panel = session.window.show_page("front_desk").gates[0].built
    order = keyboard_focus_order(session.window, panel.rooms)
    wanted = [panel.rooms, panel.valid_from, panel.valid_to, panel.kind, panel.sequence,
              panel.issue_button, panel.read_button]
    positions = [order.index(w) for w in wanted]
    assert positions == sorted(positions)


def test_show_log_is_live_copies_for_support_and_masks_secrets(session, qtbot):
    from app import logsetup

    view = session.window.show_log()
    qtbot.waitUntil(view.isVisible)
    logsetup.register_secret("cloud-token-55aa77")
    logging.getLogger("keydesk.test").warning("support marker 8812 token=%s",
                                              "cloud-token-55aa77")
    qtbot.waitUntil(lambda: "support marker 8812" in view.text.toPlainText(), timeout=3000)
    assert "cloud-token-55aa77" not in view.text.toPlainText()
    view.copy()
    assert "support marker 8812" in QGuiApplication.clipboard().text()
    assert session.window.show_log() is view  # one view, raised again
    view.close()
    # Opened again on wide lines: the newest shown from its start, not scrolled to its end.
    logging.getLogger("keydesk.test").warning("wide line %s", "x" * 600)
    view = session.window.show_log()
    qtbot.waitUntil(view.isVisible)
    QApplication.processEvents()
    bar = view.text.horizontalScrollBar()
    assert "x" * 600 in view.text.toPlainText() and bar.maximum() > 0
    assert bar.value() == 0
    view.close()


START_UP = """
import json, sys
from ui.application import KeyDeskSession, ensure_qapp
app = ensure_qapp(offscreen=True)
session = KeyDeskSession()
session.window.show()
session.window.grab()  # the first frame painted: the window is usable
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("httpx", "keyring", "bleak")
                or m.startswith(("ui.front_desk.cloud", "app.access.", "app.cloud.desk")))
print(json.dumps({"loaded": loaded, "built": sorted(session.window.pages.built())}))
session.close()
"""


def test_start_up_loads_only_what_the_first_page_needs(keydesk_home, monkeypatch):
    """A desk without readers or cloud opens without the HTTP client, the keyring backends,
    Bluetooth or the cloud tabs' modules (each is imported when first used), in a fresh
    interpreter as `keydesk` starts."""
    import json
    import os
    import subprocess
    import sys

    store = SettingsStore()
    store.save(store.load())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEYDESK_AUDIT_KEY": "00" * 32,
           "KEYDESK_HOME": str(keydesk_home)}
    done = subprocess.run([sys.executable, "-c", START_UP], cwd=ROOT, env=env, timeout=60,
                          capture_output=True, text=True, check=True)
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["loaded"] == [], said
    assert said["built"] == ["front_desk"]  # the Monitor is built after the first paint
