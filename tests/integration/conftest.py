"""Fixtures shared by integration tests. The lock-cloud ones are prefixed ``cloud_``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.cloud.config import CallPolicy


@pytest.fixture
def cloud_sim():
    """The simulated lock cloud on a free loopback port."""
    from app.cloud.sim import CloudSimulator

    sim = CloudSimulator()
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def cloud_policy() -> CallPolicy:
    """Timeouts and back-off of ``cloud_call`` (a test module may override this fixture)."""
    return CallPolicy(connect_timeout=1.0, read_timeout=2.0, backoff=0.01, settle_delay=0.02)


@pytest.fixture
def cloud_call(cloud_sim, cloud_policy, runtime):
    """``cloud_call(lambda c: c.method(...), client_kw={...}, **credential_changes)``:
    a CloudClient on the demo account runs ``fn`` on the runtime's loop thread
    (``client_kw={"policy": ...}`` replaces the module's policy)."""
    from app.cloud.client import CloudClient
    from app.cloud.sim.demo import demo_credentials

    def run(fn, client_kw=None, **changes):
        async def go():
            creds = replace(demo_credentials(cloud_sim.url), **changes)
            kw = {"policy": cloud_policy, **(client_kw or {})}
            async with CloudClient(creds, **kw) as c:
                return await fn(c)

        return runtime.loop.run(go(), timeout=20)

    return run
