"""The site card key, explained, generated or typed.

What it is (the secret every card of this site is signed with), why every desk of the
site needs the same one, and why to back it up (a lost key means re-issuing every card
in use). Nothing is stored here: :meth:`key` is what the save puts in the keyring.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.settings import SecretStoreUnavailable
from app.setup.site_key import MIN_LENGTH, SITE_KEY_SECRET, check_site_key, new_site_key
from ui.context import UiContext

KEEP, GENERATE, ENTER = "keep", "generate", "enter"


class SiteKeyForm(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 first_run: bool = False) -> None:
        """``first_run``: without a stored key, offer to generate one (the assistant);
        otherwise leave it unset until the person chooses (Settings)."""
        super().__init__(parent)
        self.ctx = ctx
        self.first_run = first_run
        self.explain = QLabel(self.tr(
            "<p>The <b>site card key</b> is the secret every guest card of this hotel is "
            "signed with: a door opens only for cards signed with its site's key.</p>"
            "<p><b>Every desk of the site must use the same key.</b> On the first desk, "
            "generate one; on the others, type the key the first desk shows.</p>"
            "<p><b>Write it down and keep it safe</b> (a safe, a password manager). It is "
            "kept only in this PC's keyring: if the PC is replaced and the key is lost, "
            "every card in use must be issued again.</p>"))
        self.explain.setWordWrap(True)
        self.keep = QRadioButton()
        self.generate = QRadioButton(self.tr("Generate a new key (the first desk of this "
                                             "site)"))
        self.enter = QRadioButton(self.tr("Type the key the other desks use"))
        for button, name in ((self.keep, KEEP), (self.generate, GENERATE),
                             (self.enter, ENTER)):
            button.setObjectName(f"site_key_{name}")
        self.mode = QButtonGroup(self)
        for button in (self.keep, self.generate, self.enter):
            self.mode.addButton(button)
            button.toggled.connect(self._mode_changed)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("site_key")
        self.key_edit.setAccessibleName(self.tr("Site card key"))
        self.key_edit.setPlaceholderText(self.tr("at least {count} characters").format(
            count=MIN_LENGTH))
        self.key_edit.textChanged.connect(lambda _t: self._show_problem())
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the key to paste it into a password manager"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.key_edit.text()))
        self.problem = QLabel()
        self.problem.setObjectName("site_key_problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self._generated = ""

        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explain)
        for button in (self.keep, self.generate, self.enter):
            layout.addWidget(button)
        layout.addLayout(key_row)
        layout.addWidget(self.problem)
        self.load()

    def has_stored_key(self) -> bool:
        try:
            return bool(self.ctx.secrets.get(SITE_KEY_SECRET))
        except SecretStoreUnavailable:
            return False

    def load(self) -> None:
        stored = self.has_stored_key()
        self.keep.setText(self.tr("Keep the key this PC already has") if stored else
                          self.tr("Not now (cards cannot be issued until a key is set)"))
        self.keep.setVisible(stored or not self.first_run)
        (self.generate if self.first_run and not stored else self.keep).setChecked(True)
        self._mode_changed()

    def choice(self) -> str:
        for button, name in ((self.keep, KEEP), (self.generate, GENERATE),
                             (self.enter, ENTER)):
            if button.isChecked():
                return name
        return KEEP

    def _mode_changed(self, _checked: bool = True) -> None:
        mode = self.choice()
        if mode == GENERATE:
            self._generated = self._generated or new_site_key()
            self.key_edit.setText(self._generated)
        elif mode == ENTER and self.key_edit.text() == self._generated:
            self.key_edit.clear()
        self.key_edit.setReadOnly(mode == GENERATE)
        self.key_edit.setVisible(mode != KEEP)
        self.copy_button.setVisible(mode == GENERATE)
        self._show_problem()

    def problem_text(self) -> str | None:
        """Why the key cannot be used (None: it can, or the stored one is kept)."""
        if self.choice() == KEEP:
            return None
        found = check_site_key(self.key_edit.text())
        if found == "short":
            return self.tr("The key must have at least {count} characters.").format(
                count=MIN_LENGTH)
        if found == "spaces":
            return self.tr("The key starts or ends with a space: type it exactly.")
        return None

    def _show_problem(self) -> None:
        problem = self.problem_text() if self.key_edit.text() else None
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))

    def key(self) -> str | None:
        """The key to store, or None (keep the stored one)."""
        if self.choice() == KEEP or self.problem_text():
            return None
        return self.key_edit.text()
