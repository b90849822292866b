"""The live event table's model: rows appended in batches, capped, older ones prepended.

Each row's texts are computed once when it arrives (``describe``), so painting is a list
lookup. New rows go at the bottom in one ``beginInsertRows`` per batch; when the cap is
passed the oldest rows leave from the top (they stay in the store and come back with
"Load older").

Below the stored rows, in italics, come the events this desk keeps while the shared site
store is away (:class:`app.domain.stored.KeptEvent`: on this desk's disk, no id yet);
each leaves when the server has taken it, and comes back as a stored row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.stored import KeptEvent, StoredEvent
from ui.monitor.describe import RowText, describe
from ui.qt_noop import QT_TRANSLATE_NOOP

# Column headers, translated when shown (context EventTableModel).
COLUMNS = (QT_TRANSLATE_NOOP("EventTableModel", "Time"),
           QT_TRANSLATE_NOOP("EventTableModel", "Reader"),
           QT_TRANSLATE_NOOP("EventTableModel", "Door"),
           QT_TRANSLATE_NOOP("EventTableModel", "Person / card"),
           QT_TRANSLATE_NOOP("EventTableModel", "Method"),
           QT_TRANSLATE_NOOP("EventTableModel", "Result"))
_FIELDS = ("time", "reader", "door", "person", "method", "result")

_BACKGROUND = {"alarm": QBrush(QColor("#f8d7da")), "refused": QBrush(QColor("#fff3cd"))}
_FOREGROUND = {"alarm": QBrush(QColor("#842029")), "refused": QBrush(QColor("#664d03"))}
_KEPT_FOREGROUND = QBrush(QColor("#5c636a"))
_KEPT_FONT = QFont()
_KEPT_FONT.setItalic(True)
_KEPT_NOTE = QT_TRANSLATE_NOOP(
    "EventTableModel", "Kept on this desk: the site store's server cannot be reached. It "
    "is sent when the server is back, and then shown with every desk's events.")

EventRole = Qt.ItemDataRole.UserRole + 1
RowTextRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    def __init__(self, max_rows: int = 5000, lang: str = "en",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self.lang = lang
        self._events: list[StoredEvent] = []
        self._texts: list[RowText] = []
        self._kept: list[KeptEvent] = []  # shown below the stored rows, oldest first
        self._kept_texts: list[RowText] = []
        # Each reader's clock minus this PC's, where measured: its rows are shown on the
        # PC's clock, so rows in the order they arrived read in time order too.
        self.drift: dict[str, float] = {}

    def set_drift(self, device: str, seconds: float) -> None:
        """Rows of ``device`` added from now on are shown corrected by ``seconds``."""
        self.drift[device] = seconds

    def _describe(self, event: StoredEvent) -> RowText:
        return describe(event, self.lang, self.drift.get(event.device))

    # -- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt idiom)
        return 0 if parent.isValid() else len(self._events) + len(self._kept)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EventTableModel", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return QCoreApplication.translate(
                "EventTableModel",
                "Events in the order KeyDesk received them, at this PC's time: a reader whose "
                "clock is off is corrected by its measured drift (its own time is in the "
                "event's detail). ↺: fetched from the reader's log later. In italics: "
                "kept on this desk while the site store's server is away.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        kept = self.is_kept(row)
        text = self.text_at(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return getattr(text, _FIELDS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return (QCoreApplication.translate("EventTableModel", _KEPT_NOTE) + "\n\n"
                    + text.detail) if kept else text.detail
        if role == Qt.ItemDataRole.FontRole:
            return _KEPT_FONT if kept else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUND.get(text.verdict)
        if role == Qt.ItemDataRole.ForegroundRole:  # kept: greyed, unless it warns
            return _FOREGROUND.get(text.verdict, _KEPT_FOREGROUND if kept else None)
        if role == EventRole:
            return self.event_at(row)
        if role == RowTextRole:
            return text
        return None

    # -- batches -------------------------------------------------------------------------

    @property
    def oldest_id(self) -> int | None:
        return self._events[0].id if self._events else None

    @property
    def newest_id(self) -> int | None:
        return self._events[-1].id if self._events else None

    def event_at(self, row: int) -> StoredEvent:
        """The row's event (a kept one has id 0)."""
        if row >= len(self._events):
            return self._kept[row - len(self._events)].event
        return self._events[row]

    def text_at(self, row: int) -> RowText:
        if row >= len(self._events):
            return self._kept_texts[row - len(self._events)]
        return self._texts[row]

    def is_kept(self, row: int) -> bool:
        """True for a row kept on this desk, not yet in the site store."""
        return len(self._events) <= row < self.rowCount()

    @property
    def kept_count(self) -> int:
        return len(self._kept)

    # -- kept rows (below the stored ones) ----------------------------------------------

    def add_kept(self, items: Iterable[KeptEvent]) -> int:
        """Add events kept on this desk at the very bottom (oldest first); the oldest kept
        rows leave past ``max_rows`` (they are still on this desk's disk)."""
        batch = list(items)[-self.max_rows:]
        if not batch:
            return 0
        overflow = len(self._kept) + len(batch) - self.max_rows
        if overflow > 0:
            start = len(self._events)
            self.beginRemoveRows(QModelIndex(), start, start + overflow - 1)
            del self._kept[:overflow]
            del self._kept_texts[:overflow]
            self.endRemoveRows()
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._kept.extend(batch)
        self._kept_texts.extend(self._describe(k.event) for k in batch)
        self.endInsertRows()
        return len(batch)

    def drop_kept(self, origins: Iterable[str]) -> int:
        """Remove the kept rows the site store has taken (one removal per run of rows)."""
        gone = set(origins)
        removed = 0
        at = len(self._kept)
        while at > 0:  # from the bottom, so the rows above keep their numbers
            if self._kept[at - 1].origin not in gone:
                at -= 1
                continue
            end = at
            while at > 0 and self._kept[at - 1].origin in gone:
                at -= 1
            base = len(self._events)
            self.beginRemoveRows(QModelIndex(), base + at, base + end - 1)
            del self._kept[at:end]
            del self._kept_texts[at:end]
            self.endRemoveRows()
            removed += end - at
        return removed

    def append_events(self, events: Iterable[StoredEvent]) -> int:
        """Add a batch at the bottom (oldest first); trims the top past ``max_rows``."""
        batch = list(events)[-self.max_rows:]
        if not batch:
            return 0
        texts = [self._describe(e) for e in batch]
        overflow = len(self._events) + len(batch) - self.max_rows
        if overflow > 0:  # (kept rows are bounded apart: add_kept)
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            del self._events[:overflow]
            del self._texts[:overflow]
            self.endRemoveRows()
        first = len(self._events)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._events.extend(batch)
        self._texts.extend(texts)
        self.endInsertRows()
        return len(batch)

    def prepend_events(self, events: Iterable[StoredEvent]) -> int:
        """Add older rows at the top (given in any order; shown oldest first)."""
        batch = sorted(events, key=lambda e: e.id)
        if not batch:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(batch) - 1)
        self._events[:0] = batch
        self._texts[:0] = [self._describe(e) for e in batch]
        self.endInsertRows()
        return len(batch)

    def reset(self, events: Iterable[StoredEvent] = (), kept: Iterable[KeptEvent] = ()) -> None:
        batch = sorted(events, key=lambda e: e.id)[-self.max_rows:]
        kept_batch = list(kept)[-self.max_rows:]
        self.beginResetModel()
        self._events = batch
        self._texts = [self._describe(e) for e in batch]
        self._kept = kept_batch
        self._kept_texts = [self._describe(k.event) for k in kept_batch]
        self.endResetModel()
