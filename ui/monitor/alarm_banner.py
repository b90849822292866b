"""The alarm banner: break-in, duress, tamper, door left open — until acknowledged.

It stays visible and sounds again every few seconds until someone presses
"Acknowledge"; the acknowledgement is recorded in the event store (who, when) before
the banner goes away, so an alarm raised just before a crash is shown again at restart.

An alarm this desk keeps while the shared site store is away (a ``KeptEvent``) sounds
and shows at once too; it can be acknowledged only once the site store has it (an
acknowledgement is recorded there, by the event's id), when it comes back as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton

from app.domain.stored import KeptEvent, StoredEvent
from app.i18n import resolve_language
from ui.monitor.describe import describe


class AlarmBanner(QFrame):
    acknowledge_requested = Signal(list)  # the StoredEvent ids shown

    REPEAT_MS = 3000

    def __init__(self, beep: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("alarmBanner")
        self.setStyleSheet(
            "#alarmBanner { background: #b02a37; border-radius: 4px; }"
            "#alarmBanner QLabel { color: white; font-weight: bold; }"
        )
        self._beep = beep or QApplication.beep
        self.beeps = 0
        self._alarms: dict[int, StoredEvent] = {}
        self._kept: dict[str, StoredEvent] = {}  # by origin: not in the site store yet
        self.drift: dict[str, float] = {}  # the page shares the table's: one clock shown
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Alarm"))
        self.ack = QPushButton(self.tr("Acknowledge"))
        self.ack.setAccessibleName(self.tr("Acknowledge alarm"))
        self.ack.clicked.connect(self._request)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.ack)
        self._repeat = QTimer(self, interval=self.REPEAT_MS)
        self._repeat.timeout.connect(self._sound)
        self.hide()

    @property
    def pending(self) -> list[StoredEvent]:
        return sorted(self._alarms.values(), key=lambda e: e.id)

    def raise_alarms(self, events: list[StoredEvent]) -> None:
        if self._raise(self._alarms, [(e.id, e) for e in events]):
            self.ack.setEnabled(True)

    def raise_kept(self, items: list[KeptEvent]) -> None:
        """Alarms kept on this desk (site store away): shown and sounded, not yet
        acknowledgeable."""
        self._raise(self._kept, [(k.origin, k.event) for k in items])

    def _raise(self, shown: dict[Any, StoredEvent], items: list[tuple[Any, StoredEvent]]
               ) -> bool:
        """Show and sound the alarms not shown yet (by their key); True when there were."""
        new = [(key, e) for key, e in items if key not in shown]
        if not new:
            return False
        shown.update(new)
        self._refresh()
        self._sound()
        self._repeat.start()
        return True

    def kept_sent(self, origins: list[str] | tuple[str, ...]) -> None:
        """The site store has them: they come back as stored alarms (``raise_alarms``)."""
        if any(self._kept.pop(o, None) is not None for o in list(origins)):
            self._refresh()

    def acknowledged(self, event_ids: list[int]) -> None:
        """The store recorded the acknowledgement: drop those alarms."""
        for i in event_ids:
            self._alarms.pop(i, None)
        self.ack.setEnabled(True)
        self._refresh()

    def _request(self) -> None:
        if self._alarms:
            self.ack.setEnabled(False)  # until the store confirms
            self.acknowledge_requested.emit(sorted(self._alarms))

    def _sound(self) -> None:
        self.beeps += 1
        self._beep()

    def _refresh(self) -> None:
        if not self._alarms and not self._kept:
            self._repeat.stop()
            self.hide()
            return
        if not self._alarms:  # only kept ones: nothing the store could record yet
            self.ack.setEnabled(False)
        self.ack.setToolTip("" if self._alarms else self.tr(
            "The site store's server cannot be reached: this alarm can be acknowledged "
            "once it has reached the store."))
        latest = (list(self._kept.values())[-1] if self._kept
                  else max(self._alarms.values(), key=lambda e: e.id))
        lang = resolve_language()  # the catalog's wording in the desk's language
        text = describe(latest, lang, drift=self.drift.get(latest.device))
        where = latest.device
        if latest.door is not None:
            where = self.tr("{reader}, door {door}").format(reader=where, door=latest.door)
        more = len(self._alarms) + len(self._kept) - 1
        said = self.tr("⚠ {what} — {where} at {time}").format(
            what=text.result.split(':')[0], where=where, time=text.time)
        if more:
            said += "  " + self.tr("(+{more} more)").format(more=more)
        self.label.setText(said)
        self.label.setToolTip("\n\n".join(
            describe(e, lang, drift=self.drift.get(e.device)).detail
            for e in [*self.pending, *self._kept.values()][-10:]))
        self.show()
