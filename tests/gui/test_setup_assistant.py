"""Issue 14, done when: on an empty KEYDESK_HOME, with ``keydesk sim encoder|cloud|reader``
running as separate processes, the first-run assistant alone turns the window into a
working desk — a card issued, the rooms listed, the reader's events on the Monitor —
and the test never writes a settings file itself.

Also: each step can be skipped (nothing of it saved), nothing is saved before Finish,
Cancel saves nothing, and a failing Test explains itself and still lets the person go on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.cloud.sim import community as demo
from app.settings import MemorySecretStore, SettingsStore
from ui.application import KeyDeskSession, open_window
from ui.setup.wizard import SKIP

ROOT = Path(__file__).resolve().parents[2]
READER_PASSWORD = "lobby-pw-7731"


def start_sim(kind: str, *args: str, env: dict[str, str] | None = None):
    """``keydesk sim KIND ... --json`` as a process; its first line says where it is."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.entry", "sim", kind, "--listen", "127.0.0.1:0", *args,
         "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, **(env or {})})
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        said = proc.stderr.read() if proc.stderr else ""
        raise AssertionError(f"sim {kind} did not start: {said}")
    return proc, json.loads(line)


@pytest.fixture(scope="module")
def sims() -> Iterator[dict[str, dict]]:
    started = []
    try:
        enc, enc_info = start_sim("encoder")
        started.append(enc)
        cloud, cloud_info = start_sim("cloud")
        started.append(cloud)
        reader, reader_info = start_sim(
            "reader", "--name", "Lobby", "--rate", "20", "--serial", "SIM-LOBBY-0001",
            "--password-env", "LOBBY_PW", env={"LOBBY_PW": READER_PASSWORD})
        started.append(reader)
        yield {"encoder": enc_info, "cloud": cloud_info, "reader": reader_info}
    finally:
        for proc in started:
            proc.terminate()
        for proc in started:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def fresh(qtbot):
    """A real (not demo) window on an empty KEYDESK_HOME, secrets in memory."""
    store = SettingsStore()
    assert not store.path.exists()
    secrets = MemorySecretStore()
    session = KeyDeskSession(settings_store=store, secrets=secrets)
    qtbot.addWidget(session.window)
    session.window.resize(1100, 740)
    session.window.show()
    yield session, store, secrets
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def front_tab(session, class_name: str):
    page = session.window.show_page("front_desk")
    for i, gate in enumerate(page.gates):
        if gate.objectName() == f"tab_{class_name}":
            page.tabs.setCurrentIndex(i)
            return gate
    raise AssertionError(class_name)


def test_the_assistant_alone_sets_up_a_working_desk(fresh, sims, qtbot, tmp_path):
    session, store, secrets = fresh
    assert session.first_run  # no settings file: `keydesk` opens the assistant by itself
    assert open_window(session)
    wizard = session.window.assistant.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible)
    shots = tmp_path
    wizard.grab().save(str(shots / "1-language.png"))
    wizard.next()

    # Encoder: the simulator's address, tested: its firmware shows.
    picker = wizard.encoder_page.picker
    picker.port.setCurrentIndex(picker.port.findData("other"))
    picker.address.setText(sims["encoder"]["url"])
    picker.test()
    qtbot.waitUntil(lambda: "Encoder found: PN532" in picker.result.label.text(), timeout=15000)
    wizard.grab().save(str(shots / "2-encoder.png"))
    wizard.next()

    # Lock cloud: the simulator's account, tested with every scheme and the operator.
    form = wizard.cloud_page.form
    typed = {"cloud_base_url": sims["cloud"]["url"],
             "cloud_account_sid": sims["cloud"]["account_sid"],
             "cloud_community_no": sims["cloud"]["community_no"],
             "cloud_issue_mac": demo.DEMO_ISSUE_MAC,
             "cloud_creator_mobile": demo.DEMO_OPERATOR_MOBILE}
    for attr, value in typed.items():
        form.edits[attr].setText(value)
    form.secret_edits["cloud.auth_token"].setText(demo.DEMO_AUTH_TOKEN)
    form.secret_edits["cloud.creator_password"].setText(demo.DEMO_OPERATOR_PASSWORD)
    form.test()
    qtbot.waitUntil(lambda: "Lock cloud OK" in form.result.label.text(), timeout=15000)
    assert "the operator's login works" in form.result.label.text()
    wizard.grab().save(str(shots / "3-cloud.png"))
    wizard.next()

    # Readers: add the Lobby reader, tested: type, serial and clock drift.
    readers = wizard.readers_page.readers
    dialog = readers.add()
    dialog.name.setText("Lobby")
    dialog.url.setText(sims["reader"]["url"])
    dialog.password.setText(READER_PASSWORD)
    dialog.test()
    qtbot.waitUntil(lambda: "serial SIM-LOBBY-0001" in dialog.outcome.label.text(),
                    timeout=15000)
    assert "clock" in dialog.outcome.label.text()
    dialog.grab().save(str(shots / "4-reader-dialog.png"))
    dialog.accept()
    assert [e.config.name for e in readers.entries()] == ["Lobby"]
    wizard.grab().save(str(shots / "4-readers.png"))
    wizard.next()

    # Site card key: generated.
    key_form = wizard.site_key_page.form
    assert key_form.choice() == "generate" and key_form.key()
    key = key_form.key()
    wizard.grab().save(str(shots / "5-site-key.png"))
    wizard.next()
    assert not store.path.exists()  # nothing saved before Finish
    assert secrets.get("cloud.auth_token") is None
    summary = wizard.summary_page.summary.text()
    assert sims["encoder"]["url"] in summary and "Lobby" in summary
    wizard.grab().save(str(shots / "6-summary.png"))
    wizard.accept()  # Finish

    # Saved by the assistant: the file without secrets, the secrets in the keyring.
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["encoder_url"] == sims["encoder"]["url"]
    assert [r["name"] for r in saved["readers"]] == ["Lobby"]
    text = store.path.read_text(encoding="utf-8")
    for secret in (demo.DEMO_AUTH_TOKEN, demo.DEMO_OPERATOR_PASSWORD, READER_PASSWORD, key):
        assert secret not in text
    assert secrets.get("reader:Lobby") == READER_PASSWORD
    assert secrets.get("encoder.site_key") == key

    # A card issued on the encoder — the window was never restarted.
    cards = front_tab(session, "EncoderPanel")
    qtbot.waitUntil(lambda: cards.built is not None and cards.currentWidget() is cards.built,
                    timeout=5000)
    panel = cards.built
    qtbot.waitUntil(lambda: panel.service.state.value == "connected", timeout=15000)
    panel.rooms.setText("101")
    panel.issue()
    qtbot.waitUntil(lambda: "Card issued for room 101" in panel.result.title.text(),
                    timeout=20000)
    session.window.grab().save(str(shots / "7-card-issued.png"))

    # The rooms listed from the cloud.
    rooms_gate = front_tab(session, "RoomsPanel")
    qtbot.waitUntil(lambda: rooms_gate.built is not None, timeout=5000)
    rooms = rooms_gate.built
    qtbot.waitUntil(lambda: "rooms loaded" in rooms.message.label.text()
                    or rooms.model.rowCount() > 0, timeout=15000)
    qtbot.waitUntil(lambda: rooms.proxy.rowCount() > 0, timeout=15000)

    # The reader's events on the Monitor.
    monitor = session.window.show_page("monitor")
    monitor.banner._beep = lambda: None

    def lobby_rows() -> int:
        model = monitor.table.model
        return sum(1 for r in range(model.rowCount()) if model.text_at(r).reader == "Lobby")

    qtbot.waitUntil(lambda: lobby_rows() > 0, timeout=20000)
    assert not monitor.setup_hint.isVisible()
    session.window.grab().save(str(shots / "8-monitor.png"))


