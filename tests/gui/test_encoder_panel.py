"""The Cards panel on the demo encoder simulator: live card, issue, read, explained errors."""

from __future__ import annotations

from app.domain.events import ConnectionState


def _panel(session):
    page = session.window.pages["front_desk"]
    return next(p for p in page.panels if type(p).__name__ == "EncoderPanel")


def test_issue_read_and_explained_failure(session, qtbot):
    panel = _panel(session)
    sim = session.demo.simulators["encoder"]
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
    qtbot.waitUntil(lambda: "5311" in panel.result.title.text(), timeout=10000)
    assert "unchanged" in panel.result.body.text()
    panel.result.explain_button.click()
    assert shown == [("cloud_api", "5311")]


def test_invalid_form_is_explained_without_a_job(session, qtbot):
    panel = _panel(session)
    panel.rooms.setText("")
    panel.issue()
    assert "Check the form" in panel.result.title.text()
    assert panel.issue_button.isEnabled()
