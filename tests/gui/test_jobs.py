"""The panels' job runner: busy state, each kind of outcome shown once, cancel."""

from __future__ import annotations

import concurrent.futures
import threading
from types import SimpleNamespace

from PySide6.QtWidgets import QPushButton

from app.domain.errors import KeyDeskError
from app.runtime import EventBus, JobCancelled
from app.runtime.device_thread import DeviceThread
from ui.bridge import Bridge
from ui.jobs import JobRunner


class View:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def working(self, text: str) -> None:
        self.shown.append(("working", text))

    def ok(self, text: str) -> None:
        self.shown.append(("ok", text))

    def failed(self, exc: BaseException, prefix: str = "") -> None:
        self.shown.append(("failed", prefix + str(exc)))

    def cancelled(self, text: str) -> None:
        self.shown.append(("cancelled", text))


def runner(qtbot, busy=(), cancel_button=None):
    bridge = Bridge(EventBus())
    bugs: list[BaseException] = []
    ctx = SimpleNamespace(bridge=bridge, report_error=bugs.append)
    view = View()
    return JobRunner(ctx, view, busy, cancel_button), view, bugs, bridge


def test_success_failure_and_bug_are_each_shown_once_and_release_the_busy_state(qtbot):
    button, cancel = QPushButton(), QPushButton()
    jobs, view, bugs, bridge = runner(qtbot, [button], cancel)
    assert button.isEnabled() and not cancel.isEnabled()
    futures = [concurrent.futures.Future() for _ in range(3)]
    jobs.run(lambda: futures[0], "saving…", lambda r: f"saved {r}", prefix="Lobby: ")
    assert not button.isEnabled() and cancel.isEnabled() and jobs.running
    futures[0].set_result(7)
    qtbot.waitUntil(lambda: not jobs.running, timeout=2000)
    assert button.isEnabled() and not cancel.isEnabled()
    jobs.run(lambda: futures[1], "x", lambda r: None)
    futures[1].set_exception(KeyDeskError("cloud_api", "5310", "no encoder"))
    jobs.run(lambda: futures[2], "y", lambda r: None)
    futures[2].set_exception(ZeroDivisionError("page bug"))
    qtbot.waitUntil(lambda: not jobs.running, timeout=2000)
    assert view.shown[:2] == [("working", "Lobby: saving…"), ("ok", "Lobby: saved 7")]
    assert [kind for kind, _ in view.shown[2:]] == ["working", "working", "failed", "failed"]
    assert [type(b) for b in bugs] == [ZeroDivisionError]  # the bug only is reported
    bridge.close()


def test_a_job_that_cannot_start_is_explained_and_nothing_stays_busy(qtbot):
    button = QPushButton()
    jobs, view, _bugs, bridge = runner(qtbot, [button])

    def start():
        raise KeyDeskError("cloud_http", "401", "lock cloud not configured")

    assert jobs.run(start, "x", lambda r: None) is None
    assert view.shown == [("failed", "[cloud_http 401] lock cloud not configured")]
    assert button.isEnabled() and not jobs.running
    bridge.close()


def test_cancel_before_and_while_running_is_said_quietly(qtbot):
    jobs, view, bugs, bridge = runner(qtbot)
    device = DeviceThread("test-device").start()
    try:
        started, release = threading.Event(), threading.Event()

        def blocking(ctx):
            started.set()
            while not release.wait(0.01):
                ctx.check()  # cooperative cancel, as card jobs do
            return "done"

        running = jobs.run(lambda: device.submit(blocking, "block"), "blocking…", str)
        queued = jobs.run(lambda: device.submit(lambda _c: "never", "queued"), "q…", str)
        assert started.wait(5)
        jobs.cancel()
        qtbot.waitUntil(lambda: not jobs.running, timeout=5000)
        assert running.exception(0) is not None and isinstance(running.exception(), JobCancelled)
        assert queued.cancelled()
        cancels = [text for kind, text in view.shown if kind == "cancelled"]
        assert sorted(cancels) == sorted(["block", "Cancelled before it started."])
        assert bugs == [] and not [k for k, _ in view.shown if k in ("ok", "failed")]
    finally:
        release.set()
        device.stop(2)
        bridge.close()


def test_a_closed_runner_shows_nothing_more(qtbot):
    jobs, view, _bugs, bridge = runner(qtbot)
    future: concurrent.futures.Future = concurrent.futures.Future()
    jobs.run(lambda: future, "x", lambda r: "done")
    jobs.close()
    future.set_result(1)
    bridge.flush()
    assert view.shown == [("working", "x")]
    bridge.close()
