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


def _damaged_settings_kept(_ctx: SelfTestContext) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = SettingsStore(Path(tmp) / "s.json")
        store.path.write_text('{"event_retention_days": "0",}', encoding="utf-8")
        report = store.load_report()
        assert report.problems and store.held, "a damaged file was not reported"
        assert store.retention_days(report.settings) is None, "retention would run"
        assert not store.save_automatic(report.settings), "an automatic save overwrote it"
        assert store.path.read_text(encoding="utf-8") == '{"event_retention_days": "0",}'
        assert report.backup is not None and report.backup.exists(), "no aside copy"
    return "a damaged file is kept, copied aside, held and named"


def _users_settings_file(_ctx: SelfTestContext) -> str:
    """The real profile's settings file (the demo never reads it): named problems fail."""
    report = SettingsStore().load_report()
    if not report.found:
        return f"no settings file yet at {report.path}: defaults"
    if report.problems:
        raise RuntimeError(" ".join(report.lines(report.settings.language)))
    return f"{report.path} reads cleanly"


def _demo_started(ctx: SelfTestContext) -> str:
    if ctx.demo.failures:
        raise RuntimeError("; ".join(f"{k}: {v}" for k, v in ctx.demo.failures.items()))
    names = ", ".join(sorted(ctx.demo.endpoints)) or "none yet"
    return f"simulators running: {names}"


CHECKS = [
    Check("runtime threads", _runtime),
    Check("settings", _settings_roundtrip),
    Check("damaged settings", _damaged_settings_kept),
    Check("your settings file", _users_settings_file),
    Check("demo simulators", _demo_started),
]
