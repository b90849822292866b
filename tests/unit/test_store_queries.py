"""Schema 4's query paths give exactly what a plain filter over every row gives: the
word-index-driven text search (with other filters and paging), a time range with a
reader, accents and case folded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.store.events import EventStore
from tests.unit.test_store_events import access

NAMES = ["Ana Silva", "José Müller", "Zoë Ørsted", "李雷"]


def test_text_device_time_and_paging_match_a_plain_filter(tmp_path):
    store = EventStore(tmp_path / "events.sqlite3").start()
    try:
        start = datetime(2030, 1, 1, tzinfo=UTC)
        for i in range(400):
            store.add(access(i, device=f"R{i % 3}", user_name=NAMES[i % 4],
                             time=(start + timedelta(minutes=7 * i)).isoformat()))
        assert store.flush()
        every = store.query(limit=None)
        assert len(every) == 400

        def plain(pred, limit=30):
            return [e.id for e in every if pred(e)][:limit]

        muller = store.query(text="muller", device="R1", limit=30)
        assert [e.id for e in muller] == plain(
            lambda e: e.device == "R1" and e.payload["user_name"] == "José Müller")
        older = store.query(text="MÜLL", device="R1", before_id=muller[-1].id, limit=30)
        assert [e.id for e in older] == plain(
            lambda e: e.device == "R1" and e.payload["user_name"] == "José Müller"
            and e.id < muller[-1].id)
        assert [e.id for e in store.query(text="ana sil", limit=500)] == plain(
            lambda e: e.payload["user_name"] == "Ana Silva", 500)
        assert store.query(text="%%", limit=10) == []  # nothing searchable: nothing found
        day0, day1 = start + timedelta(hours=10), start + timedelta(hours=30)
        assert [e.id for e in store.query(device="R2", since=day0, until=day1, limit=500)] == (
            plain(lambda e: e.device == "R2" and day0.isoformat() <= e.time
                  < day1.isoformat(), 500))
        assert store.count(text="muller") == 100
    finally:
        assert store.close()
