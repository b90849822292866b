"""Issue 11: every option of every command, fuzzed. Whatever is typed, a command ends with
exit status 0, 1 or 2, prints no traceback, and does not hang.

Commands and options come from the parser itself (``tests/integration/cli_fuzz.py``), so a
new one is fuzzed without a line here. Most examples run in-process (fast); a sample goes
through the real ``python -m ui.entry``. Examples are derandomized, so CI sees the same ones
every run; ``KEYDESK_FUZZ_EXAMPLES`` raises their number for a longer hunt.
"""

from __future__ import annotations

import _thread
import contextlib
import faulthandler
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from app.cli.main import build_parser
from tests.integration.cli_fuzz import Command, argv_for, commands, runs_until_stopped

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = list(commands(build_parser()))
EXAMPLES = int(os.environ.get("KEYDESK_FUZZ_EXAMPLES", "6"))
ENDS_WITHIN = 15.0  # seconds: a command against closed loopback ports is done long before
STOP_AFTER = 0.6  # seconds before a serving command gets its Ctrl+C
STOPS_WITHIN = 10.0  # seconds for it to end after Ctrl+C
PRESS_AGAIN = 2.0  # seconds between presses of Ctrl+C while it still runs
TRACEBACK = "Traceback (most recent call last)"
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@pytest.fixture
def fuzz_env(tmp_path, monkeypatch):
    """A home of its own, no real keyring, a reader password (so reader commands go as
    far as the closed port), no cloud account, no terminal to ask on."""
    monkeypatch.chdir(tmp_path)  # a relative path in a value lands here
    for key in list(os.environ):
        if key.startswith("KEYDESK_") and key != "KEYDESK_HOME":
            monkeypatch.delenv(key)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("KEYDESK_READER_PASSWORD", "fuzz-password")
    monkeypatch.setenv("KEYDESK_LOCK_SIM", "127.0.0.1:1")  # never this PC's Bluetooth radio
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return tmp_path


class Run:
    """One in-process run of ``main(argv)`` with stdout/stderr captured, a Ctrl+C after
    ``stop_after`` seconds (as a person would), and thread failures recorded."""

    def __init__(self, argv: list[str], stop_after: float) -> None:
        self.argv = argv
        self.rc: object = None
        self.out = io.StringIO()
        self.err = io.StringIO()
        self.thread_errors: list[str] = []
        self.interrupted = False
        self.presses = 0
        self.sigint = ""  # the SIGINT handler left behind, when not Python's own
        self.seconds = 0.0
        self.stacks = ""  # every thread's stack, should it still run long after Ctrl+C
        self._stacks = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._running = True
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._stop_after = stop_after

    def _watch(self, started: float) -> None:
        """Ctrl+C once ``stop_after`` has passed and the command has said something (a
        simulator announces its address, monitor its connection state): a person presses
        it at a prompt, not while the program is still starting up. Should the command
        still run, Ctrl+C again every ``PRESS_AGAIN`` s, as a person would (``check`` still
        wants the run over within ``STOP_AFTER + STOPS_WITHIN``)."""
        while True:
            elapsed = time.monotonic() - started
            spoke = bool(self.out.getvalue() or self.err.getvalue())
            if elapsed >= self._stop_after and (spoke or elapsed >= self._stop_after + 5):
                break
            if self._done.wait(0.05):
                return
        while True:
            with self._lock:
                if not self._running:
                    return
                self.interrupted = True
                self.presses += 1
                _thread.interrupt_main()
            if self._done.wait(PRESS_AGAIN):
                return

    def go(self) -> Run:
        from app.cli.main import main

        def thread_failed(info: threading.ExceptHookArgs) -> None:
            name = info.thread.name if info.thread else "?"
            self.thread_errors.append(f"{name}: {info.exc_type.__name__}")

        timer = threading.Thread(target=self._watch, args=(time.monotonic(),), daemon=True)
        previous_hook = threading.excepthook
        threading.excepthook = thread_failed
        start = time.monotonic()
        # Should even Ctrl+C not end it, every thread's stack goes to a file this run's
        # failure text shows (pytest captures the real stderr).
        faulthandler.dump_traceback_later(self._stop_after + STOPS_WITHIN + 20,
                                          file=self._stacks)
        try:
            with contextlib.redirect_stdout(self.out), contextlib.redirect_stderr(self.err):
                timer.start()
                try:
                    self.rc = main(self.argv)
                except SystemExit as exc:  # argparse's usage errors and --help
                    self.rc = exc.code if exc.code is not None else 0
                except KeyboardInterrupt:
                    self.rc = 130
                finally:
                    with self._lock:
                        self._running = False
                    self._done.set()
                    self._absorb_late_interrupt()
        finally:
            faulthandler.cancel_dump_traceback_later()
            self._stacks.seek(0)
            self.stacks = self._stacks.read()
            self._stacks.close()
            threading.excepthook = previous_hook
            self.seconds = time.monotonic() - start
            handler = signal.getsignal(signal.SIGINT)
            if handler is not signal.default_int_handler:
                # A command that leaves its own handler behind would swallow the next
                # command's Ctrl+C (as it would a second run in one process): say so.
                self.sigint = repr(handler)
                signal.signal(signal.SIGINT, signal.default_int_handler)
        return self

    def _absorb_late_interrupt(self) -> None:
        """A Ctrl+C sent as the command was returning is delivered a moment later."""
        if not self.interrupted:
            return
        with contextlib.suppress(KeyboardInterrupt):
            deadline = time.monotonic() + 0.2
            while time.monotonic() < deadline:
                pass

    def explain(self) -> str:
        return (f"keydesk {' '.join(map(repr, self.argv))}\nrc={self.rc} in "
                f"{self.seconds:.1f} s, interrupted={self.interrupted} "
                f"(Ctrl+C pressed {self.presses} times)\n--- stdout\n"
                f"{self.out.getvalue()[-2000:]}\n--- stderr\n{self.err.getvalue()[-3000:]}"
                + (f"\n--- every thread, still running\n{self.stacks[-6000:]}"
                   if self.stacks else ""))


