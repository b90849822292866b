"""Door log & unlock: who opened a room's door (from the cloud), and remote unlock
through the room's gateway after an explicit confirmation."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
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
from ui import formats
from ui.context import UiContext
from ui.front_desk.cloud_common import RoomFormPanel, button, with_calendar

# Column headers, translated when shown (context DoorLogPanel).
HEADERS = [QT_TRANSLATE_NOOP("DoorLogPanel", "Opened at (this PC's time)"),
           QT_TRANSLATE_NOOP("DoorLogPanel", "Key"), QT_TRANSLATE_NOOP("DoorLogPanel", "How"),
           QT_TRANSLATE_NOOP("DoorLogPanel", "Holder")]


class DoorLogPanel(RoomFormPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        today = QDate.currentDate()
        self.date_from = with_calendar(QDateEdit(today.addDays(-7)), formats.date_format())
        self.date_to = with_calendar(QDateEdit(today), formats.date_format())
        self.kind = QComboBox()
        for label, value in ((QT_TRANSLATE_NOOP("DoorLogPanel", "All"), 0),
                             (QT_TRANSLATE_NOOP("DoorLogPanel", "Real-time"), 1),
                             (QT_TRANSLATE_NOOP("DoorLogPanel", "Collected"), 2)):
            self.kind.addItem(QCoreApplication.translate("DoorLogPanel", label), value)
        self.load_button = button(self.tr("Show door log"), self.load_log)
        self.unlock_button = button(self.tr("Open door remotely…"), self.unlock)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Room")))
        top.addWidget(self.room, 1)
        top.addWidget(QLabel(self.tr("from")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(self.kind)
        top.addWidget(self.load_button)
        top.addWidget(self.unlock_button)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("DoorLogPanel", h) for h in HEADERS])
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
                                     self.tr("the period must run forwards and span at most "
                                             "31 days")))
            return
        self.run(lambda d: d.door_log(LogQuery(self.room.ref(), start, end,
                                               int(self.kind.currentData()))),
                 self._show, busy=[self.load_button])

    def _show(self, records: list[DoorRecord]) -> None:
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            when = formats.when(to_pc_local(r.time), seconds=True) if r.time else "?"
            for col, text in enumerate((when, r.card_type_name, r.open_way, r.holder)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.message.info(self.tr("{n} door openings.").format(n=len(records)) if records
                          else self.tr("No door openings in that period."))

    def confirm_unlock(self, label: str) -> bool:
        """Ask before opening a door (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Open door remotely"),
            self.tr("Open the door of room {room} now, through its gateway?\n"
                    "Anyone at the door can walk in.").format(room=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def unlock(self) -> None:
        room = self.room.room()
        if room is None:
            self.failed(KeyDeskError("cloud_api", "5215", self.tr("pick a room from the list")))
            return
        if not self.confirm_unlock(room.ref.label()):
            self.message.info(self.tr("Remote unlock cancelled."))
            return
        self.run(lambda d: d.unlock(room),
                 lambda _r: self.message.info(
                     self.tr("Door of room {room} opened.").format(room=room.ref.label())),
                 busy=[self.unlock_button])
