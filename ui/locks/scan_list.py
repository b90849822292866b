"""Locks nearby: a live list, strongest signal first, fed by ``LockSighted`` bus events."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from app.devices.locks.advert import Sighting

MAX_ROWS = 200  # a crowded place cannot grow the table without bound


def signal_bars(rssi: int) -> str:
    """Four bars at -60 dBm or better, one below -80 (what a technician reads at a glance)."""
    bars = 4 if rssi >= -60 else 3 if rssi >= -70 else 2 if rssi >= -80 else 1
    return "▮" * bars + "▯" * (4 - bars)


class ScanList(QTableWidget):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Signal"), self.tr("Room"), self.tr("MAC"), self.tr("Family"),
            self.tr("Battery"), self.tr("Setting mode")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.sightings: dict[str, Sighting] = {}

    def clear_sightings(self) -> None:
        self.sightings.clear()
        self.setRowCount(0)

    def add(self, sighting: Sighting) -> None:
        key = sighting.mac or sighting.address
        if key not in self.sightings and len(self.sightings) >= MAX_ROWS:
            return
        self.sightings[key] = sighting
        self._refill()

    def _refill(self) -> None:
        chosen = self.selected_mac()
        ranked = sorted(self.sightings.values(), key=lambda s: (-s.rssi, s.mac))
        self.setRowCount(len(ranked))
        for row, s in enumerate(ranked):
            battery = f"{s.battery} %" if s.battery is not None else "?"
            mode = self.tr("yes") if s.setting_mode else "" if s.setting_mode is None \
                else self.tr("no")
            room = s.room or self.tr("not in the site list")
            cells = (f"{signal_bars(s.rssi)} {s.rssi} dBm", room, s.mac or s.address,
                     s.family, battery, mode)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.mac)
                if col == 1 and not s.room:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.setItem(row, col, item)
            if s.mac == chosen:
                self.selectRow(row)

    def selected_mac(self) -> str | None:
        items = self.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None
