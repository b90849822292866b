"""The UCLBRT lock-cloud client (httpx, on the runtime's asyncio loop) and its simulator.

See README.md in this folder. Entry points: :class:`app.cloud.client.CloudClient`
(one method per endpoint), :class:`app.cloud.desk.CloudDesk` (the desk's flows, audited),
:class:`app.cloud.sim.CloudSimulator` (the simulated cloud).
"""
