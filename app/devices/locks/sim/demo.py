"""The locks' part of ``keydesk demo``: a site whose locks match the demo cloud's rooms
(TTLock, UCLBRT-token and one standard-GATT lock), asleep until the technician says
"I am at this door" (the Locks page wakes that lock through the control channel)."""

from __future__ import annotations

from typing import Any

from app.cloud.sim.community import demo_rooms
from app.devices.locks.sim.server import LockSimServer
from app.devices.locks.sim.site import build_site

# Which family each demo room's lock is (by the cloud's lock type, one generic).
DEMO_FAMILIES = {
    "101": "ttlock-v3", "102": "ttlock-v3", "103": "uclbrt-token", "201": "uclbrt-token",
    "202": "gatt-generic", "G101": "ttlock-v3", "G102": "uclbrt-token",
}
DEMO_TECHNICIAN = "Demo technician"


def demo_doors() -> list[tuple[str, str, str]]:
    doors = []
    for room in demo_rooms():
        label = f"{room.building}-{room.floor}-{room.room}"
        family = DEMO_FAMILIES.get(room.name, "ttlock-v3")
        doors.append((label, room.mac, family))
    return doors


def start(env: Any) -> None:
    site = build_site(demo_doors(), tz=env.settings.cloud_timezone or "UTC", awake=False)
    server = LockSimServer(site)
    address = server.start()
    env.runtime.add_cleanup(server.stop)
    env.endpoints["locks"] = address
    env.locks = server
    env.settings.lock_sim_address = address
    env.settings.lock_technician = DEMO_TECHNICIAN
