"""What the Locks page's tables share: read-only rows of locks, one whole row selected at
a time, each cell keeping its row's key (a room or a MAC) so a refill keeps the choice."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

# How a table dresses a cell (row, column, item) before it is shown.
CellStyle = Callable[[int, int, QTableWidgetItem], None]


class LockTable(QTableWidget):
    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)

    def fill(self, rows: Sequence[tuple[str, Sequence[str]]],
             style: CellStyle | None = None) -> None:
        """Show ``rows`` (each: its key and its cells' texts) in order; the row whose key
        was selected is selected again."""
        chosen = self.selected_key()
        self.setRowCount(len(rows))
        for row, (key, cells) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if style is not None:
                    style(row, col, item)
                self.setItem(row, col, item)
            if key == chosen:
                self.selectRow(row)

    def selected_key(self) -> str | None:
        items = self.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None
