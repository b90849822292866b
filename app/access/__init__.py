"""Access-control readers (Intelbras/Dahua): the event stream, the CGI calls, a simulator.

See ``app/access/README.md``. Entry points: :func:`app.access.monitor.start_monitoring`,
:class:`app.access.stream.ReaderStream`, :class:`app.access.api.ReaderApi`,
:class:`app.access.sim.ReaderSimulator`.
"""
