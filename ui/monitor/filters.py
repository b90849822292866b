"""The Monitor's filter bar, and the one definition of a filter used for both the live
rows (a predicate) and the history from the store (query keyword arguments)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.domain.stored import StoredEvent
from ui.device_names import device_name
from ui.monitor.describe import is_alarm
from ui.qt_noop import QT_TRANSLATE_NOOP

# (label, value); labels translated when shown (context FilterBar).
KINDS = ((QT_TRANSLATE_NOOP("FilterBar", "All sources"), None),
         (QT_TRANSLATE_NOOP("FilterBar", "Readers"), "reader"),
         (QT_TRANSLATE_NOOP("FilterBar", "Encoder"), "encoder"),
         (QT_TRANSLATE_NOOP("FilterBar", "Locks"), "lock"),
         (QT_TRANSLATE_NOOP("FilterBar", "Cloud"), "cloud"))
RESULTS = ((QT_TRANSLATE_NOOP("FilterBar", "All results"), None),
           (QT_TRANSLATE_NOOP("FilterBar", "Granted"), "granted"),
           (QT_TRANSLATE_NOOP("FilterBar", "Refused"), "refused"),
           (QT_TRANSLATE_NOOP("FilterBar", "Alarms"), "alarm"))


@dataclass(frozen=True)
class Filters:
    device: str | None = None
    kind: str | None = None
    result: str | None = None  # "granted", "refused", "alarm"
    text: str = ""

    @property
    def active(self) -> bool:
        return any((self.device, self.kind, self.result, self.text))

    def store_kwargs(self) -> dict[str, Any]:
        """The same filter as ``EventStore.query`` keyword arguments."""
        kwargs: dict[str, Any] = {"device": self.device, "kind": self.kind}
        if self.result == "granted":
            kwargs["granted"] = True
        elif self.result == "refused":
            kwargs["granted"] = False
        elif self.result == "alarm":
            kwargs["alarm"] = True
        if self.text:
            kwargs["text"] = self.text
        return {k: v for k, v in kwargs.items() if v is not None}

    def matches(self, event: StoredEvent) -> bool:
        """What the store's query would return for these filters (the text search, like
        SQL ``LIKE``, looks in device, code, payload and raw, ignoring case)."""
        if self.device is not None and event.device != self.device:
            return False
        if self.kind is not None and event.kind != self.kind:
            return False
        if self.result == "granted" and event.granted is not True:
            return False
        if self.result == "refused" and event.granted is not False:
            return False
        if self.result == "alarm" and not is_alarm(event):
            return False
        if self.text:
            needle = self.text.lower()
            hay = (event.device, event.code, json.dumps(event.payload, ensure_ascii=False,
                                                          default=str), event.raw)
            if not any(needle in h.lower() for h in hay):
                return False
        return True


class FilterBar(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self) -> None:
        super().__init__()
        self.device = QComboBox()
        self.device.setAccessibleName(self.tr("Device filter"))
        self.device.addItem(self.tr("All devices"), None)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Source filter"))
        for label, value in KINDS:
            self.kind.addItem(QCoreApplication.translate("FilterBar", label), value)
        self.result = QComboBox()
        self.result.setAccessibleName(self.tr("Result filter"))
        for label, value in RESULTS:
            self.result.addItem(QCoreApplication.translate("FilterBar", label), value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search card, name, code…"))
        self.search.setAccessibleName(self.tr("Search events"))
        self.search.setClearButtonEnabled(True)
        # Typing waits for a pause before querying the store again.
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.device, self.kind, self.result):
            combo.currentIndexChanged.connect(lambda _i: self._emit())

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.device)
        row.addWidget(self.kind)
        row.addWidget(self.result)
        row.addWidget(self.search, 1)

    def add_device(self, name: str) -> None:
        if self.device.findData(name) < 0:
            self.device.addItem(device_name(name), name)

    def filters(self) -> Filters:
        return Filters(
            device=self.device.currentData(),
            kind=self.kind.currentData(),
            result=self.result.currentData(),
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.filters())
