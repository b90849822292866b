"""The Cards panel on the demo encoder simulator: live card, issue, read, explained errors."""

from __future__ import annotations

from app.domain.events import ConnectionState


def _panel(session):
    page = session.window.pages["front_desk"]
    return next(p for p in page.panels if type(p).__name__ == "EncoderPanel")


def test_issue_read_and_explained_failure(session, qtbot):
    panel = _panel(session)
    sim = session.demo.encoder
    qtbot.waitUntil(lambda: panel.service.state == ConnectionState.CONNECTED, timeout=5000)
    qtbot.waitUntil(lambda: sim.card.uid.hex().upper() in panel.card_label.text(), timeout=5000)

    panel.rooms.setText("101, 102")
    panel.issue()
    assert not panel.issue_button.isEnabled()  # the UI thread did not wait for the job
    qtbot.waitUntil(lambda: panel.issue_button.isEnabled(), timeout=10000)
    assert "Card issued for room 101, 102" in panel.result.title.text()

    sim.alter(5, 8)
    panel.read()
    qtbot.waitUntil(lambda: "Not a valid card" in panel.result.title.text(), timeout=10000)
    assert "altered" in panel.result.body.text()

    shown = []
    panel.ctx.show_explanation = lambda d, c: shown.append((d, c))
    panel.result._show_explanation = panel.ctx.show_explanation
    sim.place("desfire")
    panel.wipe()
    panel.question.yes_button.click()  # wiping is asked first
    qtbot.waitUntil(lambda: "5311" in panel.result.title.text(), timeout=10000)
    assert "unchanged" in panel.result.body.text()
    panel.result.explain_button.click()
    assert shown == [("encoder", "5311")]


def test_invalid_form_is_explained_without_a_job(session, qtbot):
    panel = _panel(session)
    panel.rooms.setText("")
    panel.issue()
    assert "Check the form" in panel.result.title.text()
    assert panel.issue_button.isEnabled()


def test_duplicate_writes_the_same_stay_with_the_next_number(session, qtbot):
    panel = _panel(session)
    sim = session.demo.encoder
    qtbot.waitUntil(lambda: panel.service.state == ConnectionState.CONNECTED, timeout=5000)
    source_uid = sim.card.uid.hex().upper()
    qtbot.waitUntil(lambda: "blank keys" in panel.card_label.text(), timeout=5000)
    panel.rooms.setText("201, 202")
    panel.kind.setCurrentText("staff")
    panel.sequence.setValue(7)
    panel.issue()
    qtbot.waitUntil(lambda: panel.issue_button.isEnabled(), timeout=10000)
    assert "Card issued for room 201, 202" in panel.result.title.text()
    source = panel.service.read(full=False).result(10).decoded.issuance

    panel.duplicate()  # 1st press: read the card to copy
    qtbot.waitUntil(lambda: panel.duplicate_button.text() == "Write duplicate", timeout=10000)
    assert "Now place the new card" in panel.result.title.text()

    panel.duplicate()  # 2nd press with the source still on the encoder: refused
    qtbot.waitUntil(lambda: "being copied" in panel.result.title.text(), timeout=10000)
    assert "put a new" in panel.result.body.text()
    assert panel.duplicate_button.text() == "Write duplicate"  # still ready to retry

    original = sim.remove()
    new = sim.place("classic-1k")
    qtbot.waitUntil(lambda: new.uid.hex().upper() in panel.card_label.text(), timeout=5000)
    panel.duplicate()
    qtbot.waitUntil(lambda: "Duplicate written" in panel.result.title.text(), timeout=10000)
    assert "keyed by this site" in panel.card_label.text()
    assert "number 8" in panel.result.body.text() and source_uid in panel.result.body.text()
    assert panel.duplicate_button.text() == "Duplicate…"

    panel.read()
    qtbot.waitUntil(lambda: "Valid card for room 201, 202" in panel.result.title.text(),
                    timeout=10000)  # fmt: skip
    assert f"Card {new.uid.hex().upper()}, number 8, staff" in panel.result.body.text()
    copy = panel.service.read(full=False).result(10).decoded.issuance
    assert (copy.rooms, copy.valid_from, copy.valid_to, copy.kind, copy.sequence) == (
        source.rooms, source.valid_from, source.valid_to, source.kind, source.sequence + 1)
    sim.place(original)
    assert panel.service.read(full=False).result(10).decoded.issuance.sequence == 7



def test_a_card_placed_before_the_tab_is_first_shown_is_on_it(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.application import KeyDeskSession

    session = KeyDeskSession(demo=True)  # not shown: the Cards tab is not built yet
    try:
        qtbot.addWidget(session.window)
        page = session.window.pages["front_desk"]
        gate = next(g for g in page.gates if g.objectName() == "tab_EncoderPanel")
        assert gate.built is None
        encoder = session.services.encoder
        qtbot.waitUntil(lambda: encoder.card is not None, timeout=5000)  # its event went by
        panel = _panel(session)  # built now, after the card was seen
        assert session.demo.encoder.card.uid.hex().upper() in panel.card_label.text()
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
