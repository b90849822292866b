"""The site plan: every door with its status and reason, filterable (failed / revisit)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from app.devices.locks.plan import PlanDoor

COLOURS = {"done": "#e6f6e6", "failed": "#fde2e2", "revisit": "#fff4d6"}


class PlanTable(QTableWidget):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Room"), self.tr("MAC"), self.tr("Status"),
                                        self.tr("Reason")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.doors: list[PlanDoor] = []

    def status_text(self, status: str) -> str:
        return {"todo": self.tr("to do"), "done": self.tr("done"), "failed": self.tr("failed"),
                "revisit": self.tr("revisit")}.get(status, status)

    def show_doors(self, doors: list[PlanDoor], reason_title) -> None:  # type: ignore[no-untyped-def]
        chosen = self.selected_room()
        self.doors = doors
        self.setRowCount(len(doors))
        for row, door in enumerate(doors):
            reason = reason_title(door.reason) if door.reason else ""
            for col, text in enumerate((door.room, door.mac, self.status_text(door.status),
                                        reason)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, door.room)
                if door.status in COLOURS:
                    item.setBackground(QColor(COLOURS[door.status]))
                self.setItem(row, col, item)
            if door.room == chosen:
                self.selectRow(row)

    def selected_room(self) -> str | None:
        items = self.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_room(self, room: str) -> None:
        for row, door in enumerate(self.doors):
            if door.room == room:
                self.selectRow(row)
                return
