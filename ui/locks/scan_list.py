"""Locks nearby: a live list, strongest signal first, fed by ``LockSighted`` bus events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from app.devices.locks.advert import Sighting
from ui.locks.lock_table import LockTable

MAX_ROWS = 200  # a crowded place cannot grow the table without bound
ROOM_COLUMN = 1


def signal_bars(rssi: int) -> str:
    """Four bars at -60 dBm or better, one below -80 (what a technician reads at a glance)."""
    bars = 4 if rssi >= -60 else 3 if rssi >= -70 else 2 if rssi >= -80 else 1
    return "▮" * bars + "▯" * (4 - bars)


class ScanList(LockTable):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Signal"), self.tr("Room"), self.tr("MAC"), self.tr("Family"),
            self.tr("Battery"), self.tr("Setting mode")])
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
        ranked = sorted(self.sightings.values(), key=lambda s: (-s.rssi, s.mac))

        def mark_unknown_room(row: int, col: int, item: QTableWidgetItem) -> None:
            if col == ROOM_COLUMN and not ranked[row].room:
                item.setForeground(Qt.GlobalColor.darkRed)

        self.fill([(s.mac, self._cells(s)) for s in ranked], mark_unknown_room)

    def _cells(self, s: Sighting) -> tuple[str, ...]:
        battery = f"{s.battery} %" if s.battery is not None else "?"
        mode = self.tr("yes") if s.setting_mode else "" if s.setting_mode is None \
            else self.tr("no")
        room = s.room or self.tr("not in the site list")
        return (f"{signal_bars(s.rssi)} {s.rssi} dBm", room, s.mac or s.address, s.family,
                battery, mode)

    def selected_mac(self) -> str | None:
        return self.selected_key()
