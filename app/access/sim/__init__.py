"""A simulated Intelbras/Dahua access reader: the same CGI calls, Digest auth and event
stream as the device, over a real loopback socket (``keydesk sim reader``, the demo).

``simulator.py`` (``ReaderSimulator``, its own thread and loop), ``server.py`` (HTTP
server, stream, faults), ``routes.py`` (CGI calls), ``auth.py`` (Digest), ``device.py``
(users, cards, log, doors, clock, traffic), ``cli.py`` and ``demo.py`` (its two faces).
"""

from app.access.sim.simulator import DEFAULT_PASSWORD, DEFAULT_USER, ReaderSimulator

__all__ = ["DEFAULT_PASSWORD", "DEFAULT_USER", "ReaderSimulator"]
