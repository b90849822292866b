"""The readers' part of ``keydesk demo``: two simulated readers ("Lobby", "Staff door")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.access.sim.simulator import DEFAULT_USER, ReaderSimulator
from app.settings import ReaderConfig

if TYPE_CHECKING:
    from app.demo import DemoEnvironment

DEMO_READERS = (  # name, clock offset (s): the staff door's clock is off, to show drift
    ("Lobby", 0.0),
    ("Staff door", 95.0),
)


def start(env: DemoEnvironment) -> None:
    """Demo starter: two simulated readers, wired into ``env.settings`` and ``env.secrets``.

    Only the simulators start here; monitoring them is the desk's
    (``app.services.DeskServices.start_readers``).
    """
    for name, offset in DEMO_READERS:
        password = f"demo-{name.lower().replace(' ', '-')}-pw"
        sim = ReaderSimulator(name, password=password, rate=0.5, clock_offset=offset,
                              doors=2 if name == "Lobby" else 1).start()
        env.runtime.add_cleanup(sim.stop)
        env.readers[name] = sim
        env.endpoints[f"reader:{name}"] = sim.url
        env.settings.readers.append(ReaderConfig(name=name, url=sim.url, user=DEFAULT_USER))
        env.secrets.set(f"reader:{name}", password)
