"""Schema 3: device identities, and keys stored by an older KeyDesk (by display name)
rewritten as the first device a name turns out to be."""

from __future__ import annotations

import json
import sqlite3

from app.store import schema
from app.store.events import EventStore


def old_file(path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:2])
    rows = [
        ("Lobby:rec:7", {"RecNo": 7, "CreateTime": 1700000000, "UTC": 1700000000}),
        ("Lobby:1700000100:AB12:0:1:1", {"UTC": 1700000100, "CardNo": "AB12"}),
        ("Lobby #2:rec:7", {"RecNo": 7, "CreateTime": 1700000000}),  # another reader
    ]
    for key, data in rows:
        device = key.rsplit(":rec:", 1)[0] if ":rec:" in key else "Lobby"
        conn.execute(
            "INSERT INTO events (time, received, source, kind, code, severity, device, "
            "dedupe_key, payload, raw) VALUES ('t', 't', ?, 'reader', 'AccessControl', "
            "'info', ?, ?, ?, '')", (device, device, key, json.dumps({"data": data})))
    conn.close()


def keys(store: EventStore) -> set[str]:
    return {e.dedupe_key for e in store.query(limit=None)}


def test_old_keys_become_the_first_identified_devices_keys(tmp_path):
    path = tmp_path / "events.sqlite3"
    old_file(path)
    store = EventStore(path).start()
    try:
        assert schema.user_version(store._read) == schema.SCHEMA_VERSION
        assert store.identified("Lobby", "sn:X1").result(5) == 2
        assert keys(store) == {"sn:X1#rec:7@1700000000", "sn:X1#1700000100:AB12:0:1:1",
                               "Lobby #2:rec:7"}
        # A later device under the same name does not take the old device's keys.
        assert store.identified("Lobby", "sn:Y2").result(5) == 0
        assert store.identified("Lobby", "sn:X1").result(5) == 0
        assert store.device_ids("Lobby") == ["sn:X1", "sn:Y2"]
    finally:
        assert store.close()
