"""The tamper-evident audit trail's logic, independent of where rows are stored.

``chain``: each row sealed with an HMAC over the previous row's seal and this row, keyed by
the per-site chain key (``site_key``); ``verify`` walks a trail and names the first broken
link. The SQLite storage is ``app.store.audit`` (see ``app/store/README.md``).
"""
