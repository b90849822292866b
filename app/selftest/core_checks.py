"""Checks of the foundation itself: the runtime, settings, demo start-up."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.selftest import Check, SelfTestContext
from app.settings import Settings, SettingsStore


def _runtime(ctx: SelfTestContext) -> str:
    rt = ctx.services.runtime
    assert rt.loop.running, "asyncio loop thread is not running"

    async def ping() -> str:
        return "pong"

    assert rt.loop.run(ping(), timeout=2) == "pong"
    fut = rt.device_thread("selftest").submit(lambda _ctx: 42, "ping")
    assert fut.result(2) == 42
    rt.remove_device_thread("selftest")
    return "loop thread and device thread answer"


def _settings_roundtrip(_ctx: SelfTestContext) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = SettingsStore(Path(tmp) / "s.json")
        s = Settings(language="pt-BR", encoder_vid_pid="1A86:7523")
        store.save(s)
        assert store.load() == s
    return "settings save and load"


def _demo_started(ctx: SelfTestContext) -> str:
    if ctx.demo.failures:
        raise RuntimeError("; ".join(f"{k}: {v}" for k, v in ctx.demo.failures.items()))
    names = ", ".join(sorted(ctx.demo.endpoints)) or "none yet"
    return f"simulators running: {names}"


CHECKS = [
    Check("runtime threads", _runtime),
    Check("settings", _settings_roundtrip),
    Check("demo simulators", _demo_started),
]
