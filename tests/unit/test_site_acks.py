"""The acknowledgement notices desks send each other (app/store/postgres/acks.py)."""

from __future__ import annotations

import json
from typing import Any

from app.store.postgres import acks
from app.store.postgres.schema import ACK_CHANNEL


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[Any, ...]]] = []

    def execute(self, sql: str, params: tuple[Any, ...]) -> None:
        self.sent.append((sql, params))


def test_many_acknowledgements_go_in_notices_postgresql_takes():
    conn = Recorder()
    ids = [10**18 + i for i in range(1000)]  # the longest ids there are
    worst = "\x01" * 5000  # what JSON writes longest: \u0001, 6 bytes a character
    acks.tell(conn, "desk-1", ids, "Ana Lúcia" + worst, "porta verificada · 门已检查" + worst)
    assert len(conn.sent) == 5
    told: list[int] = []
    for sql, (channel, payload) in conn.sent:
        assert "pg_notify" in sql and channel == ACK_CHANNEL
        assert len(payload.encode("utf-8")) < 8000  # PostgreSQL's limit for a payload
        heard = acks.heard(payload)
        assert heard is not None and heard.origin == "desk-1"
        assert heard.by.startswith("Ana Lúcia") and heard.note.startswith("porta verificada")
        told += heard.event_ids
    assert told == ids


def test_nothing_acknowledged_sends_nothing():
    conn = Recorder()
    acks.tell(conn, "desk-1", [], "ana", "")
    assert conn.sent == []


def test_a_notice_that_is_not_one_is_ignored():
    for payload in ("", "not json", "[1, 2]", json.dumps({"from": "x"}),
                    json.dumps({"ids": 5, "from": "x"})):
        assert acks.heard(payload) is None, payload
    odd = acks.heard(json.dumps({"from": "x", "ids": [1, "2", None, 3.5, True, 4]}))
    assert odd is not None and odd.event_ids == (1, 4)  # whole numbers only
