"""Acceptance harness: the real ``keydesk`` command and simulators as separate processes.

Nothing here imports the application: every test drives ``python -m ui.entry`` the way a
user or a script would and judges only exit codes, stdout/stderr and files written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYDESK = [sys.executable, "-m", "ui.entry"]
CLI_TIMEOUT = 60.0  # a command that takes longer than this has hung


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: own KeyDesk home, English, offscreen, never the real keyring."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("KEYDESK_") and k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(
        KEYDESK_HOME=str(home),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        # The OS keyring is never touched by a test: every secret comes from the environment.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.update(extra)
    return env


@dataclass
class Result:
    argv: list[str]
    rc: int
    out: str
    err: str
    seconds: float = 0.0

    def lines(self) -> list[dict[str, Any]]:
        """Every stdout line must be one JSON object (that is what ``--json`` promises)."""
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]

    def one(self) -> dict[str, Any]:
        lines = self.lines()
        assert len(lines) == 1, f"expected one JSON line from {self.argv}, got:\n{self.out}"
        return lines[0]

    def __str__(self) -> str:  # shown by pytest when an assertion about a result fails
        return (f"keydesk {' '.join(self.argv)} -> rc={self.rc} in {self.seconds:.1f} s\n"
                f"stdout:\n{self.out}\nstderr:\n{self.err}")


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.out + result.err, str(result)


@dataclass
class KeyDesk:
    """Runs ``keydesk ARGS`` as a subprocess with a per-test environment."""

    env: dict[str, str]

    def __call__(self, *argv: str, timeout: float = CLI_TIMEOUT, **env: str) -> Result:
        full_env = {**self.env, **env}
        started = time.monotonic()
        proc = subprocess.run([*KEYDESK, *argv], cwd=ROOT, env=full_env, capture_output=True,
                              text=True, encoding="utf-8", timeout=timeout, check=False)
        return Result(list(argv), proc.returncode, proc.stdout, proc.stderr,
                      time.monotonic() - started)

    def serial(self, *calls: Sequence[str], **env: str) -> list[Result]:
        """One after the other (same shape as :meth:`parallel`)."""
        return [self(*argv, **env) for argv in calls]

    def parallel(self, *calls: Sequence[str], **env: str) -> list[Result]:
        """Independent commands at once (results in the order given)."""
        with ThreadPoolExecutor(max_workers=min(8, len(calls) or 1)) as pool:
            return list(pool.map(lambda argv: self(*argv, **env), calls))


@pytest.fixture
def keydesk(keydesk_home: Path) -> KeyDesk:
    return KeyDesk(base_env(keydesk_home))


@dataclass
class Simulator:
    """A ``keydesk sim KIND`` process and the JSON line it announced."""

    kind: str
    proc: subprocess.Popen[bytes]
    info: dict[str, Any]
    log: Path
    home: Path
    stopped: bool = field(default=False)

    @property
    def url(self) -> str:
        return str(self.info["url"])

    def stop(self) -> int:
        """Ask it to stop (SIGTERM), kill it if it will not; return its exit status."""
        if not self.stopped:
            self.stopped = True
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        return self.proc.returncode


def start_simulator(kind: str, home: Path, *extra: str, env: dict[str, str] | None = None,
                    timeout: float = 15.0) -> Simulator:
    """Start ``keydesk sim KIND --listen 127.0.0.1:0 --json`` and wait for its one line."""
    home.mkdir(parents=True, exist_ok=True)
    out_path, err_path = home / f"sim-{kind}.out", home / f"sim-{kind}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [*KEYDESK, "sim", kind, "--listen", "127.0.0.1:0", "--json", *extra],
            cwd=ROOT, env=env or base_env(home), stdout=out, stderr=err,
        )
    sim = Simulator(kind, proc, {}, err_path, home)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = out_path.read_text(encoding="utf-8")
        if "\n" in text:
            sim.info = json.loads(text.splitlines()[0])
            return sim
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    sim.stop()
    raise AssertionError(f"sim {kind} did not announce its address: "
                         f"{out_path.read_text()!r} {err_path.read_text()!r}")


@pytest.fixture(scope="module")
def sim_factory(tmp_path_factory) -> Iterator[Callable[..., Simulator]]:
    """Start simulators for a module; every one is stopped when the module ends."""
    started: list[Simulator] = []

    def start(kind: str, *extra: str, **env: str) -> Simulator:
        home = tmp_path_factory.mktemp(f"sim-{kind}")
        sim = start_simulator(kind, home, *extra, env=base_env(home, **env))
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()
    for sim in started:  # a simulator must stop without a traceback
        assert "Traceback" not in sim.log.read_text(encoding="utf-8", errors="replace"), (
            f"simulator {sim.kind} crashed:\n{sim.log.read_text()}")
