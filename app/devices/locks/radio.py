"""Which radio the app talks to: this PC's Bluetooth (bleak's platform backend) or the
simulated site of ``keydesk sim lock`` (the same bleak front classes with
``backend=SimScanner/SimClient``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Radio:
    sim: str = ""  # "HOST:PORT" of a lock simulator; "" = the PC's Bluetooth

    @property
    def simulated(self) -> bool:
        return bool(self.sim)

    def scanner_kwargs(self) -> dict[str, Any]:
        if not self.sim:
            return {}
        from app.devices.locks.sim_radio import SimScanner

        return {"backend": SimScanner, "sim": self.sim}

    def client_kwargs(self) -> dict[str, Any]:
        if not self.sim:
            return {}
        from app.devices.locks.sim_radio import SimClient

        return {"backend": SimClient, "sim": self.sim}

    def describe(self) -> str:
        return f"simulated site at {self.sim}" if self.sim else "this PC's Bluetooth"
