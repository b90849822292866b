"""The encoder's part of ``keydesk demo``: a simulator with a blank MIFARE Classic 1K on it."""

from __future__ import annotations

from typing import Any

from app.devices.encoder.service import SITE_KEY_SECRET, EncoderService
from app.devices.encoder.sim.server import EncoderSimulator

# The demo's site key is public on purpose: it only ever signs simulated cards.
DEMO_SITE_KEY = "keydesk-demo-site-key-not-secret"


def start(env: Any) -> None:
    sim = EncoderSimulator("127.0.0.1", 0, card="classic-1k").start()
    env.runtime.add_cleanup(sim.stop)
    env.endpoints["encoder"] = sim.url
    env.simulators["encoder"] = sim
    env.settings.encoder_url = sim.url
    env.secrets.set(SITE_KEY_SECRET, DEMO_SITE_KEY)
    # One port has one user: the window and the self-test share this service (started
    # by whoever needs it first).
    env.simulators["encoder_service"] = EncoderService(env.runtime, env.settings, env.secrets)
