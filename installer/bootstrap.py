#!/usr/bin/env python3
"""Set up KeyDesk's virtual environment and run it: the README's two commands.

    python3 installer/bootstrap.py demo    # the window on its built-in simulators
    python3 installer/bootstrap.py test    # the whole test suite (what CI runs)

``test`` runs pytest (plus ruff) and then runs the tests marked ``pc_zones`` (dates and
times: the lock cloud, cards) again with the PC's time zone set to each of
``PC_ZONES``, so a desk far from its community is tested too. Extra arguments go to
every pytest run. The main run spreads the test files over one pytest-xdist worker per
core (up to ``MAX_WORKERS``; ``-n 0`` among the arguments runs it in one process).

Needs only Python 3.11+. Creates ``.venv`` beside this repository's ``pyproject.toml``,
installs the exact versions of ``installer/requirements.lock`` plus KeyDesk itself
(editable), and reinstalls only when the lock file or ``pyproject.toml`` changed. Safe
to run again. Any other arguments are passed to ``keydesk`` (``bootstrap.py explain 5310``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "installer" / "requirements.lock"
STAMP = VENV / ".keydesk-installed"
PYTEST_NO_TESTS = 5
# The re-runs of the date/time tests: a zone behind UTC and one ahead of it (and far from
# the CI machine's own), so each PC midnight and each community midnight falls elsewhere.
PC_ZONES = ("America/Sao_Paulo", "Asia/Shanghai")
ZONE_MARKER = "pc_zones"
# Worker processes for the main run: its tests wait on sockets and simulators much of
# the time, but 2 cores already halve it (8:28 -> 4:29), and each worker starts its own
# PostgreSQL server for the tests that need one.
MAX_WORKERS = 4


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_env() -> Path:
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = _fingerprint()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return python
    print("Installing KeyDesk's pinned dependencies (first run, or they changed) ...", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "install", "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted)
    return python


RUNNER_FRAMES = ("/_pytest/", "/pluggy/", "/pytest/__main__.py", "<frozen runpy>")


def _without_runner_frames(block: str) -> str:
    return "\n".join(line for line in block.splitlines()
                     if not any(mark in line for mark in RUNNER_FRAMES))


def report_crash(log: Path, code: int) -> None:
    """Say plainly which test was running when pytest died of a signal, with the crashing
    thread's stack first (tests/conftest.py has faulthandler write to ``log``; a worker
    process to ``log`` with its name after a dot, and a worker that died is code 0: the
    main run goes on, and says which test took it down)."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    running = [line[len("running "):] for line in text.splitlines()
               if line.startswith("running ")]
    dump = text[text.find("Fatal Python error"):] if "Fatal Python error" in text else ""
    blocks = [_without_runner_frames(b) for b in dump.split("\n\n")]
    current = [b for b in blocks if b.startswith("Current thread")]
    worker = log.suffix[1:] if log.suffix.startswith(".gw") else ""
    who = f"pytest worker {worker}" if worker else "pytest"
    how = f" (signal {-code})" if code < 0 else ""
    others = ["\n".join(b.splitlines()[:6]) for b in blocks if b not in current]
    print("\n".join([
        "",
        f"{who} crashed{how} while running: "
        f"{running[-1] if running else 'before the first test'}",
        *others, *current,
        f"{who} crashed{how} while running: "
        f"{running[-1] if running else 'before the first test'} -- the crashing thread's "
        "stack is just above",
    ]), flush=True)


def _pytest(python: Path, args: list[str], env: dict[str, str],
            output: Path | None = None) -> int:
    """Run pytest; with ``output`` its report goes to that file (printed by the caller)."""
    with tempfile.TemporaryDirectory(prefix="keydesk-test-") as tmp:
        crash_log = Path(tmp) / "crash.log"
        env = dict(env, KEYDESK_CRASH_LOG=str(crash_log))
        # Our conftest installs faulthandler on the crash log instead of pytest's plugin.
        pytest = [str(python), "-m", "pytest", "-p", "no:faulthandler", *args]
        if output is None:
            code = subprocess.run(pytest, cwd=ROOT, env=env).returncode
        else:
            with output.open("w", encoding="utf-8") as out:
                code = subprocess.run(pytest, cwd=ROOT, env=env, stdout=out,
                                      stderr=subprocess.STDOUT).returncode
        if code < 0:
            report_crash(crash_log, code)
        for worker_log in sorted(Path(tmp).glob("crash.log.gw*")):
            if "Fatal Python error" in worker_log.read_text(encoding="utf-8",
                                                            errors="replace"):
                report_crash(worker_log, 0)
    return code


