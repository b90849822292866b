"""SQLite stores: the event store (``app.store.events``), cards issued, the audit trail.

See ``app/store/README.md``.
"""
