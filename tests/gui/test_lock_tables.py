"""The Locks page's two tables on their own: what each row shows and how it is coloured,
and that the chosen row stays chosen when the rows come again in another order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.devices.locks.advert import Sighting
from app.devices.locks.plan import PlanDoor
from ui.locks.plan_table import COLOURS, PlanTable
from ui.locks.scan_list import ScanList


def texts(table, row: int) -> list[str]:
    return [table.item(row, col).text() for col in range(table.columnCount())]


def sighting(mac: str, rssi: int, room: str = "", **kw) -> Sighting:
    return Sighting(address=mac, name="lock", rssi=rssi, profile_id="ttlock-v3",
                    family="TTLock", mac=mac, room=room, **kw)


def test_the_plan_shows_each_door_coloured_by_status_and_keeps_the_chosen_one(qtbot) -> None:
    table = PlanTable()
    qtbot.addWidget(table)
    doors = [PlanDoor("001-01-0101", "C4:A8:28:00:11:01", status="done"),
             PlanDoor("001-01-0102", "C4:A8:28:00:11:02", status="failed", reason="bad-crc"),
             PlanDoor("001-01-0103", "C4:A8:28:00:11:03")]
    table.show_doors(doors, lambda code: f"title of {code}")
    assert texts(table, 1) == ["001-01-0102", "C4:A8:28:00:11:02", "failed",
                               "title of bad-crc"]
    assert texts(table, 2)[2:] == ["to do", ""]
    for col in range(4):
        assert table.item(0, col).background().color() == QColor(COLOURS["done"])
        assert table.item(1, col).background().color() == QColor(COLOURS["failed"])
        assert table.item(2, col).background().style() == Qt.BrushStyle.NoBrush
    table.select_room("001-01-0101")
    assert table.selected_room() == "001-01-0101"
    table.show_doors(list(reversed(doors)), lambda code: code)  # the chosen door moves
    assert table.item(2, 0).text() == "001-01-0101"
    assert table.selected_room() == "001-01-0101"
    assert {item.row() for item in table.selectedItems()} == {2}
    assert len(table.selectedItems()) == 4  # the whole row, and only that row


def test_the_scan_list_ranks_by_signal_marks_unknown_rooms_and_keeps_the_chosen_one(
        qtbot) -> None:
    table = ScanList()
    qtbot.addWidget(table)
    table.add(sighting("C4:A8:28:00:11:01", -75, "001-01-0101", battery=80,
                       setting_mode=True))
    table.add(sighting("C4:A8:28:00:11:02", -55))
    assert texts(table, 0) == ["▮▮▮▮ -55 dBm", "not in the site list", "C4:A8:28:00:11:02",
                               "TTLock", "?", ""]
    assert texts(table, 1) == ["▮▮▯▯ -75 dBm", "001-01-0101", "C4:A8:28:00:11:01", "TTLock",
                               "80 %", "yes"]
    assert table.item(0, 1).foreground().color() == QColor(Qt.GlobalColor.darkRed)
    assert table.item(0, 0).foreground().style() == Qt.BrushStyle.NoBrush
    assert table.item(1, 1).foreground().style() == Qt.BrushStyle.NoBrush
    table.selectRow(1)
    assert table.selected_mac() == "C4:A8:28:00:11:01"
    table.add(sighting("C4:A8:28:00:11:01", -50, "001-01-0101"))  # now the strongest
    assert table.item(0, 2).text() == "C4:A8:28:00:11:01"
    assert table.selected_mac() == "C4:A8:28:00:11:01"
    assert {item.row() for item in table.selectedItems()} == {0}
    table.clear_sightings()
    assert table.rowCount() == 0 and table.selected_mac() is None
