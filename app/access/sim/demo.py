"""The readers' part of ``keydesk demo``: two simulated readers ("Lobby", "Staff door")."""

from __future__ import annotations

from typing import Any

from app.access.sim.simulator import DEFAULT_USER, ReaderSimulator
from app.settings import ReaderConfig

DEMO_READERS = (  # name, clock offset (s): the staff door's clock is off, to show drift
    ("Lobby", 0.0),
    ("Staff door", 95.0),
)


def start(env: Any) -> None:
    """Demo starter: two simulated readers, wired into ``env.settings`` and ``env.secrets``.

    Only the simulators start here; the Monitor page decides when to start monitoring
    (``app.access.monitor.start_monitoring``).
    """
    for name, offset in DEMO_READERS:
        password = f"demo-{name.lower().replace(' ', '-')}-pw"
        sim = ReaderSimulator(name, password=password, rate=0.5, clock_offset=offset,
                              doors=2 if name == "Lobby" else 1).start()
        env.runtime.add_cleanup(sim.stop)
        env.simulators[f"reader:{name}"] = sim
        env.endpoints[f"reader:{name}"] = sim.url
        env.settings.readers.append(ReaderConfig(name=name, url=sim.url, user=DEFAULT_USER))
        env.secrets.set(f"reader:{name}", password)
