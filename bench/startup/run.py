"""Start-up: how long until KeyDesk's window is usable, against a bare PySide6 window
measured in the same run.

Each sample is a fresh process (interpreter start and imports included, as a person
double-clicking the icon waits for them), offscreen, on a configured desk without
devices (no demo, no first-run assistant). "Usable" is: the window shown and its first
frame painted. Pairs alternate bare / KeyDesk so machine load hits both alike; the
ratio is of the medians.

    .venv/bin/python bench/startup/run.py            # median of 5 pairs
    .venv/bin/python bench/startup/run.py --pairs 9
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOAL_RATIO = 1.5

# Both children print "ready" once their window has painted its first frame.
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLabel("bare"))
w.resize(1100, 720)
w.show()
w.grab()
print("ready", flush=True)
"""

KEYDESK = """
import sys
sys.path.insert(0, {root!r})
import logging
from app import logsetup
logsetup.configure(logging.INFO)
from ui.application import KeyDeskSession, ensure_qapp, sign_in_at_start
app = ensure_qapp()
session = KeyDeskSession()
sign_in_at_start(session)
session.window.show()
session.window.grab()
print("ready", flush=True)
session.close()
"""


def sample(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise SystemExit(f"the child did not start: {line!r} (exit {proc.returncode})")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="keydesk-bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEYDESK_HOME=str(home),
               KEYDESK_AUDIT_KEY="00" * 32)
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"version": 1}),
                                                   encoding="utf-8")
    keydesk = KEYDESK.format(root=str(ROOT))
    sample(BARE, env), sample(keydesk, env)  # warm the OS file cache for both
    bare, full = [], []
    for _ in range(args.pairs):
        bare.append(sample(BARE, env))
        full.append(sample(keydesk, env))
    b, f = statistics.median(bare), statistics.median(full)
    ratio = f / b
    for label, median, runs in (("bare PySide6 window", b, bare), ("KeyDesk window", f, full)):
        each = ", ".join(f"{x * 1000:.0f}" for x in runs)
        print(f"{label:20} median {median * 1000:5.0f} ms  ({each})")
    print(f"ratio {ratio:.2f} (goal ≤ {GOAL_RATIO}) — {'OK' if ratio <= GOAL_RATIO else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
