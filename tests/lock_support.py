"""Shared helpers for the lock tests: a simulated site on a loopback socket and a
LockService on the runtime's loop with short timeouts (the sim answers in microseconds)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.devices.locks.keys import LockKeys
from app.devices.locks.plan import PlanStore
from app.devices.locks.profiles import Timings
from app.devices.locks.radio import Radio
from app.devices.locks.service import LockService, LockServiceConfig
from app.devices.locks.sim.server import LockSimServer
from app.devices.locks.sim.site import Site, build_site
from app.settings import MemorySecretStore

# Short enough for fast tests, long enough that a loaded CI machine (the sim and the app
# share two cores with other suites) never mistakes a slow answer for a silent lock.
FAST = Timings(connect_timeout=1.0, reply_timeout=2.0, connect_attempts=3,
               backoff=(0.01, 0.02), idle_drop=5.0)
TTLOCK_DOOR = ("001-01-0101", "C4A828001101", "ttlock-v3")
TOKEN_DOOR = ("001-01-0103", "C4A828001103", "uclbrt-token")
GATT_DOOR = ("001-02-0202", "C4A828001202", "gatt-generic")
THREE_DOORS = [TTLOCK_DOOR, TOKEN_DOOR, GATT_DOOR]
VALID_TOKEN = "0123456789ABCDEF" * 3  # the shape of the cloud's bleStr


class SimSite:
    def __init__(self, doors: Iterable[tuple[str, str, str]], **kw) -> None:  # type: ignore[no-untyped-def]
        self.site: Site = build_site(list(doors), tz="Asia/Shanghai", **kw)
        self.server = LockSimServer(self.site)
        self.address = self.server.start()

    def stop(self) -> None:
        self.server.stop()


def make_service(runtime, address: str, *, secrets: MemorySecretStore | None = None,  # type: ignore[no-untyped-def]
                 plan_path: Path | None = None, token=None, directory=None,
                 timings: Timings = FAST) -> LockService:
    async def default_token(mac: str) -> str:
        return VALID_TOKEN

    plan = PlanStore(plan_path) if plan_path else None
    if plan is not None:
        runtime.add_cleanup(plan.close)
    config = LockServiceConfig(technician="Tess", timezone="Asia/Shanghai", scan_seconds=1.0,
                               timings=timings)
    return LockService(runtime.loop, runtime.bus, LockKeys(secrets or MemorySecretStore()),
                       Radio(address), plan=plan, directory=directory,
                       token=token or default_token, config=config)
