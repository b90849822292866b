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

Two figures are printed besides, each of the same runs or of a third child measured in
the same alternation: the CPU time each child had used when it said "ready"
(``time.process_time``: interpreter start and imports included; on a shared machine it
varies far less with the load than the wall clock), and "keydesk command": the real
entry point, ``ui.entry.main([])`` — the command line parsed, the log configured, then
the same window — as a person starting ``keydesk`` waits for it (its first paint is
found by wrapping ``ui.application.open_window`` when that module loads).

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

# Every child prints "ready <CPU seconds>" once its window has painted its first frame.
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLabel("bare"))
w.resize(1100, 720)
w.show()
w.grab()
import time
print("ready", time.process_time(), flush=True)
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
import time
print("ready", time.process_time(), flush=True)
session.when_started(app.quit)
if not session.started:
    app.exec()
session.window.grab()
print("started", flush=True)
session.close()
"""


# The real entry point: `keydesk` with no command, its window's first paint said as above.
ENTRY = """
import importlib.abc, importlib.util, sys, time
sys.path.insert(0, {root!r})


class SayReady(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "ui.application":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            opened = module.open_window

            def open_window(session):
                shown = opened(session)
                session.window.grab()
                print("ready", time.process_time(), flush=True)
                from PySide6.QtCore import QCoreApplication
                session.when_started(QCoreApplication.quit)
                return shown

            module.open_window = open_window

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, SayReady())
from ui.entry import main
code = main([])
print("started", flush=True)
sys.exit(code)
"""


def sample(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds until the child said "ready", until it said "started" (the bare window
    says only the first: both are the same for it), and its CPU seconds at "ready"."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env,
                            text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    ready = time.perf_counter() - start
    started = ready
    said = line.split()
    if said[:1] == ["ready"] and "started" in code:
        second = proc.stdout.readline()
        started = time.perf_counter() - start
        if second.strip() != "started":
            said = second.split()
    proc.wait(timeout=60)
    if said[:1] != ["ready"] or proc.returncode not in (0, None):
        raise SystemExit(f"the child did not start: {line!r} (exit {proc.returncode})")
    return ready, started, float(said[1])


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
    keydesk, entry = KEYDESK.format(root=str(ROOT)), ENTRY.format(root=str(ROOT))
    for code in (BARE, keydesk, entry):  # warm the OS file cache (and write the bytecode)
        sample(code, env)
    bare: list[tuple[float, float, float]] = []
    full: list[tuple[float, float, float]] = []
    command: list[tuple[float, float, float]] = []
    for _ in range(args.pairs):
        bare.append(sample(BARE, env))
        full.append(sample(keydesk, env))
        command.append(sample(entry, env))
    b, f = statistics.median(r[0] for r in bare), statistics.median(r[0] for r in full)
    ratio = f / b
    rows = (("bare PySide6 window", [r[0] for r in bare]), ("KeyDesk window", [r[0] for r in full]),
            ("KeyDesk desk started", [r[1] for r in full]),
            ("keydesk command", [r[0] for r in command]))
    for label, runs in rows:
        each = ", ".join(f"{x * 1000:.0f}" for x in runs)
        print(f"{label:20} median {statistics.median(runs) * 1000:5.0f} ms  ({each})")
    print(f"ratio {ratio:.2f} (goal ≤ {GOAL_RATIO}) — {'OK' if ratio <= GOAL_RATIO else 'OVER'}")
    cpu = [statistics.median(r[2] for r in runs) for runs in (bare, full, command)]
    print(f"CPU at ready: bare {cpu[0] * 1000:.0f} ms, KeyDesk window {cpu[1] * 1000:.0f} ms "
          f"({cpu[1] / cpu[0]:.2f}×), keydesk command {cpu[2] * 1000:.0f} ms "
          f"({cpu[2] / cpu[0]:.2f}×)")
    print(f"keydesk command / bare window (wall): "
          f"{statistics.median(r[0] for r in command) / b:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
