"""What the lock-cloud panels share: the desk service, running a flow, explaining failures,
and a room picker filled from the community's directory."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, QTimeZone
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QPushButton,
    QWidget,
)

from app.cloud import room_names
from app.cloud.config import DEFAULT_TIMEZONE
from app.cloud.desk import CloudDesk
from app.cloud.models import Building, Room, RoomRef
from app.cloud.timezones import zone
from app.domain.errors import KeyDeskError
from app.inputs import InputError
from app.settings import Settings
from ui import formats
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.outcome_line import OutcomeLine

if TYPE_CHECKING:
    from app.store.backend import AuditBackend

log = logging.getLogger(__name__)
EditT = TypeVar("EditT", bound=QDateTimeEdit)


def button(text: str, slot: Callable[[], None], tooltip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tooltip:
        b.setToolTip(tooltip)
    return b


def with_calendar(edit: EditT, display_format: str) -> EditT:
    """A date(/time) edit with a calendar drop-down, shown in ``display_format``."""
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    return edit


def settings_zone(settings: Settings) -> ZoneInfo:
    """The community's zone from Settings; KeyDeskError when the name is unknown."""
    return zone(settings.cloud_timezone or DEFAULT_TIMEZONE)


def settings_zone_or_default(settings: Settings) -> ZoneInfo:
    """For filling pickers before anything runs (a bad name is reported when used)."""
    try:
        return settings_zone(settings)
    except KeyDeskError:
        return zone(DEFAULT_TIMEZONE)


def community_edit(dt: datetime, tz: ZoneInfo) -> QDateTimeEdit:
    """A date-time edit showing ``dt`` on the community's clock (where the locks are), not
    the PC's. It holds those wall-clock digits in UTC, so the PC's own zone (and its
    daylight-saving gaps) never shifts them."""
    edit = with_calendar(QDateTimeEdit(), formats.datetime_format())
    edit.setTimeZone(QTimeZone.utc())
    set_community_time(edit, dt, tz)
    return edit


def set_community_time(edit: QDateTimeEdit, dt: datetime, tz: ZoneInfo) -> None:
    w = dt.astimezone(tz)
    edit.setDateTime(QDateTime(QDate(w.year, w.month, w.day), QTime(w.hour, w.minute),
                               QTimeZone.utc()))


def community_time(edit: QDateTimeEdit, tz: ZoneInfo) -> datetime:
    """The edit's wall-clock digits as a time in the community's zone."""
    d, t = edit.dateTime().date(), edit.dateTime().time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=tz)


class MessageLine(OutcomeLine):
    """A cloud panel's result line: ``info`` reports a success, ``error`` a failure
    explained through the catalog with "Explain…" (the shared OutcomeLine widget)."""

    def info(self, text: str) -> None:
        self._set(text, "color: #1b5e20;", None)

    def working(self, text: str) -> None:
        self._set(text, "", None)

    def cancelled(self, text: str) -> None:
        self._set(text, "", None)

    def error(self, exc: BaseException) -> None:
        self.failed(exc)


class CloudPanel(QWidget):
    """Base of the cloud panels: builds the desk service from Settings, runs flows on the
    asyncio loop thread and shows their outcome without blocking the window."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.message = MessageLine(ctx)
        self.jobs = JobRunner(ctx, self.message)
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self.first_shown()

    def first_shown(self) -> None:
        """Load what the panel shows. Not at start-up: the cloud is asked only once the
        desk opens the tab."""

    def audit(self) -> AuditBackend:
        return self.ctx.services.audit

    def desk(self) -> CloudDesk:
        return self.ctx.services.cloud()

    def run(self, make: Callable[[CloudDesk], Coroutine[Any, Any, Any]],
            on_ok: Callable[[Any], None], busy: list[QWidget] | None = None) -> None:
        """Start ``make(desk)`` on the loop thread; ``on_ok`` runs on the Qt thread."""
        self.jobs.run(lambda: self.ctx.runtime.loop.submit(make(self.desk())),
                      self.tr("Working…"), on_ok, busy=busy or [])

    def failed(self, exc: BaseException) -> None:
        """A failure found before anything was sent (e.g. a malformed form field)."""
        self.message.failed(exc)
        if not isinstance(exc, KeyDeskError):  # a bug: logged with its trace, shown once
            self.ctx.report_error(exc)


class RoomFormPanel(CloudPanel):
    """A cloud panel that works on one room, picked from the community's directory."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.room = RoomPicker()

    def first_shown(self) -> None:
        load_rooms_into(self, self.room)


class RoomPicker(QComboBox):
    """An editable list of the community's rooms ("001-01-0101 · 101 · QRALOCK")."""

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setMinimumContentsLength(28)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("BUILDING-FLOOR-ROOM, e.g. 001-01-0101"))
        self.rooms: dict[str, Room] = {}

    def load(self, buildings: list[Building]) -> None:
        current = self.currentText()
        self.clear()
        self.rooms = {}
        for b in buildings:
            for r in b.all_rooms():
                self.rooms[r.ref.label()] = r
                self.addItem(f"{r.ref.label()} · {r.name} · {r.lock_type}", r.ref.label())
        if current:
            self.setEditText(current)

    def label(self) -> str:
        return self.currentText().split("·")[0].strip()

    def ref(self) -> RoomRef:
        """The room as typed or picked: BUILDING-FLOOR-ROOM as written, or a room's name
        (``101``) found in the loaded directory; InputError (said as the clerk's to
        correct, nothing sent) when it names no room, as ``keydesk cloud rooms`` does."""
        ref = room_names.as_reference(self.label())
        return ref if ref is not None else self.pick().ref

    def pick(self) -> Room:
        """The directory's room typed or picked (InputError when none or several fit)."""
        return room_names.find(self.rooms.values(), self.label())

    def room(self) -> Room | None:
        try:
            return self.pick()
        except InputError:
            return None


def load_rooms_into(panel: CloudPanel, picker: RoomPicker,
                    then: Callable[[list[Building]], None] | None = None) -> None:
    def ok(buildings: list[Building]) -> None:
        picker.load(buildings)
        panel.message.info(QCoreApplication.translate("CloudPanel", "{n} rooms loaded.").format(
            n=len(picker.rooms)))
        if then is not None:
            then(buildings)

    panel.run(lambda d: d.rooms(), ok)
