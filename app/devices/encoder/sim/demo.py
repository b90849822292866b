"""The encoder's part of ``keydesk demo``: a simulator with a blank MIFARE Classic 1K on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.devices.encoder.service import SITE_KEY_SECRET
from app.devices.encoder.sim.server import EncoderSimulator

if TYPE_CHECKING:
    from app.demo import DemoEnvironment

# The demo's site key is public on purpose: it only ever signs simulated cards.
DEMO_SITE_KEY = "keydesk-demo-site-key-not-secret"


def start(env: DemoEnvironment) -> None:
    sim = EncoderSimulator("127.0.0.1", 0, card="classic-1k").start()
    env.runtime.add_cleanup(sim.stop)
    env.endpoints["encoder"] = sim.url
    env.encoder = sim
    env.settings.encoder_url = sim.url
    env.secrets.set(SITE_KEY_SECRET, DEMO_SITE_KEY)
