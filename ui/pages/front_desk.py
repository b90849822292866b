"""The Front desk page: a tab per desk job (cards on the encoder, cloud keys, ...).

Each tab is gated on what its job needs (``PANELS``): until the encoder, the cloud or a
reader is set up, the tab says so with a button to the right Settings section, and its
panel is built only once it can work — and only when first shown, so start-up does not
pay for tabs nobody opened.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import UiContext
from ui.front_desk import PANELS, Panel
from ui.icons import icon
from ui.widgets.not_set_up import SetupGate, missing_for

log = logging.getLogger(__name__)


class DeskTabs(QTabWidget):
    """Tabs whose pages are gates: a panel inside one can be made current directly."""

    def setCurrentWidget(self, widget: QWidget) -> None:
        for i in range(self.count()):
            page = self.widget(i)
            if page is widget or (isinstance(page, SetupGate) and page.built is widget):
                self.setCurrentIndex(i)
                return
        super().setCurrentWidget(widget)


class FrontDeskPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.tabs = DeskTabs()
        self.tabs.setObjectName("front_desk_tabs")
        self.gates: list[SetupGate] = []
        for panel in PANELS:
            def build(p: Panel = panel) -> QWidget:  # this panel, not the loop's last
                return p.build(ctx)

            gate = SetupGate(ctx, build,
                             missing_for(ctx, panel.needs) if panel.needs else (lambda: None))
            gate.setObjectName(f"tab_{panel.name}")
            self.gates.append(gate)
            self.tabs.addTab(gate, icon(panel.icon),
                             QCoreApplication.translate("FrontDeskTabs", panel.title))
        if not PANELS:
            self.tabs.addTab(QLabel(self.tr("No desk tools are installed.")), "—")
        layout.addWidget(self.tabs)

    @property
    def panels(self) -> list[QWidget]:
        """Every panel whose part is set up (built now if it was not shown yet)."""
        return [gate.content() for gate in self.gates if gate.ready()]

    def gate_of(self, panel_class: type) -> SetupGate:
        return next(g for g in self.gates
                    if g.objectName() == f"tab_{panel_class.__name__}")

    def shutdown(self) -> None:
        for gate in self.gates:
            stop = getattr(gate.built, "shutdown", None)
            if stop is not None:
                try:
                    stop()
                except Exception:
                    log.exception("panel shutdown failed")
