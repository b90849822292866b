"""Issue 11 in the Cards tab: a form mistake is said beside its field (in the form's words,
never a CLI flag or a bug box), what cannot be taken back is asked first, Duplicate can be
practised on the demo's card tray, and the result box reads in one language, step by step."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtGui import QTextDocument

from app.domain.errors import KeyDeskError
from app.domain.events import ConnectionState
from app.i18n import set_preferred_language
from ui.widgets.result_view import ResultView


def _panel(session):
    page = session.window.pages["front_desk"]
    return next(p for p in page.panels if type(p).__name__ == "EncoderPanel")


def shown_text(label) -> str:
    """What a person reads in a rich-text label (entities decoded, tags gone)."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


@pytest.fixture
def panel(session, qtbot):
    panel = _panel(session)
    qtbot.waitUntil(lambda: panel.service.state == ConnectionState.CONNECTED, timeout=5000)
    qtbot.waitUntil(lambda: panel.service.card is not None, timeout=5000)
    qtbot.waitUntil(lambda: panel.room_names is not None, timeout=10000)  # the demo's cloud
    return panel


def set_stay(panel, start: datetime, end: datetime) -> None:
    panel.valid_from.setDateTime(QDateTime(start))
    panel.valid_to.setDateTime(QDateTime(end))


def tomorrow() -> tuple[datetime, datetime]:
    start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)
    return start, start + timedelta(days=2)


def test_a_bad_room_is_said_beside_the_field_and_no_job_starts(panel):
    panel.rooms.setText("room nine!")
    panel.issue()
    assert not panel.jobs.running
    assert panel.rooms_note.isVisible()
    note = panel.rooms_note.text()
    assert "room nine!" in note and "1 to 8" in note and "101" in note, note
    assert "Check the form" in shown_text(panel.result.title)
    body = shown_text(panel.result.body)
    assert "&#x27;" not in body and "LayoutError" not in body and "Unexpected" not in body
    panel.rooms.setText("101")
    panel.rooms.textEdited.emit("101")
    assert not panel.rooms_note.isVisible()  # corrected: the note goes


def test_a_stay_that_has_ended_names_the_forms_field_not_a_cli_flag(panel, qtbot):
    set_stay(panel, *tomorrow())
    panel.rooms.setText("101")
    panel.issue()  # a good issue first: the bar reaches 100 %
    qtbot.waitUntil(lambda: "Card issued" in panel.result.title.text(), timeout=10000)
    assert panel.progress.value() == 100
    past = datetime.now().replace(second=0, microsecond=0) - timedelta(days=3)
    set_stay(panel, past, past + timedelta(days=1))
    panel.issue()
    assert not panel.jobs.running
    note = panel.stay_note.text()
    assert panel.stay_note.isVisible() and "Valid to" in note and "passed" in note, note
    assert "--to" not in note and "--from" not in note
    assert panel.progress.value() != 100  # a form error does not leave the last job's 100 %
    set_stay(panel, past + timedelta(days=2), past)  # backwards
    panel.issue()
    assert "must be after Valid from" in panel.stay_note.text()


def test_a_stay_more_than_a_year_ahead_is_asked_first(panel, qtbot):
    start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=400)
    set_stay(panel, start, start + timedelta(days=2))
    panel.rooms.setText("101")
    panel.issue()
    box = panel.question
    assert box is not None and box.isVisible() and not panel.jobs.running
    assert "more than a year" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert not panel.jobs.running  # cancelled: nothing written
    panel.issue()
    panel.question.yes_button.click()
    qtbot.waitUntil(lambda: "Card issued for room 101" in panel.result.title.text(),
                    timeout=10000)


def test_a_room_the_directory_does_not_know_is_asked_first(panel, qtbot):
    set_stay(panel, *tomorrow())
    panel.rooms.setText("999")
    panel.issue()
    box = panel.question
    assert box is not None and "999" in box.text() and "room directory" in box.text()
    assert not panel.jobs.running
    box.button(box.StandardButton.Cancel).click()
    assert not panel.jobs.running
    panel.issue()
    panel.question.yes_button.click()
    qtbot.waitUntil(lambda: "Card issued for room 999" in panel.result.title.text(),
                    timeout=10000)


def test_wipe_asks_first(panel, qtbot):
    set_stay(panel, *tomorrow())
    panel.rooms.setText("101")
    panel.issue()
    qtbot.waitUntil(lambda: "Card issued" in panel.result.title.text(), timeout=10000)
    panel.wipe()
    box = panel.question
    assert box is not None and panel.service.card.uid_hex in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert panel.service.read(full=False).result(10).decoded.valid  # untouched
    panel.wipe()
    panel.question.yes_button.click()
    qtbot.waitUntil(lambda: "Card wiped" in panel.result.title.text(), timeout=10000)
    assert not panel.service.read(full=False).result(10).decoded.valid


