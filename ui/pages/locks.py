"""The Locks page: commission Bluetooth locks door by door.

Locks nearby (a live scan, strongest first), the site plan with filters, and the chosen
door's steps with progress. Every radio operation runs on the loop thread through the
desk's ``LockService``; results and step events come back through the bridge, so the
window never waits on the radio.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import catalog, paths
from app.devices.locks import texts
from app.devices.locks.commission import ACTIONS, DoorResult
from app.devices.locks.plan import PlanDoor, parse_csv
from app.devices.locks.report import write_report
from app.devices.locks.service import LockSighted
from app.domain.errors import KeyDeskError
from app.domain.events import DeviceEvent
from ui.context import UiContext
from ui.locks.plan_table import PlanTable
from ui.locks.scan_list import ScanList
from ui.locks.steps import StepList
from ui.widgets.not_set_up import SetupHint, missing_for
from ui.widgets.outcome_line import OutcomeLine

log = logging.getLogger(__name__)

SCAN_SECONDS = 4.0
WAKE_SECONDS = 30.0  # how long a demo lock advertises after "I am at this door"


class LocksPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        assert ctx.services.locks is not None  # built by open_desk (start_locks asserts it)
        self.service = ctx.services.locks
        self.plan_error: KeyDeskError | None = None
        try:
            ctx.services.start_locks()
        except KeyDeskError as exc:  # a damaged plan file: the page still scans
            self.plan_error = exc
        self._door_future: Any = None
        self._active_mac: str | None = None
        self._active_room: str = ""
        self.last_result: DoorResult | None = None
        self.last_report: dict[str, Any] | None = None
        self._build()
        ctx.bridge.subscribe(
            self._on_event, LockSighted, DeviceEvent, owner=self,
            where=lambda e: isinstance(e, LockSighted) or getattr(e, "kind", "") == "lock")
        self.refresh_plan()
        if self.plan_error is not None:
            self.outcome.failed(self.plan_error)

    # -- layout ----------------------------------------------------------------------------
    def _button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        return b

    def _build(self) -> None:
        self.radio_label = QLabel()
        self.progress_label = QLabel()
        self.scan_button = self._button(self.tr("Scan"), self.scan)
        self.wake_button = self._button(self.tr("I am at this door (wake it)"), self.wake)
        self.wake_button.setVisible(self.ctx.demo is not None)
        self.wake_button.setToolTip(self.tr("Simulated site: touch the chosen door's lock "
                                            "so it advertises"))
        self.import_cloud_button = self._button(self.tr("Plan from the cloud"),
                                                self.import_from_cloud)
        self.import_csv_button = self._button(self.tr("Plan from a CSV…"), self.import_csv)
        self.report_button = self._button(self.tr("Write the site report"), self.report)
        self.open_report_button = self._button(self.tr("Open the report"), self.open_report)
        self.open_report_button.setEnabled(False)
        top = QHBoxLayout()
        for w in (self.scan_button, self.wake_button, self.import_cloud_button,
                  self.import_csv_button, self.report_button, self.open_report_button):
            top.addWidget(w)
        top.addStretch(1)

        self.scan_list = ScanList(self)
        self.scan_list.itemSelectionChanged.connect(self._scan_selected)
        nearby = QGroupBox(self.tr("Locks nearby"))
        QVBoxLayout(nearby).addWidget(self.scan_list)

        self.filter = QComboBox()
        for text, value in ((self.tr("All doors"), None), (self.tr("To do"), "todo"),
                            (self.tr("Failed"), "failed"), (self.tr("Revisit"), "revisit"),
                            (self.tr("Done"), "done")):
            self.filter.addItem(text, value)
        self.filter.currentIndexChanged.connect(self.refresh_plan)
        self.plan_table = PlanTable(self)
        self.plan_table.itemSelectionChanged.connect(self._plan_selected)
        plan_box = QGroupBox(self.tr("Site plan"))
        plan_layout = QVBoxLayout(plan_box)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.progress_label, 1)
        filter_row.addWidget(QLabel(self.tr("Show")))
        filter_row.addWidget(self.filter)
        plan_layout.addLayout(filter_row)
        plan_layout.addWidget(self.plan_table)

        split = QSplitter(self)
        split.addWidget(nearby)
        split.addWidget(plan_box)
        split.setSizes([520, 480])

        self.door_label = QLabel(self.tr("Choose a door in the plan or a lock nearby."))
        self.commission_button = self._button(self.tr("Commission"),
                                              lambda: self.run_action("commission"))
        self.open_button = self._button(self.tr("Test open"), lambda: self.run_action("open"))
        self.clock_button = self._button(self.tr("Set clock"), lambda: self.run_action("clock"))
        self.log_button = self._button(self.tr("Read log"), lambda: self.run_action("log"))
        self.info_button = self._button(self.tr("Identify"), lambda: self.run_action("info"))
        self.cancel_button = self._button(self.tr("Cancel"), self.cancel)
        self.cancel_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.door_label, 1)
        for b in (self.commission_button, self.open_button, self.clock_button, self.log_button,
                  self.info_button, self.cancel_button):
            actions.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m steps"))
        self.steps = StepList(self)
        self.outcome = OutcomeLine(self.ctx)
        door_box = QGroupBox(self.tr("This door"))
        door_layout = QVBoxLayout(door_box)
        door_layout.addLayout(actions)
        door_layout.addWidget(self.progress)
        door_layout.addWidget(self.steps)
        door_layout.addWidget(self.outcome)

        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<h2>" + self.tr("Locks") + "</h2>"))
        heading.addWidget(self.radio_label, 1)
        layout.addLayout(heading)
        # The scan works without set-up; the cloud plan and token locks need the cloud.
        self.setup_hint = SetupHint(self.ctx, missing_for(self.ctx, "locks"))
        layout.addWidget(self.setup_hint)
        layout.addLayout(top)
        layout.addWidget(split, 3)
        layout.addWidget(door_box, 2)
        self._show_radio()

    def _show_radio(self) -> None:
        radio = self.service.radio if self.service else None
        if radio is not None and radio.simulated:
            self.radio_label.setText(self.tr("Radio: simulated site at %1").replace(
                "%1", radio.sim))
        else:
            self.radio_label.setText(self.tr("Radio: this PC's Bluetooth"))

    # -- plan ----------------------------------------------------------------------------
    def _reason_title(self, code: str) -> str:
        info = catalog.explain_error(KeyDeskError("lock", code))
        return str(info.get("title") or code)

    def refresh_plan(self) -> None:
        plan = self.service.plan if self.service else None
        if plan is None:
            self.progress_label.setText(self.tr("No site plan"))
            return
        status = self.filter.currentData()
        self.plan_table.show_doors(plan.doors(status), self._reason_title)
        s = plan.summary()
        nxt = plan.next_door()
        text = self.tr("%1 of %2 doors").replace("%1", str(s.finished)).replace("%2",
                                                                                str(s.total))
        if nxt is not None:
            text += " — " + self.tr("next: %1").replace("%1", nxt.room)
        self.progress_label.setText(text)

    def import_from_cloud(self) -> None:
        self.outcome.info(self.tr("Reading the cloud's room directory…"))
        self.ctx.bridge.watch(self.service.import_directory(), self._imported,
                              self.outcome.failed)

    def choose_csv(self) -> Path | None:
        """Ask for the plan file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Site plan (CSV: room,mac)"),
                                              "", self.tr("CSV files (*.csv)"))
        return Path(name) if name else None

    def import_csv(self) -> None:
        path = self.choose_csv()
        if path is None or self.service.plan is None:
            return
        plan, service = self.service.plan, self.service
        try:
            service.authorise("plan.import", target=path.name)
        except KeyDeskError as exc:
            self.outcome.failed(exc)
            return

        async def load() -> int:
            text = await asyncio.to_thread(path.read_text, encoding="utf-8")
            count = await asyncio.to_thread(plan.import_doors, parse_csv(text, path.name))
            await asyncio.to_thread(service.record, "plan.import",
                                    detail={"source": path.name, "doors": count})
            return count
        self.ctx.bridge.watch(self.ctx.runtime.loop.submit(self._explained(load())),
                              self._imported, self.outcome.failed)

    async def _explained(self, coro):
        try:
            return await coro
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyDeskError("lock", "plan-file", str(exc)) from None

    def _imported(self, count: int) -> None:
        self.refresh_plan()
        self.outcome.ok(self.tr("%1 doors in the plan.").replace("%1", str(count)))

    # -- choosing a door -----------------------------------------------------------------
    def _plan_selected(self) -> None:
        room = self.plan_table.selected_room()
        if room and self.service.plan is not None:
            door = self.service.plan.door(room)
            if door is not None:
                self._choose(door.mac, door.room)

    def _scan_selected(self) -> None:
        mac = self.scan_list.selected_mac()
        if mac:
            s = self.scan_list.sightings.get(mac)
            self._choose(mac, s.room if s else "")

    def _choose(self, mac: str, room: str) -> None:
        if self._door_future is not None:
            return  # the running door stays the door
        self._active_mac, self._active_room = mac, room
        label = room or self.tr("not in the site list")
        self.door_label.setText(self.tr("Door: %1 (lock %2)").replace("%1", label).replace(
            "%2", mac))

    def _target(self) -> PlanDoor | None:
        if self._active_mac:
            return PlanDoor(self._active_room, self._active_mac)
        plan = self.service.plan
        nxt = plan.next_door() if plan is not None else None
        if nxt is not None:
            self._choose(nxt.mac, nxt.room)
            self.plan_table.select_room(nxt.room)
        return nxt

    # -- the radio -----------------------------------------------------------------------
    def scan(self) -> None:
        self.scan_list.clear_sightings()
        self.scan_button.setEnabled(False)
        self.outcome.info(self.tr("Scanning… wake the lock if it is not in the list."))
        self.ctx.bridge.watch(self.service.scan(SCAN_SECONDS), self._scanned, self._scan_failed)

    def _scanned(self, sightings: list) -> None:
        self.scan_button.setEnabled(True)
        for s in sightings:
            self.scan_list.add(s)
        if sightings:
            self.outcome.ok(self.tr("%1 locks advertising.").replace("%1", str(len(sightings))))
        else:
            self.outcome.info(self.tr("No lock is advertising: touch the lock's keypad to "
                                      "wake it, stand close, and scan again."))

    def _scan_failed(self, exc: BaseException) -> None:
        self.scan_button.setEnabled(True)
        self.outcome.failed(exc)

    def wake(self) -> None:
        """Demo only: "I am at this door" touches the chosen door's simulated lock."""
        demo = self.ctx.demo
        door = self._target()
        if demo is None or demo.locks is None or door is None:
            return
        from app.devices.locks.sim.cli import control

        address, room, mac = demo.locks.address, door.room, door.mac
        request = {"cmd": "wake", "mac": mac, "seconds": WAKE_SECONDS}
        future = self.ctx.runtime.loop.submit(asyncio.to_thread(control, address, request))
        self.ctx.bridge.watch(future, lambda _a: self._woken(room or mac), self.outcome.failed)

    def _woken(self, what: str) -> None:
        self.outcome.info(self.tr("The lock of %1 is awake.").replace("%1", what))
        self.scan()

    def run_action(self, action: str) -> None:
        door = self._target()
        if door is None:
            self.outcome.info(self.tr("Choose a door in the plan or a lock nearby."))
            return
        if self._door_future is not None:
            return
        self._active_mac, self._active_room = door.mac, door.room
        self.steps.start(ACTIONS[action])
        self.progress.setRange(0, len(ACTIONS[action]))
        self.progress.setValue(0)
        self._set_busy(True)
        self.outcome.info(self.tr("Working on %1…").replace("%1", door.room or door.mac))
        future = self.service.run(action, room=door.room or None,
                                  mac=None if door.room else door.mac)
        self._door_future = future
        self.ctx.bridge.watch(future, self._door_done, self._door_failed)
        # Cancellation is silent in the bridge: the step events and door.cancelled tell it.

    def cancel(self) -> None:
        if self.service.cancel():
            self.outcome.info(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        for b in (self.commission_button, self.open_button, self.clock_button,
                  self.log_button, self.info_button, self.scan_button):
            b.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _door_done(self, result: DoorResult) -> None:
        self._door_future = None
        self.last_result = result
        self._set_busy(False)
        for step in result.steps:
            self.steps.update_step(step.name, step.status, self._why(step))
        self.progress.setValue(self.steps.finished_count())
        self.refresh_plan()
        where = result.room or result.mac
        if result.outcome == "done":
            self.outcome.ok(self.tr("%1: every step passed.").replace("%1", where))
        elif result.outcome == "revisit":
            self.outcome.failed(KeyDeskError("lock", result.reason, result.lock_state),
                                prefix=self.tr("%1 works but needs a revisit: ").replace(
                                    "%1", where))
        else:
            failed = next((s for s in result.steps if s.status == "failed"), None)
            self.outcome.failed(KeyDeskError("lock", result.reason,
                                             failed.detail if failed else "",
                                             state=result.lock_state),
                                prefix=f"{where}: ")

    def _door_failed(self, exc: BaseException) -> None:
        self._door_future = None
        self._set_busy(False)
        self.outcome.failed(exc)

    def _why(self, step) -> str:
        return self._explain_step(step.status, step.code, step.note, step.args, step.detail)

    def _explain_step(self, status: str, code: str, note: str, args: dict[str, Any],
                      detail: str) -> str:
        """The step's note in the UI language; a failure leads with the catalog's title."""
        said = texts.note(note, **args) if note else detail
        if code and status in ("failed", "warning"):
            return f"{self._reason_title(code)} — {said}".strip(" —")
        return said

    # -- bus events (Qt thread) ----------------------------------------------------------
    def _on_event(self, event: object) -> None:
        if isinstance(event, LockSighted):
            self.scan_list.add(event.sighting)
            return
        if not isinstance(event, DeviceEvent) or event.kind != "lock":
            return
        if event.payload.get("device") != self._active_mac:
            return
        if event.code.startswith("step."):
            p = event.payload
            why = self._explain_step(str(p.get("status")), str(p.get("reason") or ""),
                                     str(p.get("note") or ""), dict(p.get("args") or {}),
                                     str(p.get("detail") or ""))
            self.steps.update_step(str(p.get("step")), str(p.get("status")), why)
            self.progress.setValue(self.steps.finished_count())
        elif event.code == "door.cancelled":
            self._door_future = None
            self._set_busy(False)
            self.refresh_plan()
            self.outcome.info(self.tr("Cancelled. The lock: %1").replace(
                "%1", str(event.payload.get("lock_state", ""))))

    # -- report --------------------------------------------------------------------------
    def report_dir(self) -> Path:
        return paths.data_dir() / "locks" / "reports"

    def report(self) -> None:
        plan = self.service.plan
        if plan is None:
            return
        lang = self.ctx.settings.language
        service = self.service
        technician = service.config.technician
        out = self.report_dir()
        try:
            service.authorise("report", target=str(out))
        except KeyDeskError as exc:
            self.outcome.failed(exc)
            return

        def write() -> dict[str, Any]:
            info = write_report(plan, out, technician=technician, lang=lang)
            service.record("report", detail={"csv": info["csv"], "html": info["html"]})
            return info
        future = self.ctx.runtime.loop.submit(asyncio.to_thread(write))
        self.ctx.bridge.watch(future, self._reported, self.outcome.failed)

    def _reported(self, info: dict[str, Any]) -> None:
        self.last_report = info
        self.open_report_button.setEnabled(True)
        self.outcome.ok(self.tr("Site report written: %1").replace("%1", info["html"]))

    def open_report(self) -> None:
        if self.last_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_report["html"]))

    def shutdown(self) -> None:
        self.service.cancel()
