"""The Desk menu: the front desk's frequent jobs from the keyboard, wherever the window
is — Issue card (Ctrl+I), Read card (Ctrl+R), Find room (Ctrl+F).

Each one brings the Front desk page and the right tab forward first. Issue card issues
when the form has a room, else puts the cursor in the room field; a part not set up
shows its "not set up yet" notice instead of failing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.icons import icon
from ui.keys import set_keys

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class DeskShortcuts(QObject):
    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)  # found again as parent(): no Python cycle with the window
        self.issue_action = self._action(menu, self.tr("&Issue card"), "Ctrl+I", "credit-card",
                                         self.issue)
        self.read_action = self._action(menu, self.tr("&Read card"), "Ctrl+R", "nfc",
                                        self.read)
        self.find_action = self._action(menu, self.tr("&Find room"), "Ctrl+F", "building-store",
                                        self.find_room)

    def _action(self, menu: QMenu, text: str, keys: str, icon_name: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self.parent())
        set_keys(action, keys)
        # Pressed while the desk is still starting: done once it has started, not dropped.
        action.triggered.connect(
            lambda _=False: cast("MainWindow", self.parent()).when_started(slot))
        menu.addAction(action)
        return action

    def _panel(self, class_name: str) -> Any:
        """The Front desk tab of ``class_name``, shown; its panel, or None when its part
        is not set up (the tab says so)."""
        window: Any = self.parent()
        page = window.show_page("front_desk")
        gate = next(g for g in page.gates if g.objectName() == f"tab_{class_name}")
        page.tabs.setCurrentWidget(gate)
        gate.refresh()
        return gate.built if gate.currentWidget() is gate.built else None

    def issue(self) -> None:
        panel = self._panel("EncoderPanel")
        if panel is None:
            return
        if panel.rooms.text().strip() and panel.issue_button.isEnabled():
            panel.issue()
        else:
            panel.rooms.setFocus()

    def read(self) -> None:
        panel = self._panel("EncoderPanel")
        if panel is not None and panel.read_button.isEnabled():
            panel.read()

    def find_room(self) -> None:
        panel = self._panel("RoomsPanel")
        if panel is not None:
            panel.search.setFocus()
            panel.search.selectAll()
