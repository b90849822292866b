"""The site plan: every door with its status and reason, filterable (failed / revisit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from app.devices.locks.plan import PlanDoor
from ui.locks.lock_table import LockTable

COLOURS = {"done": "#e6f6e6", "failed": "#fde2e2", "revisit": "#fff4d6"}


class PlanTable(LockTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(4, parent)
        self.setHorizontalHeaderLabels([self.tr("Room"), self.tr("MAC"), self.tr("Status"),
                                        self.tr("Reason")])
        self.doors: list[PlanDoor] = []

    def status_text(self, status: str) -> str:
        return {"todo": self.tr("to do"), "done": self.tr("done"), "failed": self.tr("failed"),
                "revisit": self.tr("revisit")}.get(status, status)

    def show_doors(self, doors: list[PlanDoor], reason_title: Callable[[str], str]) -> None:
        def colour(row: int, col: int, item: QTableWidgetItem) -> None:
            status = doors[row].status
            if status in COLOURS:
                item.setBackground(QColor(COLOURS[status]))

        self.doors = doors
        self.fill([(door.room, (door.room, door.mac, self.status_text(door.status),
                                reason_title(door.reason) if door.reason else ""))
                   for door in doors], colour)

    def selected_room(self) -> str | None:
        return self.selected_key()

    def select_room(self, room: str) -> None:
        for row, door in enumerate(self.doors):
            if door.room == room:
                self.selectRow(row)
                return
