"""The live table: a bounded buffer drained into the model every ~100 ms, and history
pulled from the store when the desk scrolls back to the top (or presses "Load older").

Stored events can reach this widget twice (in a query result and, a moment later, in
the queued ``StoredEvents`` signal); ids only grow, so anything not newer than the last
row shown is skipped.

Events kept on this desk while the shared site store is away (``KeptEvents``) are shown
below, in italics, until the server has taken them (``KeptEventsSent``); the filters
apply to them too.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from app.domain.stored import KeptEvent, StoredEvent
from ui.monitor.filters import Filters
from ui.monitor.table_model import EventTableModel

Query = Callable[..., list[StoredEvent]]


class LiveEventTable(QWidget):
    rows_added = Signal(int)  # rows appended by one drain (for the page's counters)
    history_loaded = Signal(int)  # older rows prepended (0: nothing older in the store)

    DRAIN_MS = 50  # well under the 100 ms latency goal, with the store's linger on top
    PAGE = 200

    def __init__(self, max_rows: int = 5000, lang: str = "en") -> None:
        super().__init__()
        # Parented, like every QObject here: a Python-owned one could be destroyed by the
        # garbage collector on whatever thread happens to run it.
        self.model = EventTableModel(max_rows=max_rows, lang=lang, parent=self)
        self.view = QTableView()
        self.view.setObjectName("eventTable")
        self.view.setAccessibleName(self.tr("Events"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        # Fixed row heights and column widths: no per-row measuring at 1,000 rows/s.
        vheader = self.view.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        vheader.hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 100, 70, 210, 110)):
            self.view.setColumnWidth(col, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.buffer: deque[StoredEvent] = deque(maxlen=max_rows)
        self.skipped = 0  # rows that overflowed the buffer (still in the store)
        self.kept: dict[str, KeptEvent] = {}  # by origin, oldest first, at most max_rows
        self.filters = Filters()
        self._query: Query | None = None
        self._programmatic = False
        self._history_done = False
        self.on_drained: Callable[[list[StoredEvent], float], None] | None = None
        self._timer = QTimer(self, interval=self.DRAIN_MS)
        self._timer.timeout.connect(self.drain)
        self._timer.start()
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)

    def set_query(self, query: Query | None) -> None:
        """Where history comes from (``EventStore.query``); None without a store."""
        self._query = query

    def stop(self) -> None:
        self._timer.stop()

    # -- live rows -----------------------------------------------------------------------

    def offer(self, events: Iterable[StoredEvent]) -> None:
        """Queue stored events for the next drain (those the filters let through)."""
        for event in events:
            if self.filters.matches(event):
                if len(self.buffer) == self.buffer.maxlen:
                    self.skipped += 1
                self.buffer.append(event)

    def keep(self, events: Iterable[KeptEvent]) -> int:
        """Show events kept on this desk (site store away) below the stored rows."""
        new = [k for k in events if k.origin not in self.kept]
        for k in new:
            self.kept[k.origin] = k
        # The oldest past max_rows are no longer shown (still on this desk's disk).
        trimmed = list(self.kept)[:max(0, len(self.kept) - self.model.max_rows)]
        for origin in trimmed:
            del self.kept[origin]
        if trimmed:
            self.model.drop_kept(trimmed)
        shown = [k for k in new if k.origin in self.kept and self.filters.matches(k.event)]
        if not shown:
            return 0
        added = self._following(lambda: self.model.add_kept(shown))
        self.rows_added.emit(added)
        return added

    def _following(self, add: Callable[[], int]) -> int:
        """``add()`` rows at the bottom; a desk reading the newest rows keeps reading them
        (one scrolled up to older ones is left where it is)."""
        bar = self.view.verticalScrollBar()
        following = bar.value() >= bar.maximum() - 2
        added = add()
        if following:
            self._programmatic = True
            self.view.scrollToBottom()
            self._programmatic = False
        return added

    def sent(self, origins: Iterable[str]) -> int:
        """Kept events the site store has taken leave (their stored rows follow)."""
        gone = list(origins)
        for origin in gone:
            self.kept.pop(origin, None)
        return self.model.drop_kept(gone)

    def drain(self) -> int:
        if not self.buffer:
            return 0
        newest = self.model.newest_id or 0
        batch = [e for e in self.buffer if e.id > newest]
        self.buffer.clear()
        if not batch:
            return 0
        added = self._following(lambda: self.model.append_events(batch))
        if self.on_drained is not None:
            self.on_drained(batch, time.monotonic())
        self.rows_added.emit(added)
        return added

    # -- filters and history -------------------------------------------------------------

    def apply_filters(self, filters: Filters) -> None:
        """Show the newest page of what matches ``filters``, then live rows that match."""
        self.filters = filters
        self.buffer.clear()
        rows = self._query(limit=self.PAGE, **filters.store_kwargs()) if self._query else []
        self._programmatic = True
        self.model.reset(rows, [k for k in self.kept.values() if filters.matches(k.event)])
        self.view.scrollToBottom()
        self._programmatic = False
        self._history_done = False

    def load_older(self) -> int:
        """Prepend the page of stored events just before the oldest row shown."""
        if self._query is None:
            return 0
        before = self.model.oldest_id
        kwargs: dict[str, Any] = dict(self.filters.store_kwargs())
        if before is not None:
            kwargs["before_id"] = before
        rows = self._query(limit=self.PAGE, **kwargs)
        self._programmatic = True
        added = self.model.prepend_events(rows)
        if added:  # keep the rows the desk was reading where they were
            self.view.scrollTo(self.model.index(added, 0),
                               QAbstractItemView.ScrollHint.PositionAtTop)
        self._programmatic = False
        self._history_done = added == 0
        self.history_loaded.emit(added)
        return added

    def _scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        if (not self._programmatic and value == bar.minimum() and bar.maximum() > 0
                and not self._history_done):
            QTimer.singleShot(0, self.load_older)
