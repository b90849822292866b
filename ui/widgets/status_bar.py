"""The status bar: each device's and service's health, kept current from bus events.

One entry per device (the encoder, each reader, the lock radio) from their
``DeviceStateChanged``, and one for the lock cloud from the outcome of its last call (the
audit rows every cloud flow writes, published as ``DeviceEvent(kind="desk")``). A part
not set up says so. Each entry is a flat button: its tooltip has the detail, a click
opens the part's Settings section. A device removed in Settings (``DeviceForgotten``)
leaves the bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStatusBar, QToolButton

from ui.device_names import device_name
from ui.icons import icon

if TYPE_CHECKING:  # the event types come with the desk, after the first paint
    from app.domain.events import BusEvent, ConnectionState, DeviceEvent

# By ConnectionState's values (a StrEnum: its members look these up).
_COLOURS = {"connected": "#1b7f3b", "connecting": "#a66a00", "disconnected": "#666666",
            "failed": "#b3261e"}
# Device family -> (icon, Settings section)
_KINDS = {"encoder": ("usb", "encoder"), "reader": ("device-tablet", "readers"),
          "lock": ("bluetooth", "bluetooth"), "cloud": ("cloud", "cloud"),
          "store": ("database", "store")}
CLOUD = "Lock cloud"  # the cloud's entry (not a device: known by its last call)
READERS = "readers"  # stands for the readers while none is set up


class DeviceStatusBar(QStatusBar):
    open_section = Signal(str)  # a click on an entry: that part's Settings section

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("device_status")
        self._entries: dict[str, QToolButton] = {}
        self.states: dict[str, ConnectionState] = {}
        self.unset: set[str] = set()  # parts shown as "not set up" whatever they report
        self._kinds: dict[str, str] = {}
        self._last: dict[str, BusEvent] = {}  # what each entry last showed, as told

    def state_words(self, state: ConnectionState) -> str:
        from app.domain.events import ConnectionState

        return {ConnectionState.CONNECTED: self.tr("ready"),
                ConnectionState.CONNECTING: self.tr("connecting…"),
                ConnectionState.DISCONNECTED: self.tr("offline"),
                ConnectionState.FAILED: self.tr("not available")}.get(state, str(state))

    def on_event(self, event: BusEvent) -> None:
        from app.domain.events import DeviceEvent, DeviceForgotten, DeviceStateChanged

        if isinstance(event, DeviceForgotten):
            self.forget(event.source)
        elif isinstance(event, DeviceStateChanged):
            self._last[event.source] = event
            self.set_state(event.source, event.state, event.detail, kind=event.kind)
        elif isinstance(event, DeviceEvent) and event.kind == "desk" \
                and event.code.startswith("cloud."):
            self._last[CLOUD] = event
            self._cloud_call(event)

    def last_events(self) -> list[BusEvent]:
        """The latest state of each entry, as told (for a window reopened)."""
        return list(self._last.values())

    def _cloud_call(self, event: DeviceEvent) -> None:
        from app.domain.events import ConnectionState

        result = str(event.payload.get("result", ""))
        if result == "ok":
            self.set_state(CLOUD, ConnectionState.CONNECTED, kind="cloud")
        elif result.startswith("error"):  # a refusal of the operator's right is no outage
            self.set_state(CLOUD, ConnectionState.FAILED, result.removeprefix("error "),
                           kind="cloud")

    def _entry(self, source: str, kind: str) -> QToolButton:
        entry = self._entries.get(source)
        if entry is None:
            entry = QToolButton()
            entry.setAutoRaise(True)
            entry.setObjectName(f"status_{source}")
            self._kinds[source] = kind
            entry.setAccessibleName(self.tr("{name} status").format(
                name=self.display_name(source)))
            icon_name, section = _KINDS.get(kind, ("plug-connected", ""))
            entry.setIcon(icon(icon_name))
            entry.setToolButtonStyle(entry.toolButtonStyle().ToolButtonTextBesideIcon)
            if section:
                entry.clicked.connect(lambda: self.open_section.emit(section))
            self._entries[source] = entry
            self.addPermanentWidget(entry)
        return entry

    def set_state(self, source: str, state: ConnectionState, detail: str = "", *,
                  kind: str = "") -> None:
        entry = self._entry(source, kind)
        self.states[source] = state
        if source in self.unset:
            return
        colour = _COLOURS.get(state, "#666666")
        entry.setText(f"{self.display_name(source)}: {self.state_words(state)}")
        entry.setStyleSheet(f"QToolButton {{ color: {colour}; }}")
        entry.setToolTip(detail or self.state_words(state))

    def set_up(self, source: str, kind: str, ready: bool) -> None:
        """Show ``source`` as "not set up" until ``ready`` (then as its state says)."""
        if ready:
            if source in self.unset:
                self.unset.discard(source)
                if source in self.states:
                    self.set_state(source, self.states[source], kind=kind)
                else:
                    self.forget(source)
            return
        self.unset.add(source)
        entry = self._entry(source, kind)
        entry.setText(self.tr("{name}: not set up").format(name=self.display_name(source)))
        entry.setStyleSheet("QToolButton { color: #666666; }")
        entry.setToolTip(self.tr("Click to set it up"))

    def display_name(self, source: str) -> str:
        """``source`` in the window's language (a reader keeps the name it was given)."""
        if source == READERS:
            return self.tr("Readers")
        if source == CLOUD:
            return device_name(source, "cloud")
        return device_name(source, self._kinds.get(source, ""))

    def forget(self, source: str) -> None:
        entry = self._entries.pop(source, None)
        self.states.pop(source, None)
        self._last.pop(source, None)
        self._kinds.pop(source, None)
        self.unset.discard(source)
        if entry is not None:
            self.removeWidget(entry)
            entry.deleteLater()