def with_workers(args: list[str]) -> list[str]:
    """``args`` with one pytest-xdist worker per core (up to :data:`MAX_WORKERS`), whole
    test files to a worker (their module fixtures and order kept), unless ``args`` say
    how many already (``-n``) or turn xdist off."""
    said = any(a.startswith(("-n", "--numprocesses", "--dist", "--max-worker-restart"))
               for a in args)
    off = any(a in ("no:xdist", "-pno:xdist") for a in args)
    workers = min(MAX_WORKERS, os.cpu_count() or 1)
    if said or off or workers < 2:
        return list(args)
    # A file whose test crashes its worker is handed to the next worker and crashes it
    # too: two restarts say it plainly without crashing a worker per core four times.
    return ["-n", str(workers), "--dist", "loadfile", "--max-worker-restart", "2", *args]


def _zone_runs(python: Path, extra: list[str], env: dict[str, str]) -> list[int]:
    """The ``pc_zones`` re-runs, side by side: they wait on sockets and simulators much of
    the time, so two at once on two cores take little longer than one (the whole command
    has a 15-minute budget). Each one's report is printed whole when both are done."""
    zones = PC_ZONES if os.name != "nt" else ()
    with tempfile.TemporaryDirectory(prefix="keydesk-zones-") as tmp:
        outputs = {tz: Path(tmp) / f"{i}.txt" for i, tz in enumerate(zones)}
        codes: dict[str, int] = {}
        threads = [threading.Thread(
            target=lambda tz=tz: codes.__setitem__(tz, _pytest(
                python, with_zone_marker(extra), dict(env, TZ=tz), outputs[tz])))
            for tz in zones]
        print(f"\nThe date and time tests again (-m {ZONE_MARKER}), with the PC's time "
              f"zone set to each of {', '.join(zones)}, side by side ...", flush=True)
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for tz in zones:
            print(f"\n-- TZ={tz} --", flush=True)
            print(outputs[tz].read_text(encoding="utf-8", errors="replace"), end="",
                  flush=True)
        return [codes.get(tz, 1) for tz in zones]


def with_zone_marker(args: list[str]) -> list[str]:
    """``args`` selecting only the ``pc_zones`` tests (and-ed with any ``-m`` given)."""
    out, i = [], 0
    expr = ""
    while i < len(args):
        if args[i] == "-m" and i + 1 < len(args):
            expr, i = args[i + 1], i + 2
            continue
        if args[i].startswith("-m="):
            expr = args[i][3:]
        else:
            out.append(args[i])
        i += 1
    return [*out, "-m", f"({expr}) and {ZONE_MARKER}" if expr else ZONE_MARKER]


def run_tests(python: Path, extra: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Static checks first (seconds), then the tests; any failure fails the command.
    checks = {
        "ruff": [str(python), "-m", "ruff", "check", "--output-format", "concise", "."],
        "import contracts (lint-imports)": [
            str(python), "-c",
            "import sys; from importlinter.cli import lint_imports_command as run; "
            "sys.exit(run())"],
        "mypy": [str(python), "-m", "mypy"],
    }
    failed = [name for name, argv in checks.items()
              if subprocess.run(argv, cwd=ROOT, env=env).returncode != 0]
    codes = [_pytest(python, with_workers(extra), env)]
    # Windows' C runtime does not read IANA names from TZ: there the re-runs would test
    # nothing new (CI runs on Linux).
    codes.extend(_zone_runs(python, extra, env))
    if codes[0] == PYTEST_NO_TESTS:
        print("pytest collected no tests.", flush=True)
    codes = [0 if c == PYTEST_NO_TESTS else c for c in codes]
    runs = [name for name, c in zip(("main run", *PC_ZONES), codes, strict=False) if c]
    if runs:
        print(f"Tests failed in: {', '.join(runs)} (see above).", flush=True)
    code = next((c for c in codes if c), 0)
    for name in failed:
        print(f"{name} found problems (see above).", flush=True)
        code = code or 1
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0 if argv else 2
    python = ensure_env()
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(python, rest)
    return subprocess.run([str(python), "-m", "ui.entry", *argv], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
