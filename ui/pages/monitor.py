"""The Monitor page: who went where, who was refused and why, every alarm — live.

The page owns the window session's event store (``data_dir()/events.sqlite3``): it
attaches it to the runtime bus, so every ``DeviceEvent`` from any source is stored, and
it shows rows only from ``StoredEvents`` (published after the commit) — what the desk
sees is already on disk. It also starts the readers' live monitoring for the configured
readers (``app.access.start_monitoring``) and stops everything in :meth:`shutdown`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.access.monitor import ReaderMonitor
from app.domain.errors import KeyDeskError
from app.domain.events import BusEvent, DeviceForgotten, DeviceStateChanged
from app.domain.stored import (
    AlarmAcknowledged,
    KeptEvent,
    KeptEvents,
    KeptEventsSent,
    StoredEvents,
    StoreHealth,
)
from app.i18n import resolve_language
from ui import formats
from ui.context import UiContext
from ui.monitor.alarm_banner import AlarmBanner
from ui.monitor.describe import raises_alarm
from ui.monitor.device_actions import DeviceActions
from ui.monitor.device_status import DeviceStatusTable
from ui.monitor.filters import FilterBar, Filters
from ui.monitor.live_table import LiveEventTable
from ui.monitor.store_health import StoreHealthBanner
from ui.monitor.table_model import RowTextRole
from ui.widgets.not_set_up import SetupHint, missing_for
from ui.widgets.outcome_line import OutcomeLine

if TYPE_CHECKING:
    from app.store.backend import EventBackend

log = logging.getLogger(__name__)


class MonitorPage(QWidget):
    STATUS_MS = 1000

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        # Both owned by the desk (app.services): they work whether or not this page exists.
        self.store: EventBackend | None = ctx.services.events
        self.reader_monitor: ReaderMonitor | None = ctx.services.readers
        self._closed = False
        lang = resolve_language()  # the preferred language: keydesk --lang, else the setting

        self.setup_hint = SetupHint(ctx, missing_for(ctx, "readers"))  # no reader yet
        self.store_health = StoreHealthBanner(lang, self)  # "events are NOT being kept"
        self.banner = AlarmBanner()
        self.banner.acknowledge_requested.connect(self._acknowledge)
        self.devices = DeviceStatusTable()
        self.devices.setMaximumHeight(150)
        self.devices.setMinimumHeight(110)  # header and three readers, whatever else grows
        # Set clock / door states / Open door… for the monitored readers; results here.
        self.device_line = OutcomeLine(ctx)
        self.device_actions = DeviceActions(ctx, self.devices, self.device_line, self)
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filters_changed)
        self.table = LiveEventTable(lang=lang)
        self.table.rows_added.connect(lambda _n: self._update_counts())
        self.table.history_loaded.connect(self._history_loaded)
        self.table.view.selectionModel().currentRowChanged.connect(self._selected)
        self.banner.drift = self.table.model.drift  # the alarm's time on the table's clock
        self.older = QPushButton(self.tr("Load older"))
        self.older.clicked.connect(self.table.load_older)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self._export_clicked)
        self.counts = QLabel()
        self.detail = QLabel(self.tr("Select an event to read it in full."))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explain = QPushButton(self.tr("Explain this code"))
        self.explain.setEnabled(False)
        self.explain.clicked.connect(self._explain_clicked)
        self._explain_target: tuple[str, str] | None = None

        bar = QHBoxLayout()
        bar.addWidget(self.filter_bar, 1)
        bar.addWidget(self.older)
        bar.addWidget(self.export)
        # A long event scrolls inside its pane: it never pushes the device table aside.
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        detail_box = QWidget()
        detail_row = QHBoxLayout(detail_box)
        detail_row.setContentsMargins(0, 0, 0, 0)
        detail_row.addWidget(detail_scroll, 1)
        detail_row.addWidget(self.explain, 0, Qt.AlignmentFlag.AlignTop)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("monitor_split")  # its sizes are remembered (ui.window_state)
        split.addWidget(self.table)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<h2>{}</h2>".format(self.tr("Monitor"))))
        heading.addStretch(1)
        heading.addWidget(self.counts)
        layout.addLayout(heading)
        layout.addWidget(self.setup_hint)
        layout.addWidget(self.store_health)
        layout.addWidget(self.banner)
        layout.addWidget(self.devices)
        layout.addWidget(self.device_line)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self._events = ctx.bridge.subscribe(
            self._on_bus_event, StoredEvents, DeviceStateChanged, AlarmAcknowledged,
            StoreHealth, DeviceForgotten, KeptEvents, KeptEventsSent, owner=self)
        self._show_store()
        if self.reader_monitor is not None:
            self.device_actions.attach(self.reader_monitor)
        self._status_timer = QTimer(self, interval=self.STATUS_MS)
        self._status_timer.timeout.connect(self._poll_status)
        self._status_timer.start()
        self._update_counts()

    # -- store and readers ---------------------------------------------------------------

    def _show_store(self) -> None:
        if self.store is None:  # a broken or newer file: the page still shows live state
            self.store_health.unavailable(self.ctx.services.events_error)
            return
        self.store_health.show_health(self.store.health())
        self.table.set_query(self.store.query)
        self._kept(self.store.kept())  # after subscribing: none is missed
        self.table.apply_filters(Filters())
        # Alarms nobody acknowledged (even before a crash) must still be acknowledged.
        self.banner.raise_alarms(list(reversed(self.store.unacknowledged_alarms())))

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._status_timer.stop()
        self.table.stop()
        self.device_actions.shutdown()
        self.ctx.bridge.unsubscribe(self._events)

    # -- events --------------------------------------------------------------------------

    def _on_bus_event(self, event: BusEvent) -> None:  # one of the types subscribed to
        if isinstance(event, StoredEvents):
            for e in event.events:
                self.filter_bar.add_device(e.device)
            self.table.offer(event.events)
            self.devices.on_stored(event.events)
            alarms = [e for e in event.events if raises_alarm(e)]
            if alarms:
                self.banner.raise_alarms(alarms)
        elif isinstance(event, KeptEvents):  # the site store is away: kept on this desk
            self._kept(event.events)
        elif isinstance(event, KeptEventsSent):
            self.table.sent(event.origins)
            self.banner.kept_sent(event.origins)
            self._update_counts()
        elif isinstance(event, StoreHealth):
            self.store_health.show_health(event)
        elif isinstance(event, DeviceStateChanged):
            self.devices.on_state(event)
        elif isinstance(event, AlarmAcknowledged):
            self.banner.acknowledged(list(event.event_ids))
        elif isinstance(event, DeviceForgotten):  # removed in Settings: its row goes
            self.devices.forget(event.source)

    def _kept(self, items: Sequence[KeptEvent]) -> None:
        """Events this desk keeps while the site store is away: shown, marked as such."""
        kept = tuple(k.event for k in items)
        for e in kept:
            self.filter_bar.add_device(e.device)
        self.table.keep(items)
        self.devices.on_stored(kept)
        self.banner.raise_kept([k for k in items if raises_alarm(k.event)])

    def _poll_status(self) -> None:
        monitor = self.ctx.services.readers  # Settings may have started it, or changed it
        if monitor is not None and (monitor is not self.reader_monitor
                                    or set(monitor.names) != self.devices.actionable):
            self.reader_monitor = monitor
            self.device_actions.attach(monitor)
        if self.reader_monitor is not None:
            for status in self.reader_monitor.statuses().values():
                self.devices.on_reader_status(status)
                if status.clock_drift is not None:  # later rows: on this PC's clock
                    self.table.model.set_drift(status.name, status.clock_drift)
        self.devices.refresh()

    def _acknowledge(self, event_ids: list[int]) -> None:
        if self.store is None:
            self.banner.acknowledged(event_ids)
            return
        who = self.ctx.services.operators.actor()[0]  # the operator holding the desk
        self.ctx.services.audit.record("alarm.acknowledge", target=", ".join(map(str, event_ids)),
                                       detail={"events": event_ids})
        self.ctx.bridge.watch(
            self.store.acknowledge_later(event_ids, by=who),
            lambda _n: self.banner.acknowledged(event_ids),
            self._ack_failed,
        )

    def _ack_failed(self, exc: BaseException) -> None:
        self.banner.ack.setEnabled(True)
        self.ctx.report_error(exc)

    # -- filters, history, detail, export ------------------------------------------------

    def _filters_changed(self, filters: Filters) -> None:
        self.table.apply_filters(filters)
        self._update_counts()

    def _history_loaded(self, added: int) -> None:
        self._update_counts()
        if not added:
            self.counts.setText(self.counts.text() + " — " + self.tr("nothing older in the store"))

    def _update_counts(self) -> None:
        shown = self.table.model.rowCount()
        skipped = self.table.skipped
        said = self.tr("{shown} events shown").format(shown=formats.number(shown))
        if skipped:
            said += " " + self.tr("({skipped} skipped while busy: in the store)").format(
                skipped=formats.number(skipped))
        kept = self.table.model.kept_count
        if kept:
            said += " " + self.tr("({kept} of them kept on this desk, not yet in the site "
                                  "store)").format(kept=formats.number(kept))
        self.counts.setText(said)

    def _selected(self, current: Any, _previous: Any) -> None:
        text = current.data(RowTextRole) if current.isValid() else None
        if text is None:
            return
        kept = ""
        if self.table.model.is_kept(current.row()):
            kept = self.tr("Kept on this desk, not yet in the site store: it is sent when "
                           "the server is back.") + "\n"
        self.detail.setText(f"{kept}{text.time} · {text.reader}\n{text.detail}")
        self._explain_target = text.explain
        self.explain.setEnabled(text.explain is not None)

    def _explain_clicked(self) -> None:
        if self._explain_target is not None:
            self.ctx.show_explanation(*self._explain_target)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export events"), "events.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Any:
        """Export what the filters show, on a background job (a big file takes a while)."""
        if self.store is None:
            return None
        try:  # exports are a manager's (refusals explained and audited)
            self.ctx.services.operators.require("export", what="events.export",
                                                target=Path(path).name)
        except KeyDeskError as exc:
            self.ctx.report_error(exc)
            return None
        store, kwargs = self.store, self.table.filters.store_kwargs()
        audit = self.ctx.services.audit

        def export(_job: Any) -> int:
            count = store.export_csv(path, **kwargs)
            audit.record("events.export", target=Path(path).name,
                         detail={"rows": count, **{k: str(v) for k, v in kwargs.items()}})
            return count

        job = self.ctx.runtime.device_thread("event-export").submit(export, job="export")
        return self.ctx.bridge.watch(
            job, lambda n: self.counts.setText(self.tr("Exported {n} events to {path}").format(
                n=formats.number(n), path=path)))
