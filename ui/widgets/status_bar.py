"""The status bar: one label per device or service, kept current from bus events."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from app.domain.events import ConnectionState, DeviceStateChanged
from ui.device_names import device_name

_COLOURS = {
    ConnectionState.CONNECTED: "#1b7f3b",
    ConnectionState.CONNECTING: "#a66a00",
    ConnectionState.DISCONNECTED: "#666666",
    ConnectionState.FAILED: "#b3261e",
}
# A state as the desk reads it (context DeviceStatusBar).
STATE_WORDS = {
    ConnectionState.CONNECTED: QT_TRANSLATE_NOOP("DeviceStatusBar", "connected"),
    ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("DeviceStatusBar", "connecting"),
    ConnectionState.DISCONNECTED: QT_TRANSLATE_NOOP("DeviceStatusBar", "disconnected"),
    ConnectionState.FAILED: QT_TRANSLATE_NOOP("DeviceStatusBar", "failed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceStatusBar", text)


class DeviceStatusBar(QStatusBar):
    def __init__(self) -> None:
        super().__init__()
        self._labels: dict[str, QLabel] = {}
        self.states: dict[str, ConnectionState] = {}
        self._last: dict[str, DeviceStateChanged] = {}

    def on_event(self, event: DeviceStateChanged) -> None:
        self._last[event.source] = event
        self.set_state(event.source, event.state, event.detail, event.kind)

    def last_events(self) -> list[DeviceStateChanged]:
        """The latest state of each device, as told (for a window reopened)."""
        return list(self._last.values())

    def set_state(self, source: str, state: ConnectionState, detail: str = "",
                  kind: str = "") -> None:
        label = self._labels.get(source)
        name = device_name(source, kind)
        if label is None:
            label = QLabel()
            label.setAccessibleName(QCoreApplication.translate(
                "DeviceStatusBar", "{name} status").format(name=name))
            self._labels[source] = label
            self.addPermanentWidget(label)
        self.states[source] = state
        colour = _COLOURS.get(state, "#666666")
        said = _tr(STATE_WORDS[state]) if state in STATE_WORDS else str(state)
        label.setText(f"<span style='color:{colour}'>●</span> {name}: {said}")
        label.setToolTip(detail or said)
