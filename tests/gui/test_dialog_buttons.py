"""The form dialogs share their OK / Cancel row and their problem line
(``ui.widgets.dialog_buttons``, ``ui.widgets.field_note``): the buttons are named in the
desk's language and do what they say; the problem line is hidden until there is one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ui import translations
from ui.settings.operators import AccountDialog
from ui.widgets.dialog_buttons import CANCEL, OK, ok_cancel
from ui.widgets.field_note import FieldNote

NAMES = {"en": ("OK", "Cancel"), "pt-BR": ("OK", "Cancelar"), "zh-CN": ("确定", "取消")}


@pytest.fixture
def speaking():
    yield translations.install
    translations.install("en")


@pytest.mark.parametrize("lang", sorted(NAMES))
def test_ok_and_cancel_are_named_in_the_language(qtbot, speaking, lang):
    speaking(lang)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = ok_cancel(dialog)
    assert (buttons.button(OK).text(), buttons.button(CANCEL).text()) == NAMES[lang]


def test_ok_accepts_and_cancel_rejects(qtbot):
    for button, result in ((OK, QDialog.DialogCode.Accepted),
                           (CANCEL, QDialog.DialogCode.Rejected)):
        dialog = QDialog()
        qtbot.addWidget(dialog)
        buttons = ok_cancel(dialog)
        dialog.show()
        buttons.button(button).click()
        assert dialog.result() == result and not dialog.isVisible()


def test_the_account_dialog_says_its_problem_under_the_form(qtbot, speaking):
    speaking("pt-BR")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = AccountDialog(parent)
    dialog.show()
    assert isinstance(dialog.problem, FieldNote) and not dialog.problem.isVisible()
    dialog.accept()  # no name typed
    assert dialog.isVisible() and dialog.problem.isVisible() and dialog.problem.text()
    assert {"OK", "Cancelar"} <= {b.text() for b in dialog.findChildren(QPushButton)}