def check(run: Run, serving: bool) -> None:
    text = run.explain()
    assert TRACEBACK not in run.err.getvalue() and TRACEBACK not in run.out.getvalue(), text
    assert not run.thread_errors, f"{run.thread_errors}\n{text}"
    assert not run.sigint, f"left SIGINT handled by {run.sigint}\n{text}"
    if serving and run.interrupted:
        assert run.rc in (0, 1, 2, 130), text
        assert run.seconds < STOP_AFTER + STOPS_WITHIN, f"slow to stop on Ctrl+C\n{text}"
    else:
        assert not run.interrupted, f"hung: still running after {ENDS_WITHIN} s\n{text}"
        assert run.rc in (0, 1, 2), text


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_every_option_in_process(command: Command, fuzz_env):
    serving = runs_until_stopped(command)

    @FUZZ
    @given(argv_for(command))
    def fuzz(argv: list[str]) -> None:
        check(Run(argv, STOP_AFTER if serving else ENDS_WITHIN).go(), serving)

    fuzz()


def _subprocess(argv: list[str], env: dict[str, str], cwd: Path, serving: bool) -> tuple:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.entry", *argv], cwd=cwd, env=env, text=True,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        encoding="utf-8", errors="replace")
    interrupted = False
    try:
        out, err = proc.communicate(timeout=3.0 if serving else ENDS_WITHIN + 10)
    except subprocess.TimeoutExpired:
        interrupted = True
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=STOPS_WITHIN)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            return None, out, err, interrupted
    return proc.returncode, out, err, interrupted


# A sample through the real entry point (its own process: signals, stdin, encoding).
SAMPLE = [c for c in COMMANDS if len(c.path) >= 1][::3]


@pytest.mark.parametrize("command", SAMPLE, ids=[c.name for c in SAMPLE])
def test_a_sample_through_the_real_command(command: Command, fuzz_env, keydesk_home):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEYDESK_")}
    env.update(KEYDESK_HOME=str(keydesk_home), KEYDESK_READER_PASSWORD="fuzz-password",
               KEYDESK_LOCK_SIM="127.0.0.1:1",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", LANG="C.UTF-8",
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    serving = runs_until_stopped(command)

    @settings(FUZZ, max_examples=2)
    @given(argv_for(command))
    def fuzz(argv: list[str]) -> None:
        assume(all("\x00" not in word for word in argv))  # no OS passes a NUL in argv
        rc, out, err, interrupted = _subprocess(argv, env, fuzz_env, serving)
        text = f"keydesk {argv!r}\nrc={rc}\n--- stdout\n{out[-2000:]}\n--- stderr\n{err[-3000:]}"
        assert rc is not None, f"did not stop on Ctrl+C\n{text}"
        assert TRACEBACK not in err and TRACEBACK not in out, text
        if serving and interrupted:
            assert rc in (0, 1, 2, 130, -signal.SIGINT), text
        else:
            assert not interrupted, f"hung\n{text}"
            assert rc in (0, 1, 2), text

    fuzz()
