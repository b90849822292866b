"""``keydesk demo``: every simulator started on loopback, and settings that point at them.

Used by the demo window (training, first start) and by ``keydesk self-test``. Each
simulator contributes a starter in :data:`DEMO_STARTERS` (an explicit list); a starter
starts its server(s), records endpoints, fills demo settings and secrets, and registers
its cleanup with the runtime.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.runtime import Runtime
from app.settings import MemorySecretStore, Settings

log = logging.getLogger(__name__)


@dataclass
class DemoEnvironment:
    runtime: Runtime
    settings: Settings = field(default_factory=Settings)
    secrets: MemorySecretStore = field(default_factory=MemorySecretStore)
    endpoints: dict[str, str] = field(default_factory=dict)
    # Simulator objects by name, so the demo/self-test can place cards, inject faults...
    simulators: dict[str, Any] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)


# "module:function" strings; each function takes the DemoEnvironment.
DEMO_STARTERS: list[str] = [
    "app.cloud.sim.demo:start",
    "app.access.sim_cli:start_demo_readers",
    "app.devices.encoder.demo:start_encoder_sim",
]


def _resolve(spec: str) -> Callable[[DemoEnvironment], None]:
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def start_demo(runtime: Runtime) -> DemoEnvironment:
    """Start every simulator; one that fails is recorded, the others still start."""
    env = DemoEnvironment(runtime)
    for spec in DEMO_STARTERS:
        try:
            _resolve(spec)(env)
        except Exception as exc:
            log.exception("demo simulator %s failed to start", spec)
            env.failures[spec] = str(exc)
    return env