def test_duplicate_is_practised_on_the_demo_card_tray(session, panel, qtbot):
    sim = session.demo.encoder
    tray = panel.tray
    assert tray is not None and tray.isVisible()
    assert not tray.back_button.isEnabled()  # nothing in the tray yet
    set_stay(panel, *tomorrow())
    panel.rooms.setText("201")
    panel.issue()
    qtbot.waitUntil(lambda: "Card issued" in panel.result.title.text(), timeout=10000)
    source = sim.card.uid.hex().upper()

    panel.duplicate()
    qtbot.waitUntil(lambda: panel.duplicate_button.text() == "Write duplicate", timeout=10000)
    assert "card tray" in shown_text(panel.result.body)
    panel.duplicate()  # still the card being copied
    qtbot.waitUntil(lambda: "being copied" in shown_text(panel.result.title), timeout=10000)
    title, body = shown_text(panel.result.title), shown_text(panel.result.body)
    assert title == "This is the card being copied", title
    assert "5311" not in title and "bank" not in body and "new" in body

    tray.put_blank()
    assert tray.back_button.isEnabled() and source in sim.tray[0].uid.hex().upper()
    qtbot.waitUntil(lambda: sim.card.uid.hex().upper() in panel.card_label.text(),
                    timeout=5000)
    panel.duplicate()
    qtbot.waitUntil(lambda: "Duplicate written" in panel.result.title.text(), timeout=10000)
    tray.put_back_first()
    assert sim.card.uid.hex().upper() == source
    qtbot.waitUntil(lambda: source in panel.card_label.text(), timeout=5000)
    tray.take_away()
    assert sim.card is None and not tray.take_button.isEnabled()


def test_the_result_box_has_one_step_per_line_and_speaks_one_language(qtbot):
    view = ResultView(lambda *_a: None)
    qtbot.addWidget(view)
    err = KeyDeskError("encoder", "5310", "port COM3 busy", state="card unchanged")
    try:
        set_preferred_language("pt-BR")
        view.failure(err)
        body = view.body.text()
        assert "O cartão:" in body and "Detalhe para o suporte:" in body
        assert "Card:" not in body and "Detail:" not in body
    finally:
        set_preferred_language("en")
    view.failure(err)
    body = view.body.text()
    assert "<br>2. " in body and "<br>3. " in body, body  # each numbered step on its line
    assert "1. Check the encoder is plugged in" in shown_text(view.body)


def test_a_failure_line_speaks_the_explanations_language(session, qtbot):
    """The one-line outcomes (Monitor actions, Lobby access, cloud panels) too: no English
    "Error"/"Detail:"/"Card/device state" around a Portuguese explanation."""
    from ui.widgets.outcome_line import OutcomeLine

    line = OutcomeLine(session.ctx)
    qtbot.addWidget(line)
    err = KeyDeskError("encoder", "5310", "COM3 busy", state="card unchanged")
    try:
        set_preferred_language("pt-BR")
        line.failed(err)
    finally:
        set_preferred_language("en")
    text = line.label.text()
    assert "Não foi possível conectar ao codificador (5310)" in text
    assert "O cartão: card unchanged" in text and "Detalhe para o suporte: COM3 busy" in text
    for english in ("Error ", "Detail:", "Card/device state"):
        assert english not in text, text


def test_what_the_card_holds_is_said_in_the_desks_language(qtbot):
    """The card state itself was English ("O cartão: card unchanged: nothing was written")
    inside a Portuguese box; and a cancelled issue said "issue cancelled; not issued: …"."""
    from app.devices.encoder import words
    from app.devices.encoder.errors import encoder_error
    from app.runtime import JobCancelled
    from ui.jobs import JobRunner

    view = ResultView(lambda *_a: None)
    qtbot.addWidget(view)
    err = encoder_error("5310", "port COM3 busy")
    assert err.state == "card unchanged: nothing was written"  # JSON and the log: English
    stopped = JobCancelled(words.state("issue_cancelled",
                                       state=words.state("partial", written=2, blocks=4)))
    assert str(stopped).startswith("issue cancelled; not issued: 2 of 4 blocks written")

    class Bridge:
        def watch(self, future, ok, failed, on_cancel=None):
            failed(stopped)

    runner = JobRunner(SimpleNamespace(bridge=Bridge(), report_error=None), view)
    try:
        set_preferred_language("pt-BR")
        view.failure(err)
        assert "O cartão:</b> cartão sem alteração: nada foi gravado" in view.body.text()
        runner.run(lambda: object(), "Gravando", lambda _r: None)
        said = shown_text(view.body)
        assert said.startswith("emissão cancelada; não emitido: 2 de 4 blocos gravados"), said
    finally:
        set_preferred_language("en")
