"""The Front desk page: a tab per desk job (cards on the encoder, cloud keys, ...)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import UiContext
from ui.front_desk import PANELS

log = logging.getLogger(__name__)


class FrontDeskPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.panels: list[QWidget] = []
        for title, panel_class in PANELS:
            panel = panel_class(ctx)
            self.panels.append(panel)
            self.tabs.addTab(panel, QCoreApplication.translate("FrontDeskTabs", title))
        if not PANELS:
            self.tabs.addTab(QLabel(self.tr("No desk tools are installed.")), "—")
        layout.addWidget(self.tabs)

    def shutdown(self) -> None:
        for panel in self.panels:
            stop = getattr(panel, "shutdown", None)
            if stop is not None:
                try:
                    stop()
                except Exception:
                    log.exception("panel shutdown failed")
