"""Run a panel's job: busy state, the future watched on the Qt thread, the outcome shown,
cancel. The one place that sorts outcomes, so no panel re-sorts them:

- done: ``on_ok(result)`` runs, and the text it returns (if any) is shown as a success;
- cancelled (before or while running): the view says so, quietly;
- a ``KeyDeskError``: the view explains it through the catalog;
- an ``app.inputs.InputError`` (a typed value found wrong, e.g. a room no directory has):
  the view says what is wrong with it, as the person's mistake;
- anything else is a bug: the view shows it and the window reports it once (logged with
  its traceback).
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.errors import KeyDeskError
from app.i18n import worded
from app.inputs import InputError
from app.runtime import JobCancelled
from app.runtime.device_thread import JobFuture
from ui.context import UiContext

T = TypeVar("T")


class OutcomeView(Protocol):
    """Where a job's outcome is shown (``OutcomeLine``, ``ResultView``)."""

    def working(self, text: str) -> None: ...
    def ok(self, text: str) -> None: ...
    def failed(self, exc: BaseException, prefix: str = "") -> None: ...
    def cancelled(self, text: str) -> None: ...


class JobRunner:
    """The jobs of one panel. Each job's ``busy`` widgets (default: the runner's) are
    disabled while it runs; ``cancel_button`` is enabled while any job runs."""

    def __init__(self, ctx: UiContext, view: OutcomeView, busy: Sequence[QWidget] = (),
                 cancel_button: QWidget | None = None) -> None:
        self.ctx = ctx
        self.view = view
        self.busy = list(busy)
        self.cancel_button = cancel_button
        self._running: dict[concurrent.futures.Future[Any], list[QWidget]] = {}
        self.closed = False
        self._update_cancel()

    @property
    def running(self) -> bool:
        return bool(self._running)

    def run(
        self,
        start: Callable[[], concurrent.futures.Future[T]],
        working: str,
        on_ok: Callable[[T], str | None],
        *,
        prefix: str = "",
        busy: Sequence[QWidget] | None = None,
        on_finish: Callable[[], None] | None = None,
    ) -> concurrent.futures.Future[T] | None:
        """``start()`` submits the job (a ``KeyDeskError`` it raises, e.g. the cloud not
        configured, is shown like any failure); None when it did not start.
        ``on_finish`` runs when the job ends, however it ends (before its outcome shows)."""
        try:
            future = start()
        except (KeyDeskError, InputError) as exc:  # InputError: a field's value, said as such
            self.view.failed(exc, prefix)
            return None
        widgets = list(self.busy if busy is None else busy)
        self._running[future] = widgets
        for widget in widgets:
            widget.setEnabled(False)
        self._update_cancel()
        self.view.working(prefix + working)

        def finish() -> bool:
            """Release the busy state; True when the outcome should still be shown."""
            if self._running.pop(future, None) is None or self.closed:
                return False
            busy_elsewhere = {w for ws in self._running.values() for w in ws}
            for widget in widgets:
                if widget not in busy_elsewhere:
                    widget.setEnabled(True)
            self._update_cancel()
            if on_finish is not None:
                on_finish()
            return True

        def ok(result: T) -> None:
            if finish():
                text = on_ok(result)
                if text:
                    self.view.ok(prefix + text)

        def failed(exc: BaseException) -> None:
            if not finish():
                return
            if isinstance(exc, JobCancelled | concurrent.futures.CancelledError):
                said = worded(exc.args[0]) if isinstance(exc, JobCancelled) and exc.args \
                    else ""  # what the card holds, in the window's language
                said = said or QCoreApplication.translate("JobRunner", "Cancelled.")
                self.view.cancelled(prefix + said)
                return
            self.view.failed(exc, prefix)
            if not isinstance(exc, KeyDeskError | InputError):
                self.ctx.report_error(exc)  # a bug: logged with its trace, shown once

        def cancelled() -> None:
            if finish():
                self.view.cancelled(prefix + QCoreApplication.translate(
                    "JobRunner", "Cancelled before it started."))

        self.ctx.bridge.watch(future, ok, failed, on_cancel=cancelled)
        return future

    def cancel(self) -> None:
        """Ask every running job to stop (a device job is interrupted, a task cancelled)."""
        for future in list(self._running):
            if isinstance(future, JobFuture):
                future.request_cancel()  # also reaches a job already running on its device
            else:
                future.cancel()  # an asyncio task: cancelled on the loop thread

    def close(self) -> None:
        """The panel is going away: nothing more is shown."""
        self.closed = True

    def _update_cancel(self) -> None:
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(bool(self._running))
