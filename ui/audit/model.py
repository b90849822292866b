"""The Audit page's table: rows newest first, times in this computer's zone."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.store.audit import AuditEntry
from ui import formats
from ui.audit.words import action_name, result_text, role_name, settings_named

Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditEntry] = []
        self.headers = [self.tr("#"), self.tr("Time"), self.tr("Operator"), self.tr("Action"),
                        self.tr("Card / key / device"), self.tr("Room"), self.tr("Result"),
                        self.tr("Details")]

    def set_rows(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(e, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (3, 6, 7):
            return {3: e.what, 6: e.result, 7: self.cell(e, 7)}[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 6 and not e.ok:
            return QColor("#b3261e") if not e.result.startswith("cancelled") else None
        return None

    def cell(self, e: AuditEntry, col: int) -> str:
        if col == 0:  # 0: kept on this desk, not yet numbered in the site's trail
            return str(e.id) if e.id else "—"
        if col == 1:
            return formats.when(e.at, seconds=True)
        if col == 2:
            return (f"{e.who} ({role_name(e.role)})" if e.role and e.role != "single"
                    else e.who)
        if col == 3:
            return action_name(e.what)
        if col == 4:
            return settings_named(e.target) if e.what == "settings.change" else e.target
        if col == 5:
            return e.room.replace(",", ", ")
        if col == 6:
            return result_text(e.result)
        return ", ".join(f"{k}: {v}" for k, v in e.detail.items())
