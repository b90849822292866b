"""The Monitor page's reader actions: "Set clock" (to the PC's time), door states, and
"Open door…" behind a confirmation.

Runs through the page's running ``ReaderMonitor`` (its sessions are already logged in, and
``set_clock`` updates the drift it reports). Every action is recorded in the audit trail
on the loop thread; results and failures (explained through the catalog) go to the page's
outcome line. Nothing here blocks the window: the confirmation is a window-modal message
box opened with ``open()``, answered through a signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from app.access.api import ClockCheck, drift_words
from app.access.desk import audited
from app.access.monitor import ReaderMonitor
from app.domain.errors import KeyDeskError
from ui import formats
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.monitor.device_status import DeviceStatusTable
from ui.widgets.outcome_line import OutcomeLine

if TYPE_CHECKING:
    from app.store.backend import AuditBackend

log = logging.getLogger(__name__)
MAX_DOORS = 4  # door discovery stops here (access readers drive one to four doors)


class DeviceActions(QObject):
    def __init__(self, ctx: UiContext, table: DeviceStatusTable, line: OutcomeLine,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.line = line
        self.parent_widget = parent
        self.monitor: ReaderMonitor | None = None
        self.confirm_box: QMessageBox | None = None  # the open-door question, while asked
        self._closed = False
        self.jobs = JobRunner(ctx, line)
        table.set_clock_requested.connect(self.set_clock)
        table.open_door_requested.connect(self.ask_open_door)

    def attach(self, monitor: ReaderMonitor) -> None:
        """Offer the actions for the monitor's readers and read their first door's state."""
        self.monitor = monitor
        names = monitor.names
        self.table.enable_actions(names)
        for name in names:
            self.read_door(name, 0, quiet=True, discover=True)

    def audit(self) -> AuditBackend:
        return self.ctx.services.audit

    def _submit(self, what: str, name: str, detail: dict[str, Any], op: Any) -> Any:
        coro = audited(self.audit(), what, name, name, detail, op)
        return self.ctx.runtime.loop.submit(coro)

    def _failed(self, name: str, exc: BaseException) -> None:
        if self._closed:
            return
        self.line.failed(exc, prefix=f"{name}: ")
        if not isinstance(exc, KeyDeskError):
            self.ctx.report_error(exc)  # a bug: logged with its trace, shown once

    def _run(self, what: str, name: str, detail: dict[str, Any], op: Any, working: str,
             on_ok: Callable[[Any], str | None]) -> Any:
        """An audited reader call, its outcome on the device line as "<reader>: ..."."""
        return self.jobs.run(lambda: self._submit(what, name, detail, op), working, on_ok,
                             prefix=f"{name}: ")

    # -- clock -----------------------------------------------------------------------------

    def set_clock(self, name: str) -> Any:
        if self.monitor is None:
            return None

        def ok(check: ClockCheck) -> str:
            self.table.set_drift(name, check.drift_seconds)
            return self.tr("clock set to this PC's time ({time}); drift now {drift}.").format(
                time=formats.when(check.device_time, seconds=True),
                drift=drift_words(check.drift_seconds))

        return self._run("set_clock", name, {}, self.monitor.set_clock(name),
                         self.tr("setting the clock to this PC's time…"), ok)

    # -- doors -----------------------------------------------------------------------------

    def read_door(self, name: str, door: int, quiet: bool = False,
                  discover: bool = False) -> Any:
        """Ask the reader for one door's state (0-based door; the API's channel is 1-based).

        ``discover``: then ask for the next door too, until the reader says there is none
        (the configuration does not say how many doors a reader has)."""
        if self.monitor is None:
            return None

        def ok(status: str) -> None:
            if not self._closed:
                self.table.set_door(name, door, status)
                if discover and door + 1 < MAX_DOORS:
                    self.read_door(name, door + 1, quiet=True, discover=True)

        def err(exc: BaseException) -> None:
            if quiet:  # background refresh / no such door: the state row already says why
                log.info("door state of %s: %s", name, exc)
            else:
                self._failed(name, exc)

        fut = self.monitor.call(name, lambda api: api.door_status(door + 1))
        return self.ctx.bridge.watch(fut, ok, err)

    def known_doors(self, name: str) -> list[int]:
        row = self.table.devices.get(name)
        return sorted(set(row.doors) | {0}) if row is not None else [0]

    def ask_open_door(self, name: str) -> QMessageBox | None:
        """Ask which door to open, and whether to; nothing is sent until a door is chosen."""
        if self.monitor is None:
            return None
        if self.confirm_box is not None:
            self.confirm_box.reject()  # one question at a time
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Open door"))
        box.setText(self.tr("Open a door of {reader} now?").format(reader=name))
        box.setInformativeText(self.tr("The door unlocks at once: whoever is there can walk "
                                       "in. This is recorded in the audit trail."))
        doors: dict[QAbstractButton, int] = {}
        for door in self.known_doors(name):
            button = box.addButton(self.tr("Open door {door}").format(door=door + 1),
                                   QMessageBox.ButtonRole.AcceptRole)
            doors[button] = door
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)

        def answered(_result: int) -> None:
            if self.confirm_box is box:
                self.confirm_box = None
            door = doors.get(box.clickedButton())  # None: Cancel, Esc, closed
            box.deleteLater()
            if self._closed:
                return
            if door is None:
                self.line.info(self.tr("{reader}: no door opened (cancelled).").format(reader=name))
            else:
                self.open_door(name, door)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()  # window-modal, returns at once: the window keeps running
        return box

    def open_door(self, name: str, door: int) -> Any:
        """Open ``door`` (0-based) — only called after the desk confirmed."""
        if self.monitor is None:
            return None
        api = self.monitor.api(name)

        def ok(_result: Any) -> str:
            self.table.set_door(name, door, "Open")
            self.read_door(name, door, quiet=True)
            return self.tr("door {door} opened.").format(door=door + 1)

        return self._run("open_door", name, {"door": door + 1}, api.open_door(door + 1),
                         self.tr("opening door {door}…").format(door=door + 1), ok)

    def shutdown(self) -> None:
        self._closed = True
        self.jobs.close()
        if self.confirm_box is not None:
            self.confirm_box.reject()
            self.confirm_box = None
