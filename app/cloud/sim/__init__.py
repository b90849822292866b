"""The simulated lock cloud (``keydesk sim cloud``): same endpoints, same signatures."""

from app.cloud.sim.server import CloudSimulator, Fault
from app.cloud.sim.state import SimState

__all__ = ["CloudSimulator", "Fault", "SimState"]
