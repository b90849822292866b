"""The status bar: one label per device or service, kept current from bus events."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from app.domain.events import ConnectionState, DeviceForgotten, DeviceStateChanged

_COLOURS = {
    ConnectionState.CONNECTED: "#1b7f3b",
    ConnectionState.CONNECTING: "#a66a00",
    ConnectionState.DISCONNECTED: "#666666",
    ConnectionState.FAILED: "#b3261e",
}


class DeviceStatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self._labels: dict[str, QLabel] = {}
        self.states: dict[str, ConnectionState] = {}

    def on_event(self, event: DeviceStateChanged | DeviceForgotten) -> None:
        if isinstance(event, DeviceForgotten):
            self.forget(event.source)
        else:
            self.set_state(event.source, event.state, event.detail)

    def forget(self, source: str) -> None:
        label = self._labels.pop(source, None)
        self.states.pop(source, None)
        if label is not None:
            self.removeWidget(label)
            label.deleteLater()

    def set_state(self, source: str, state: ConnectionState, detail: str = "") -> None:
        label = self._labels.get(source)
        if label is None:
            label = QLabel()
            label.setAccessibleName(f"{source} status")
            self._labels[source] = label
            self.addPermanentWidget(label)
        self.states[source] = state
        colour = _COLOURS.get(state, "#666666")
        label.setText(f"<span style='color:{colour}'>●</span> {source}: {state.value}")
        label.setToolTip(detail or state.value)
