"""Per-device status: online, last heartbeat, clock drift, doors, last event — and, for
the readers the page monitors, the actions "Set clock" and "Open door…".

Fed from four places: ``DeviceStateChanged`` bus events (online/offline, any device
family), the reader monitor's status snapshots (heartbeat, drift — polled, they change
every few seconds), stored events (the last event time; ``DoorStatus`` for door states)
and the answers of the actions (``set_drift``, ``set_door``). The buttons only emit
signals; ``ui.monitor.device_actions`` does the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.access.api import drift_words
from app.access.stream import ReaderStatus
from app.domain.events import ConnectionState, DeviceStateChanged
from app.domain.stored import StoredEvent
from ui import formats
from ui.device_names import device_name
from ui.qt_noop import QT_TRANSLATE_NOOP

# Column headers, translated when shown (context DeviceStatusTable).
HEADERS = (QT_TRANSLATE_NOOP("DeviceStatusTable", "Device"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "State"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Last heartbeat"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Clock drift"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Doors"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Actions"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Last event"),
           QT_TRANSLATE_NOOP("DeviceStatusTable", "Note"))
ACTIONS = HEADERS.index("Actions")
STATES = {"connected": QT_TRANSLATE_NOOP("DeviceStatusTable", "● online"),
          "connecting": QT_TRANSLATE_NOOP("DeviceStatusTable", "… connecting"),
          "failed": QT_TRANSLATE_NOOP("DeviceStatusTable", "✖ failed"),
          "disconnected": QT_TRANSLATE_NOOP("DeviceStatusTable", "○ offline")}
DRIFT_WARN = 30.0  # seconds; beyond this access times and back-fill windows go wrong


@dataclass
class DeviceRow:
    name: str
    kind: str = ""
    state: str = ""
    heartbeat: datetime | None = None
    drift: float | None = None
    last_event: datetime | None = None
    note: str = ""
    doors: dict[int, str] = field(default_factory=dict)  # 0-based door -> "Open"/"Close"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceStatusTable", text)


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "—"
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("DeviceStatusTable", "{n} s ago").format(n=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("DeviceStatusTable", "{n} min ago").format(
            n=seconds // 60)
    return formats.when(when)


def drift_text(drift: float | None) -> str:
    if drift is None:
        return "—"
    text = drift_words(drift)
    warn = QCoreApplication.translate("DeviceStatusTable", " — set clock")
    return text + (warn if abs(drift) > DRIFT_WARN else "")


def drift_tip(drift: float | None) -> str:
    if drift is None or abs(drift) <= DRIFT_WARN:
        return ""
    return QCoreApplication.translate(
        "DeviceStatusTable", "The reader's clock is {drift} off this PC's: its events are "
        "shown on this PC's clock. Press Set clock to correct the reader.").format(
            drift=drift_words(drift))


def doors_text(doors: dict[int, str]) -> str:
    if not doors:
        return "—"
    words = {"open": QT_TRANSLATE_NOOP("DeviceStatusTable", "open"),
             "close": QT_TRANSLATE_NOOP("DeviceStatusTable", "closed"),
             "closed": QT_TRANSLATE_NOOP("DeviceStatusTable", "closed")}
    return ", ".join(f"{d + 1} {_tr(words[s.lower()]) if s.lower() in words else s}"
                     for d, s in sorted(doors.items()))


class ActionsCell(QWidget):
    """ "Set clock" and "Open door…" for one reader (buttons inside a table cell)."""

    def __init__(self, name: str, table: DeviceStatusTable) -> None:
        super().__init__()
        self.name = name
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        self.set_clock = QPushButton(self.tr("Set clock"))
        self.set_clock.setToolTip(self.tr("Set {reader}'s clock to this PC's time").format(
            reader=name))
        self.set_clock.clicked.connect(lambda: table.set_clock_requested.emit(name))
        self.open_door = QPushButton(self.tr("Open door…"))
        self.open_door.setToolTip(self.tr("Open a door of {reader} remotely (asks first)")
                                  .format(reader=name))
        self.open_door.clicked.connect(lambda: table.open_door_requested.emit(name))
        layout.addWidget(self.set_clock)
        layout.addWidget(self.open_door)


class DeviceStatusTable(QTableWidget):
    set_clock_requested = Signal(str)
    open_door_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__(0, len(HEADERS))
        self.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        self.setAccessibleName(self.tr("Device status"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fits a 1100-pixel window beside the page list, with no horizontal scroll bar; a
        # narrower window scrolls, a wider one gives the room to the note.
        header.setMinimumSectionSize(40)
        for col, width in enumerate((110, 90, 105, 140, 110, 180, 90, 60)):
            self.setColumnWidth(col, width)
        header.setStretchLastSection(True)  # after the widths: the note starts narrow
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.devices: dict[str, DeviceRow] = {}
        self.actionable: set[str] = set()  # readers whose actions the page can run
        self._cells: dict[int, ActionsCell] = {}  # table row -> its buttons
        self.forgotten: set[str] = set()  # removed in Settings (until watched again)

    def enable_actions(self, names: list[str]) -> None:
        self.actionable = set(names)
        self.forgotten -= self.actionable
        for name in names:
            self._row(name).kind = "reader"
        self.refresh()

    def forget(self, name: str) -> None:
        """The desk stopped watching ``name`` (removed in Settings): its row goes, and
        its last events, stored after it stopped, do not bring it back."""
        self.devices.pop(name, None)
        self.actionable.discard(name)
        self.forgotten.add(name)
        self.refresh()

    def actions_for(self, name: str) -> ActionsCell | None:
        return next((c for c in self._cells.values() if c.name == name), None)

    def set_drift(self, name: str, drift: float) -> None:
        self._row(name).drift = drift
        self.refresh()

    def set_door(self, name: str, door: int, status: str) -> None:
        self._row(name).doors[door] = status
        self.refresh()

    def _row(self, name: str) -> DeviceRow:
        row = self.devices.get(name)
        if row is None:
            row = self.devices[name] = DeviceRow(name)
        return row

    def on_state(self, event: DeviceStateChanged) -> None:
        if event.kind not in ("reader", "encoder", "lock", "cloud"):
            return
        self.forgotten.discard(event.source)
        row = self._row(event.source)
        row.kind = event.kind
        row.state = str(event.state)
        if event.state == ConnectionState.CONNECTED:
            row.note = ""
        elif event.detail:
            row.note = event.detail
        self.refresh()

    def on_stored(self, events: tuple[StoredEvent, ...]) -> None:
        for event in events:
            if event.kind != "reader" or event.device in self.forgotten:
                continue
            row = self._row(event.device)
            row.kind = event.kind
            row.last_event = datetime.fromisoformat(event.received)
            if event.code == "DoorStatus":
                self._door_event(row, event.payload)

    @staticmethod
    def _door_event(row: DeviceRow, payload: dict[str, Any]) -> None:
        data = payload.get("data")
        status = data.get("Status") if isinstance(data, dict) else None
        door = payload.get("index")
        if isinstance(status, str) and isinstance(door, int) and door >= 0:
            row.doors[door] = status

    def on_reader_status(self, status: ReaderStatus) -> None:
        """A reader status snapshot from :meth:`ReaderMonitor.statuses`."""
        row = self._row(status.name)
        row.kind = "reader"
        row.state = status.state
        row.heartbeat = status.last_heartbeat or row.heartbeat
        row.drift = status.clock_drift if status.clock_drift is not None else row.drift
        row.note = (status.error or row.note) if not status.online else ""

    def refresh(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        rows = sorted(self.devices.values(), key=lambda r: (r.kind, r.name))
        self.setRowCount(len(rows))
        for gone in [row for row in self._cells if row >= len(rows)]:
            del self._cells[gone]  # Qt deleted the widget with its row
        for i, r in enumerate(rows):
            state = STATES.get(r.state, r.state)
            state = _tr(state) if r.state in STATES else state
            values = (device_name(r.name, r.kind), state or "—", _ago(r.heartbeat, now),
                      drift_text(r.drift), doors_text(r.doors), "", _ago(r.last_event, now),
                      r.note)
            self._place_actions(i, r.name if r.name in self.actionable else None)
            for col, value in enumerate(values):
                item = self.item(i, col)
                if item is None:
                    item = QTableWidgetItem(value)
                    self.setItem(i, col, item)
                elif item.text() != value:
                    item.setText(value)
            drift_item = self.item(i, HEADERS.index("Clock drift"))
            if drift_item is not None:
                drift_item.setToolTip(drift_tip(r.drift))

    def _place_actions(self, row: int, name: str | None) -> None:
        cell = self._cells.get(row)
        if cell is not None and cell.name == name:
            return
        if cell is not None:
            self.removeCellWidget(row, ACTIONS)
            del self._cells[row]
        if name is not None:
            self._cells[row] = ActionsCell(name, self)
            self.setCellWidget(row, ACTIONS, self._cells[row])
