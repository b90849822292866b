"""Start-up: how long until KeyDesk's window is usable, against a bare PySide6 window
measured in the same run.

Each sample is a fresh process (interpreter start and imports included, as a person
double-clicking the icon waits for them), offscreen, on a configured desk without
devices (no demo, no first-run assistant), started as ``keydesk`` starts
(``ui.application.open_window`` on a session built with ``defer=True``).

Two moments are timed. "Usable" (the ratio): the window shown and its first frame
painted — its page list, menus and status bar answer input, the first page says
"Starting KeyDesk…", and whatever is asked meanwhile (a page chosen, a Desk shortcut) is
kept and done once the desk has started. "Desk started": the desk's services built (store,
audit, encoder thread, readers) and the first page built and painted — printed beside the
ratio so the cost moved after the first paint is not hidden. Pairs alternate bare /
KeyDesk so machine load hits both alike; the ratio is of the medians.

The children run with bytecode, as an installed KeyDesk does (pip and the frozen build
ship ``.pyc``): the warm-up run writes it under a temporary ``PYTHONPYCACHEPREFIX``, even
where ``PYTHONDONTWRITEBYTECODE`` is set, never into the source tree.

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
logsetup.configure(logging.INFO, rotate=False)  # as `keydesk` does: the file after the paint
import ui
ui.prepare_start()  # as `keydesk` does (ui.entry)
from ui.application import KeyDeskSession, ensure_qapp, open_window
app = ensure_qapp()
session = KeyDeskSession(defer=True)
open_window(session)
session.window.grab()
print("ready", flush=True)
session.when_started(app.quit)
if not session.started:
    app.exec()
session.window.grab()
print("started", flush=True)
session.close()
"""


def sample(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds until the child said "ready" and until it said "started" (the bare
    window says only the first: both are the same for it)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    started = ready
    if line.strip() == "ready" and "started" in code:
        second = proc.stdout.readline()
        started = time.perf_counter() - start
        line = line if second.strip() == "started" else second
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise SystemExit(f"the child did not start: {line!r} (exit {proc.returncode})")
    return ready, started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="keydesk-bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEYDESK_HOME=str(home),
               KEYDESK_AUDIT_KEY="00" * 32, PYTHONPYCACHEPREFIX=str(home / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"version": 1}),
                                                   encoding="utf-8")
    keydesk = KEYDESK.format(root=str(ROOT))
    sample(BARE, env), sample(keydesk, env)  # warm the OS file cache for both
    bare, full, started = [], [], []
    for _ in range(args.pairs):
        bare.append(sample(BARE, env)[0])
        ready, whole = sample(keydesk, env)
        full.append(ready)
        started.append(whole)
    b, f = statistics.median(bare), statistics.median(full)
    ratio = f / b
    for label, median, runs in (("bare PySide6 window", b, bare), ("KeyDesk window", f, full),
                                ("KeyDesk desk started", statistics.median(started), started)):
        each = ", ".join(f"{x * 1000:.0f}" for x in runs)
        print(f"{label:20} median {median * 1000:5.0f} ms  ({each})")
    print(f"ratio {ratio:.2f} (goal ≤ {GOAL_RATIO}) — {'OK' if ratio <= GOAL_RATIO else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
