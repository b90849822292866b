"""Per-device status: online, last heartbeat, clock drift, last event.

Fed from three places: ``DeviceStateChanged`` bus events (online/offline, any device
family), the reader monitor's status snapshots (heartbeat, drift — polled, they change
every few seconds), and stored events (the last event time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from app.domain.events import ConnectionState, DeviceStateChanged
from app.domain.stored import StoredEvent

HEADERS = ("Device", "State", "Last heartbeat", "Clock drift", "Last event", "Note")
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


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "—"
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def drift_text(drift: float | None) -> str:
    if drift is None:
        return "—"
    text = f"{drift:+.0f} s"
    return text + (" — set the reader's clock" if abs(drift) > DRIFT_WARN else "")


class DeviceStatusTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(HEADERS))
        self.setHorizontalHeaderLabels(HEADERS)
        self.setAccessibleName("Device status")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 110, 120, 220, 110)):
            self.setColumnWidth(col, width)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.devices: dict[str, DeviceRow] = {}

    def _row(self, name: str) -> DeviceRow:
        row = self.devices.get(name)
        if row is None:
            row = self.devices[name] = DeviceRow(name)
        return row

    def on_state(self, event: DeviceStateChanged) -> None:
        if event.kind not in ("reader", "encoder", "lock", "cloud"):
            return
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
            if event.kind != "reader":
                continue
            row = self._row(event.device)
            row.kind = event.kind
            row.last_event = datetime.fromisoformat(event.received)

    def on_reader_status(self, status: Any) -> None:
        """A reader status snapshot (``app.access`` ``ReaderStatus``-like, duck-typed)."""
        row = self._row(status.name)
        row.kind = "reader"
        row.state = str(getattr(status, "state", row.state))
        row.heartbeat = getattr(status, "last_heartbeat", None) or row.heartbeat
        drift = getattr(status, "clock_drift", None)
        row.drift = drift if drift is not None else row.drift
        error = getattr(status, "error", "")
        row.note = error or row.note if not getattr(status, "online", False) else ""

    def refresh(self, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        rows = sorted(self.devices.values(), key=lambda r: (r.kind, r.name))
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = {"connected": "● online", "connecting": "… connecting",
                     "failed": "✖ failed", "disconnected": "○ offline"}.get(r.state, r.state)
            values = (r.name, state or "—", _ago(r.heartbeat, now), drift_text(r.drift),
                      _ago(r.last_event, now), r.note)
            for col, value in enumerate(values):
                item = self.item(i, col)
                if item is None:
                    self.setItem(i, col, QTableWidgetItem(value))
                elif item.text() != value:
                    item.setText(value)
