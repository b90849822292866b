"""Issue 14: every page of a desk nobody set up says so honestly — "not set up yet", why,
and one button to the right Settings section — never a vendor error code. A part set up
in Settings comes alive without a restart."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.devices.encoder.sim.server import EncoderSimulator
from app.settings import MemorySecretStore, SettingsStore
from ui.application import KeyDeskSession
from ui.widgets.not_set_up import NotSetUp

VENDOR_CODE = re.compile(r"\b\d{3,}\b|Error \d")  # 401, 5310, 268632085...


@pytest.fixture
def empty(qtbot):
    """A real window on a desk with a settings file but nothing set up."""
    store = SettingsStore()
    store.save(store.load())
    session = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    qtbot.addWidget(session.window)
    session.window.resize(1100, 720)
    session.window.show()
    yield session
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel)
                    if label.isVisibleTo(widget))


def front_gate(session, index: int):
    page = session.window.show_page("front_desk")
    page.tabs.setCurrentIndex(index)
    return page.gates[index]


@pytest.mark.parametrize("index, missing, section", [
    (0, "The card encoder is not set up yet", "encoder"),
    (1, "The lock cloud is not set up yet", "cloud"),
    (2, "The lock cloud is not set up yet", "cloud"),
    (3, "The lock cloud is not set up yet", "cloud"),
    (4, "The lock cloud is not set up yet", "cloud"),
    (5, "No access reader is set up yet", "readers"),
])
def test_each_front_desk_tab_says_what_is_not_set_up(empty, qtbot, index, missing, section,
                                                     tmp_path):
    gate = front_gate(empty, index)
    assert gate.currentWidget() is gate.notice and gate.built is None  # nothing built
    assert gate.notice.title.text() == missing
    assert not VENDOR_CODE.search(visible_text(gate.notice))
    empty.window.grab().save(str(tmp_path / f"front-desk-{index}.png"))
    qtbot.mouseClick(gate.notice.button, Qt.MouseButton.LeftButton)
    settings = empty.window.stack.currentWidget()
    assert settings is empty.window.pages["settings"]
    assert settings.stack.currentWidget().widget() is settings.sections[section]
    assert not empty.window.banner.isVisible()  # no error was shown anywhere


def test_the_monitor_and_the_locks_page_work_and_say_what_is_missing(empty, qtbot, tmp_path):
    monitor = empty.window.show_page("monitor")
    assert monitor.setup_hint.isVisible()
    assert "No access reader is set up yet" in monitor.setup_hint.label.text()
    empty.window.grab().save(str(tmp_path / "monitor.png"))
    qtbot.mouseClick(monitor.setup_hint.button, Qt.MouseButton.LeftButton)
    settings = empty.window.pages["settings"]
    assert settings.stack.currentWidget().widget() is settings.sections["readers"]

    locks = empty.window.show_page("locks")
    assert locks.setup_hint.isVisible()
    assert "The lock cloud is not set up yet" in locks.setup_hint.label.text()
    assert locks.scan_button.isEnabled()  # scanning needs nothing set up
    empty.window.grab().save(str(tmp_path / "locks.png"))
    assert not empty.window.banner.isVisible()


@pytest.mark.parametrize("key", ["explain", "audit", "settings"])
def test_the_pages_that_need_nothing_set_up_just_work(empty, key):
    page = empty.window.show_page(key)
    assert not page.findChildren(NotSetUp)
    assert not empty.window.banner.isVisible()


def test_an_encoder_set_up_in_settings_opens_the_cards_tab_without_a_restart(empty, qtbot):
    sim = EncoderSimulator(card="classic-1k").start()
    try:
        gate = front_gate(empty, 0)
        assert gate.notice.title.text() == "The card encoder is not set up yet"
        settings = empty.window.open_settings("encoder")
        section = settings.sections["encoder"]
        section.picker.port.setCurrentIndex(section.picker.port.findData("other"))
        section.picker.address.setText(sim.url)
        settings.save()
        # Encoder chosen, but no site key yet: the tab says that now.
        assert gate.notice.title.text() == "The site card key is not set yet"
        section.site_key.generate.setChecked(True)
        applied = settings.save()
        assert applied is not None and "encoder.site_key" in applied.secrets
        assert gate.currentWidget() is gate.built and gate.built is not None
        panel = gate.built
        qtbot.waitUntil(lambda: panel.service.state.value == "connected", timeout=15000)
        qtbot.waitUntil(lambda: sim.card.uid.hex().upper() in panel.card_label.text(),
                        timeout=15000)
    finally:
        sim.stop()
