"""Rooms: the community's buildings → floors → rooms with lock type and MAC, searchable,
plus a "Test connection" check of the cloud credentials."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout

from app.cloud.desk import OPERATOR_NOT_SET, OPERATOR_OK, OPERATOR_UNCHECKED
from app.cloud.models import Building
from ui.context import UiContext
from ui.front_desk.cloud_common import CloudPanel, button
from ui.qt_noop import QT_TRANSLATE_NOOP

# Column headers, translated when shown (context RoomsPanel).
COLUMNS = [QT_TRANSLATE_NOOP("RoomsPanel", "Building / floor / room"),
           QT_TRANSLATE_NOOP("RoomsPanel", "Name"), QT_TRANSLATE_NOOP("RoomsPanel", "Lock type"),
           QT_TRANSLATE_NOOP("RoomsPanel", "Lock MAC"), QT_TRANSLATE_NOOP("RoomsPanel", "Gateway")]


class RoomsPanel(CloudPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        # Models are parented: never left for the garbage collector (on any thread).
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("RoomsPanel", c) for c in COLUMNS])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setAccessibleName(self.tr("Room directory"))
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search rooms, lock types, MACs…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.refresh_button = button(self.tr("Refresh"), self.refresh)
        self.test_button = button(self.tr("Test connection"), self.test_connection,
                                  self.tr("Check every lock-cloud setting with calls that "
                                          "change nothing: the account, the card issuer and "
                                          "the operator's login"))

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)

    def first_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.run(lambda d: d.rooms(), self._show, busy=[self.refresh_button])

    def test_connection(self) -> None:
        def ok(r: dict[str, Any]) -> None:
            issuers = ", ".join(r["issuers"]) or self.tr("none")
            said = self.tr("Connection OK: community {community}, {rooms} rooms, card issuers: "
                           "{issuers}.").format(community=r["community_no"], rooms=r["rooms"],
                                                issuers=issuers)
            operator = {
                OPERATOR_OK: self.tr("Operator login accepted."),
                OPERATOR_NOT_SET: self.tr("Operator login not checked: no operator mobile and "
                                          "password in Settings (RF cards need them)."),
                OPERATOR_UNCHECKED: self.tr("Operator login not checked: the card issuer is "
                                            "offline."),
            }.get(r.get("operator", ""), "")
            self.message.info(f"{said} {operator}".strip())

        self.run(lambda d: d.test_connection(), ok, busy=[self.test_button])

    def _show(self, buildings: list[Building]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        count = 0
        for b in buildings:
            b_item = QStandardItem(self.tr("Building {n}").format(n=b.number))
            b_row = [b_item, QStandardItem(b.name)] + [QStandardItem("") for _ in range(3)]
            for f in b.floors:
                f_item = QStandardItem(self.tr("Floor {n}").format(n=f.number))
                f_row = [f_item] + [QStandardItem("") for _ in range(4)]
                for r in f.rooms:
                    f_item.appendRow([QStandardItem(r.ref.label()), QStandardItem(r.name),
                                      QStandardItem(r.lock_type), QStandardItem(r.mac),
                                      QStandardItem(r.box_id or "—")])
                    count += 1
                b_item.appendRow(f_row)
            self.model.appendRow(b_row)
        self.tree.expandAll()
        for col in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(col)
        self.message.info(self.tr("{buildings} buildings, {rooms} rooms.").format(
            buildings=len(buildings), rooms=count))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def visible_rooms(self) -> list[str]:
        """Room labels currently shown (after the search filter): used by tests."""
        out = []

        def walk(parent: Any) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.proxy.rowCount(index):
                    walk(index)
                elif str(index.data()).count("-") == 2:
                    out.append(str(index.data()))

        walk(QModelIndex())
        return out
