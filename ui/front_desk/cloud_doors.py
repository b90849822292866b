"""Door log & unlock: who opened a room's door (from the cloud), and remote unlock
through the room's gateway after an explicit confirmation."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.cloud.models import DoorRecord, LogQuery
from app.cloud.timezones import to_pc_local
from app.domain.errors import KeyDeskError
from ui.context import UiContext
from ui.front_desk.cloud_common import RoomFormPanel, button, with_calendar

HEADERS = ["Opened at (this PC's time)", "Key", "How", "Holder"]


class DoorLogPanel(RoomFormPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        today = QDate.currentDate()
        self.date_from = with_calendar(QDateEdit(today.addDays(-7)), "yyyy-MM-dd")
        self.date_to = with_calendar(QDateEdit(today), "yyyy-MM-dd")
        self.kind = QComboBox()
        for label, value in (("All", 0), ("Real-time", 1), ("Collected", 2)):
            self.kind.addItem(label, value)
        self.load_button = button("Show door log", self.load_log)
        self.unlock_button = button("Open door remotely…", self.unlock)

        top = QHBoxLayout()
        top.addWidget(QLabel("Room"))
        top.addWidget(self.room, 1)
        top.addWidget(QLabel("from"))
        top.addWidget(self.date_from)
        top.addWidget(QLabel("to"))
        top.addWidget(self.date_to)
        top.addWidget(self.kind)
        top.addWidget(self.load_button)
        top.addWidget(self.unlock_button)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def load_log(self) -> None:
        start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
        if end < start or end - start > timedelta(days=31):
            self.failed(KeyDeskError("cloud_api", "5100",
                                     "the period must run forwards and span at most 31 days"))
            return
        self.run(lambda d: d.door_log(LogQuery(self.room.ref(), start, end,
                                               int(self.kind.currentData()))),
                 self._show, busy=[self.load_button])

    def _show(self, records: list[DoorRecord]) -> None:
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            when = to_pc_local(r.time).strftime("%Y-%m-%d %H:%M:%S") if r.time else "?"
            for col, text in enumerate((when, r.card_type_name, r.open_way, r.holder)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.message.info(f"{len(records)} door openings." if records
                          else "No door openings in that period.")

    def confirm_unlock(self, label: str) -> bool:
        """Ask before opening a door (tests replace this)."""
        answer = QMessageBox.question(
            self, "Open door remotely",
            f"Open the door of room {label} now, through its gateway?\n"
            "Anyone at the door can walk in.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def unlock(self) -> None:
        room = self.room.room()
        if room is None:
            self.failed(KeyDeskError("cloud_api", "5215", "pick a room from the list"))
            return
        if not self.confirm_unlock(room.ref.label()):
            self.message.info("Remote unlock cancelled.")
            return
        self.run(lambda d: d.unlock(room),
                 lambda _r: self.message.info(f"Door of room {room.ref.label()} opened."),
                 busy=[self.unlock_button])
