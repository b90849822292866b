"""``keydesk demo``: every simulator started on loopback, and settings that point at them.

Used by the demo window (training, first start) and by ``keydesk self-test``. Each
simulator contributes a starter in :data:`DEMO_STARTERS` (an explicit list); a starter
starts its server(s), records endpoints, fills demo settings and secrets, and registers
its cleanup with the runtime.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.access.sim import ReaderSimulator
from app.access.sim import demo as reader_demo
from app.cloud.sim import CloudSimulator
from app.cloud.sim import demo as cloud_demo
from app.devices.encoder.sim import EncoderSimulator
from app.devices.encoder.sim import demo as encoder_demo
from app.devices.locks.sim import demo as lock_demo
from app.devices.locks.sim.server import LockSimServer
from app.operators import demo as operators_demo
from app.runtime import Runtime
from app.settings import MemorySecretStore, Settings

log = logging.getLogger(__name__)


@dataclass
class DemoEnvironment:
    runtime: Runtime
    settings: Settings = field(default_factory=Settings)
    secrets: MemorySecretStore = field(default_factory=MemorySecretStore)
    endpoints: dict[str, str] = field(default_factory=dict)
    # The simulators, so the demo and the self-test can place cards, inject faults...
    cloud: CloudSimulator | None = None
    readers: dict[str, ReaderSimulator] = field(default_factory=dict)  # by reader name
    encoder: EncoderSimulator | None = None
    locks: LockSimServer | None = None  # the simulated site of Bluetooth locks
    failures: dict[str, str] = field(default_factory=dict)
    data_dir: Path | None = None  # where the demo's event store and audit trail live


# Each simulator's ``sim/demo.py`` face: starts it and points the demo settings at it.
DEMO_STARTERS: list[Callable[[DemoEnvironment], None]] = [
    cloud_demo.start,
    reader_demo.start,
    encoder_demo.start,
    lock_demo.start,  # after the cloud: its locks keep the community's local time
    operators_demo.start,  # one operator per role, to try rights (not a simulator)
]


_session_numbers = itertools.count(1)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but not ours (or Windows quirks): keep its folder
        return True
    return True


def _fresh_demo_data_dir() -> Path:
    """``<data>/demo/<pid>-<n>``: new for every demo session; folders of ended processes go."""
    root = paths.data_dir() / "demo"
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():
        pid = old.name.partition("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    path = root / f"{os.getpid()}-{next(_session_numbers)}"
    path.mkdir()
    return path


def start_demo(runtime: Runtime) -> DemoEnvironment:
    """Start every simulator; one that fails is recorded, the others still start.

    While the demo runs, ``paths.data_dir()`` points at a fresh demo folder, so its event
    store and audit trail start empty and never mix with the real ones.
    """
    env = DemoEnvironment(runtime)
    env.data_dir = _fresh_demo_data_dir()
    paths.set_data_dir_override(env.data_dir)
    # Registered first, so it runs last: after the stores opened in the demo are closed.
    runtime.add_cleanup(lambda: paths.set_data_dir_override(None))
    for start in DEMO_STARTERS:
        name = start.__module__
        try:
            start(env)
        except Exception as exc:
            log.exception("demo simulator %s failed to start", name)
            env.failures[name] = str(exc)
    return env
