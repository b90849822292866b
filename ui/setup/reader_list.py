"""The desk's access readers as an editable list: Add, Edit, Remove and Test, each
reader's password typed here and kept in the keyring on save (never in the file).

Used by the first-run assistant's readers step and by Settings → Readers. Nothing is
saved here: :meth:`entries` gives the list as it stands for the save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.access.monitor import secret_name
from app.settings import SecretStoreUnavailable, Settings
from app.setup.plan import ReaderEntry
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.setup.reader_dialog import ReaderDialog, check_words, credential_key, remember_refusal
from ui.widgets.outcome_line import OutcomeLine


class ReaderList(QWidget):
    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.readers: list[ReaderEntry] = []
        self.tested: dict[str, str] = {}  # reader name -> what its last Test said
        self.refused: set[str] = set()  # credentials a reader refused (see ReaderDialog)
        self.dialog: ReaderDialog | None = None  # the open add/edit dialog

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("reader_table")
        self.table.setAccessibleName(self.tr("Access readers"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Address"),
                                              self.tr("User"), self.tr("Last test")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 220, 80)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("reader_add")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("reader_list_test")
        self.test_button.setToolTip(self.tr("Ask the chosen reader who it is and what time "
                                            "its clock shows"))
        self.test_button.clicked.connect(self.test)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("reader_list_result")
        self.result.label.setTextFormat(Qt.TextFormat.PlainText)
        self.jobs = JobRunner(ctx, self.result, busy=[self.test_button])
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self._selection_changed()

    def load(self, settings: Settings) -> None:
        self.readers = [ReaderEntry(r) for r in settings.readers]
        self._show()

    def entries(self) -> list[ReaderEntry]:
        return list(self.readers)

    def _stored(self, name: str) -> str:
        try:
            return self.ctx.secrets.get(secret_name(name)) or ""
        except SecretStoreUnavailable:
            return ""

    def _show(self) -> None:
        self.table.setRowCount(len(self.readers))
        for row, entry in enumerate(self.readers):
            values = (entry.config.name, entry.config.url, entry.config.user,
                      self.tested.get(entry.config.name, "—"))
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self._selection_changed()

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        chosen = self._selected() is not None
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(chosen)

    # -- add / edit / remove -----------------------------------------------------------
    def add(self) -> ReaderDialog:
        taken = {r.config.name for r in self.readers}
        return self._open(ReaderDialog(self.ctx, self.refused, taken, parent=self), None)

    def edit(self) -> ReaderDialog | None:
        row = self._selected()
        if row is None:
            return None
        entry = self.readers[row]
        taken = {r.config.name for i, r in enumerate(self.readers) if i != row}
        stored = self._stored(entry.config.name)
        return self._open(ReaderDialog(self.ctx, self.refused, taken, entry, stored, self), row)

    def _open(self, dialog: ReaderDialog, row: int | None) -> ReaderDialog:
        """Window-modal, answered through its signals (nothing here waits)."""
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            if result == ReaderDialog.DialogCode.Accepted.value:
                entry = dialog.entry()
                if row is None:
                    self.readers.append(entry)
                else:
                    old = self.readers[row]
                    if not entry.password:  # kept: typed before, or the keyring's under
                        # the old name (a renamed reader takes its password along)
                        entry.password = old.password or (
                            self._stored(old.config.name)
                            if old.config.name != entry.config.name else "")
                    self.readers[row] = entry
                if dialog.check is not None:
                    self.tested[entry.config.name] = dialog.outcome.label.text()
                self._show()
                self.changed.emit()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def test(self) -> None:
        """Test the chosen reader with its typed password, else the keyring's."""
        from app.setup.reader_check import ReaderCheck, check_reader

        row = self._selected()
        if row is None:
            return
        config = self.readers[row].config
        password = self.readers[row].password or self._stored(config.name)
        key = credential_key(config.url, config.user, password)
        if not password:
            self.result.info(self.tr("{name} has no password yet: Edit… and type it.").format(
                name=config.name))
            return
        if key in self.refused:
            self.result.info(self.tr("{name} refused this password a moment ago: Edit… and "
                                     "type the right one first (wrong tries lead to a "
                                     "lock-out).").format(name=config.name))
            return

        def ok(check: ReaderCheck) -> str:
            text = check_words(self, check)
            self.tested[config.name] = text
            self._show()
            return f"{config.name}: {text}"

        self.jobs.run(lambda: self.ctx.runtime.loop.submit(remember_refusal(
            check_reader(config.url, config.user, password), self.refused, key)),
            self.tr("Asking {name}…").format(name=config.name), ok)

    def shutdown(self) -> None:
        self.jobs.close()

    def remove(self) -> None:
        row = self._selected()
        if row is None:
            return
        gone = self.readers.pop(row)
        self.tested.pop(gone.config.name, None)
        self._show()
        self.changed.emit()
