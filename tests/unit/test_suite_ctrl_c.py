"""The suite's Ctrl+C tests hold when the test command itself was started with Ctrl+C
ignored (a background job of a shell without job control, as on some CI runners)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What the suite's process (having loaded the conftest) and a command it starts see.
PROBE = """
import signal, subprocess, sys
print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
import tests.conftest
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
child = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True).stdout.strip())
"""


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_ctrl_c_ignored_at_start_means_ctrl_c_again_for_the_suite_and_its_commands():
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, preexec_fn=_ignore_ctrl_c)
    assert run.returncode == 0, run.stderr
    started_ignored, suite_default, command_default = run.stdout.split()
    assert started_ignored == "True"  # the probe really began as such a job does
    assert suite_default == "True"
    assert command_default == "True"
