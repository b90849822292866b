"""Door log & unlock: who opened a room's door (from the cloud), and remote unlock
through the room's gateway after an explicit confirmation.

The cloud filters door logs by the community's dates, so the period's dates (and the
times shown) are the community's, and the panel says which zone that is: a desk in
another zone would otherwise miss "today's" openings every evening.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate
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

from app.cloud.config import MAX_LOG_SPAN_DAYS
from app.cloud.models import DoorRecord, LogQuery
from app.cloud.timezones import community_today, zone_label
from app.cloud.words import card_type_word
from app.domain.errors import KeyDeskError
from app.inputs import InputError, StayFields, check_period
from ui import formats
from ui.context import UiContext
from ui.front_desk.cloud_common import (
    RoomFormPanel,
    button,
    settings_zone,
    settings_zone_or_default,
    with_calendar,
)
from ui.qt_noop import QT_TRANSLATE_NOOP

DEFAULT_DAYS = 7  # the period shown unless the desk picks another


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class DoorLogPanel(RoomFormPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.date_from = with_calendar(QDateEdit(), formats.date_format())
        self.date_to = with_calendar(QDateEdit(), formats.date_format())
        self.zone_note = QLabel()
        self._default_period: tuple[date, date] | None = None
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
        self.table = QTableWidget(0, 4)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.zone_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._use_zone(self._zone_or_default())

    def _zone_or_default(self) -> ZoneInfo:
        return settings_zone_or_default(self.ctx.settings)

    def community_zone(self) -> ZoneInfo:
        """The community's zone from Settings (KeyDeskError when the name is unknown)."""
        return settings_zone(self.ctx.settings)

    def _use_zone(self, tz: ZoneInfo) -> None:
        """Name the zone, and move an untouched default period to the community's today
        (Settings may have changed, or the day turned while the window stayed open)."""
        self.zone_note.setText(self.tr("Dates and times are the community's: {zone}")
                               .format(zone=zone_label(tz)))
        self.table.setHorizontalHeaderLabels([
            self.tr("Opened at ({zone})").format(zone=tz.key), self.tr("Key"),
            self.tr("How"), self.tr("Holder")])
        period = (self.date_from.date().toPython(), self.date_to.date().toPython())
        if self._default_period is None or period == self._default_period:
            today = community_today(tz)
            self._default_period = (today - timedelta(days=DEFAULT_DAYS), today)
            self.date_from.setDate(_qdate(self._default_period[0]))
            self.date_to.setDate(_qdate(self._default_period[1]))

    def first_shown(self) -> None:
        self._use_zone(self._zone_or_default())
        super().first_shown()

    def load_log(self) -> None:
        try:
            tz = self.community_zone()
        except KeyDeskError as exc:
            self.failed(exc)
            return
        self._use_zone(tz)
        # toPython() gives a date (PySide6's stubs say object).
        start = cast(date, self.date_from.date().toPython())
        end = cast(date, self.date_to.date().toPython())
        try:  # the clerk's dates, checked here as the command line checks them
            fields = StayFields(start=f"“{self.tr('from')}”", end=f"“{self.tr('to')}”")
            check_period(start, end, fields, most_days=MAX_LOG_SPAN_DAYS)
        except InputError as exc:
            self.message.problem(exc)
            return
        self.run(lambda d: d.door_log(LogQuery(self.room.ref(), start, end,
                                               int(self.kind.currentData()))),
                 lambda records: self._show(records, tz), busy=[self.load_button])

    def _show(self, records: list[DoorRecord], tz: ZoneInfo) -> None:
        self.table.setRowCount(len(records))
        for row, r in enumerate(records):
            when = formats.when(r.time.astimezone(tz).replace(tzinfo=None), seconds=True) \
                if r.time else "?"
            kind = card_type_word(r.card_type)
            for col, text in enumerate((when, kind, r.open_way, r.holder)):
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
        try:
            room = self.room.pick()
        except InputError as exc:  # a room the directory does not have: nothing is sent
            self.message.problem(exc)
            return
        if not self.confirm_unlock(room.ref.label()):
            self.message.info(self.tr("Remote unlock cancelled."))
            return
        self.run(lambda d: d.unlock(room),
                 lambda _r: self.message.info(
                     self.tr("Door of room {room} opened.").format(room=room.ref.label())),
                 busy=[self.unlock_button])
