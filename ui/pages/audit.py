"""The Audit page: who did what at the desk, filtered by operator, room, action, result
and time; the chain checked; rows exported to CSV.

For managers and admins (``audit.view``; exporting needs ``export``): anyone else sees
why not, and the refusal is itself audited. Queries, the chain check and the export run
on a worker thread, so a long trail never freezes the window.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog import explain_error
from app.domain.errors import KeyDeskError
from ui.audit.model import AuditTableModel
from ui.audit.words import ACTION_FILTERS, RESULT_FILTERS, filter_label
from ui.context import UiContext

LIMIT = 1000  # rows shown at most (newest first); the CSV export has them all
WORKER = "audit"


class AuditPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.audit = ctx.services.audit
        self.operators = ctx.services.operators
        outer = QVBoxLayout(self)

        self.notice = QLabel()
        self.notice.setObjectName("audit_notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.notice)

        self.body = QWidget()
        outer.addWidget(self.body, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QGridLayout()
        self.who = QComboBox()
        self.who.setObjectName("audit_operator")
        self.room = QLineEdit()
        self.room.setObjectName("audit_room")
        self.room.setPlaceholderText(self.tr("any room"))
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        for prefix, label in ACTION_FILTERS:
            self.action.addItem(filter_label(label), prefix)
        self.result = QComboBox()
        self.result.setObjectName("audit_result")
        for code, label in RESULT_FILTERS:
            self.result.addItem(filter_label(label), code)
        now = QDateTime.currentDateTime()
        self.use_since = QCheckBox(self.tr("From"))
        self.since = QDateTimeEdit(now.addDays(-7))
        self.use_until = QCheckBox(self.tr("Until"))
        self.until = QDateTimeEdit(now.addDays(1))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        self.use_until.toggled.connect(self.until.setEnabled)
        filters.addWidget(QLabel(self.tr("Operator")), 0, 0)
        filters.addWidget(self.who, 0, 1)
        filters.addWidget(QLabel(self.tr("Room")), 0, 2)
        filters.addWidget(self.room, 0, 3)
        filters.addWidget(QLabel(self.tr("Action")), 0, 4)
        filters.addWidget(self.action, 0, 5)
        filters.addWidget(QLabel(self.tr("Result")), 1, 0)
        filters.addWidget(self.result, 1, 1)
        filters.addWidget(self.use_since, 1, 2)
        filters.addWidget(self.since, 1, 3)
        filters.addWidget(self.use_until, 1, 4)
        filters.addWidget(self.until, 1, 5)
        filters.setColumnStretch(3, 1)
        layout.addLayout(filters)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.apply_button = QPushButton(self.tr("Show"))
        self.apply_button.setObjectName("audit_show")
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.verify_button.setObjectName("audit_verify")
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("audit_export")
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        for b in (self.apply_button, self.verify_button, self.export_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)

        self.apply_button.clicked.connect(self.refresh)
        self.room.returnPressed.connect(self.refresh)
        for combo in (self.who, self.action, self.result):
            combo.activated.connect(lambda _i: self.refresh())
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(lambda: self.export())

    # -- rights ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _allowed(self, right: str, what: str) -> bool:
        """True when the operator holds ``right``; else the page says why (and the
        refusal is in the trail)."""
        try:
            self.operators.require(right, what=what)
        except KeyDeskError as exc:
            info = explain_error(exc)
            self.notice.setText(f"<b>{info['title']}</b><br>{info['action']}")
            self.notice.show()
            if right == "audit.view":
                self.body.hide()
                self.model.set_rows([])
            return False
        self.notice.hide()
        self.body.show()
        return True

    # -- work on the worker thread --------------------------------------------------------
    def _run(self, fn: Any, on_result: Any, busy_text: str) -> None:
        self.status.setText(busy_text)
        future = self.ctx.runtime.device_thread(WORKER).submit(lambda _ctx: fn(), "audit")
        self.ctx.bridge.watch(future, on_result, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # the export's folder: read-only, full, gone
            self.status.setText("<b style='color:#b3261e'>" + self.tr(
                "Could not write the file: {reason}. Choose another folder."
            ).format(reason=exc.strerror or exc) + "</b>")
            return
        if isinstance(exc, KeyDeskError):
            info = explain_error(exc)
            self.status.setText(f"<b style='color:#b3261e'>{info['title']}</b>")
        else:
            self.status.setText(self.tr("Something unexpected went wrong; it is in the log."))
            self.ctx.report_error(exc)

    def filters(self) -> dict[str, Any]:
        def when(check: QCheckBox, edit: QDateTimeEdit) -> datetime | None:
            if not check.isChecked():
                return None
            # typed in this PC's time; toPython() gives a datetime (the stubs: object)
            return cast(datetime, edit.dateTime().toPython()).astimezone()

        return {"who": self.who.currentData() or None,
                "room": self.room.text().strip() or None,
                "what": self.action.currentData() or None,
                "result": self.result.currentData() or None,
                "since": when(self.use_since, self.since),
                "until": when(self.use_until, self.until)}

    def refresh(self) -> None:
        if not self._allowed("audit.view", "audit.view"):
            return
        filters = self.filters()
        audit = self.audit

        def read() -> tuple[list[Any], list[str], KeyDeskError | None]:
            try:
                return audit.query(limit=LIMIT, **filters), audit.distinct("who"), None
            except KeyDeskError as exc:
                if (exc.domain, exc.code) != ("site_store", "unreachable"):
                    raise
                # The site's trail cannot be read now: what this desk keeps can be.
                kept = audit.kept(LIMIT)
                return kept, sorted({e.who for e in kept}), exc

        self._run(read, self._show_rows, self.tr("Reading the audit trail…"))

    def _show_rows(self, result: tuple[list[Any], list[str], KeyDeskError | None]) -> None:
        rows, names, away = result
        self.model.set_rows(rows)
        chosen = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("everyone"), "")
        for name in names:
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(0, self.who.findData(chosen or "")))
        self.who.blockSignals(False)
        if away is not None:
            title = explain_error(away)["title"]
            self.status.setText(f"<b style='color:#b3261e'>{title}</b><br>" + self.tr(
                "Shown: the rows this desk keeps until the server is back (kept: {count}; "
                "not yet numbered nor sealed in the site's trail; the filters do not apply "
                "to them).").format(count=len(rows)))
            return
        text = self.tr("{count} rows, newest first.").format(count=len(rows))
        if len(rows) >= LIMIT:
            text += " " + self.tr("Only the newest {limit} are shown: narrow the filters, "
                                  "or export them all.").format(limit=LIMIT)
        self.status.setText(text)

    def verify(self) -> None:
        if not self._allowed("audit.view", "audit.verify"):
            return
        audit = self.audit

        def check() -> Any:
            verdict = audit.verify()
            audit.record("audit.verify", result="ok" if verdict.ok
                         else f"error audit {verdict.problem}", detail=verdict.to_dict())
            return verdict

        self._run(check, self._verified, self.tr("Checking every row's seal…"))

    def _verified(self, verdict: Any) -> None:
        if verdict.ok:
            self.status.setText("<b style='color:#1b7f3b'>" + self.tr(
                "The audit trail is intact: {count} rows, every link checked."
            ).format(count=verdict.checked) + "</b>")
            return
        info = explain_error(KeyDeskError("audit", verdict.problem or ""))
        where = (self.tr("First broken link: row {row}.").format(row=verdict.row)
                 if verdict.row else "")
        for i, entry in enumerate(self.model.rows):  # show it, when it is on the page
            if entry.id == verdict.row:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
        self.status.setText(f"<b style='color:#b3261e'>{info['title']}</b> {where}<br>"
                            f"{info['action']}")

    def export(self, path: str | None = None) -> None:
        if not self._allowed("export", "audit.export"):
            return
        if path is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"),
                                                  f"audit-{stamp}.csv", "CSV (*.csv)")
            if not path:
                return
        filters = self.filters()
        audit = self.audit
        target = path

        def write() -> int:
            count = audit.export_csv(target, **filters)
            shown = {k: str(v) for k, v in filters.items() if v is not None}
            audit.record("audit.export", target=target, detail={"rows": count, **shown})
            return count

        self._run(write, lambda n: self.status.setText(
            self.tr("{count} rows written to {path}.").format(count=n, path=target)),
            self.tr("Writing the CSV file…"))

