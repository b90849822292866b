"""Self-test: stream events from a demo reader simulator and decode them (headless)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from app.access.sim import ReaderSimulator
from app.selftest import Check, SelfTestContext
from app.settings import ReaderConfig


def _reader(ctx: SelfTestContext) -> tuple[ReaderConfig, ReaderSimulator]:
    demo = ctx.demo
    if not demo.settings.readers:
        raise RuntimeError("no demo reader configured")
    config = demo.settings.readers[0]
    sim = demo.readers.get(config.name)
    if sim is None:
        raise RuntimeError(f"reader simulator {config.name!r} is not running")
    return config, sim


def _stream_and_decode(ctx: SelfTestContext) -> str:
    from app.access.client import ReaderHttp
    from app.access.monitor import secret_name
    from app.access.stream import ReaderStream
    from app.domain.events import DeviceEvent

    config, sim = _reader(ctx)
    password = ctx.demo.secrets.get(secret_name(config.name)) or ""
    got: list[DeviceEvent] = []
    seen = threading.Event()
    marker = "5E1F7E57"  # a card the simulator does not know: a refused access

    def publish(event: Any) -> None:
        if isinstance(event, DeviceEvent):
            got.append(event)
            if event.payload.get("card") == marker:
                seen.set()

    async def run() -> None:
        http = ReaderHttp(config.url, config.user, password)
        stream = ReaderStream(config.name, http, publish, heartbeat=1, check_clock=False)
        task = asyncio.create_task(stream.run())
        try:
            for _ in range(100):
                if stream.status.online:
                    break
                await asyncio.sleep(0.05)
            await asyncio.to_thread(sim.access, marker, 1, 0)
            await asyncio.to_thread(seen.wait, 10)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await http.aclose()

    ctx.services.runtime.loop.run(run(), timeout=20)
    hits = [e for e in got if e.payload.get("card") == marker]
    if not hits:
        raise RuntimeError(f"the simulated access never arrived ({len(got)} other events)")
    p = hits[0].payload
    if p["granted"] or p["error_code"] != 17 or not p["dedupe_key"]:
        raise RuntimeError(f"decoded wrongly: {p}")
    return (f"{len(got)} events from {config.name}; refused card decoded as "
            f"'{p['error_text']}' by '{p['method_text']}'")


CHECKS = [Check("reader event stream", _stream_and_decode, timeout=30)]