def test_skipped_steps_and_cancel_save_nothing(fresh, qtbot):
    session, store, secrets = fresh
    wizard = session.window.run_setup_assistant()
    wizard.next()
    picker = wizard.encoder_page.picker
    picker.port.setCurrentIndex(picker.port.findData("other"))
    picker.address.setText("socket://127.0.0.1:9")  # nothing listens: the test explains
    picker.test()
    qtbot.waitUntil(lambda: picker.result.explain.isVisible(), timeout=15000)
    assert "✖" in picker.result.label.text()
    wizard.skip_step()  # the encoder: later
    assert wizard.currentPage() is wizard.cloud_page
    wizard.skip_step()
    wizard.skip_step()
    wizard.skip_step()
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.summary.text().count("skipped") == 4
    wizard.reject()  # Cancel
    assert not store.path.exists() and secrets.get("encoder.site_key") is None

    wizard = session.window.run_setup_assistant()
    wizard.next()
    wizard.encoder_page.picker.address.setText("socket://127.0.0.1:9")
    wizard.skip_step()
    for _ in range(3):
        wizard.skip_step()
    wizard.accept()  # Finish with everything skipped: the file, but no device settings
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["encoder_url"] == "" and saved["readers"] == []
    assert secrets.get("encoder.site_key") is None


def test_a_desk_already_set_up_opens_without_it_and_help_runs_it_again(qtbot):
    store = SettingsStore()
    store.save(store.load())  # a settings file: not a first start
    session = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    try:
        assert not session.first_run
        assert open_window(session)
        assert session.window.isVisible() and session.window._assistant is None
        action = session.window.findChild(QAction, "run_setup_assistant")
        assert action is not None and action in session.window.menuBar().actions()[-1].menu(
        ).actions()  # in the Help menu
        action.trigger()
        wizard = session.window.assistant.wizard
        assert wizard is not None
        qtbot.waitUntil(wizard.isVisible)
        wizard.reject()
        assert session.window.assistant.wizard is None
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_language_chosen_in_the_assistant_is_the_windows_after_finish(fresh, qtbot):
    from app.i18n import set_preferred_language
    from ui import translations

    session, store, _secrets = fresh
    first = session.window
    try:
        wizard = first.run_setup_assistant()
        language = wizard.language_page.language
        language.setCurrentIndex(language.findData("pt-BR"))  # reopens it in Portuguese
        wizard = first.assistant.wizard
        assert wizard is not None and wizard.button(SKIP).text() == "Pular este passo"
        wizard.next()
        for _ in range(4):
            wizard.skip_step()
        wizard.accept()  # Finish
        assert json.loads(store.path.read_text(encoding="utf-8"))["language"] == "pt-BR"
        window = session.window
        assert window is not first and first.retired and window.isVisible()
        assert window.nav.item(0).text() == "Recepção"
    finally:
        translations.install("en")
        set_preferred_language("system")
