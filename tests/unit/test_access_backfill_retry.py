"""A back-fill that fails is retried, and its range is remembered even when another
back-fill with the same start succeeded meanwhile (that one asked for less)."""

from __future__ import annotations

import asyncio

from app.access.client import ReaderHttp
from app.access.stream import ReaderStream
from app.domain.errors import KeyDeskError


class FlakyLog:
    """find_records fails ``failures`` times, then answers with one record."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[tuple[float, float]] = []

    async def find_records(self, start: float, end: float):
        self.calls.append((start, end))
        if len(self.calls) <= self.failures:
            raise KeyDeskError("reader_request_error", "268632082", "device rebooting")
        return [{"RecNo": "7", "CreateTime": str(int(start) + 1), "CardNo": "AB12",
                 "Door": "0", "Method": "1", "Status": "1", "Type": "Entry",
                 "ErrorCode": "0", "UserID": "1"}]


def _stream(published: list) -> ReaderStream:
    http = ReaderHttp("http://127.0.0.1:9", "admin", "pw")
    return ReaderStream("Lobby", http, published.append, check_clock=False)


def test_failed_backfill_is_retried_until_it_fetches(monkeypatch):
    published: list = []
    stream = _stream(published)
    stream.api = FlakyLog(failures=2)  # type: ignore[assignment]
    monkeypatch.setattr("app.access.stream.asyncio.sleep", _no_sleep)
    stream._unfilled_from = 1000.0
    asyncio.run(stream._backfill(1000.0))
    assert len(stream.api.calls) == 3
    assert [e.payload["dedupe_key"] for e in published] == ["url:http://127.0.0.1:9#rec:7@1001"]
    assert stream._unfilled_from is None


def test_range_stays_marked_when_a_twin_succeeded_first(monkeypatch):
    published: list = []
    stream = _stream(published)
    stream.api = FlakyLog(failures=10)  # type: ignore[assignment]
    monkeypatch.setattr("app.access.stream.asyncio.sleep", _no_sleep)
    stream._unfilled_from = None  # a twin back-fill with the same start cleared the mark
    asyncio.run(stream._backfill(1000.0))
    assert stream._unfilled_from == 1000.0  # the next gap's back-fill starts here again
    assert published == []


async def _no_sleep(_seconds: float) -> None:
    return None


def test_the_gap_is_asked_on_the_readers_clock_measured_after_the_drop(monkeypatch):
    """A connection that dropped before the clock check answered: its last sign of life
    was noted on this PC's clock, and the back-fill asks from it on the reader's clock,
    with the drift measured since (a reader two hours behind would else be asked about
    the two hours to come, and the gap's records never fetched)."""
    published: list = []
    stream = _stream(published)
    stream.api = FlakyLog(failures=0)  # type: ignore[assignment]
    monkeypatch.setattr("app.access.stream.time.time", lambda: 1_000_000.0)
    stream._last_alive = 1_000_000.0  # noted while the drift was not known yet
    stream.status.clock_drift = -7200.0  # measured afterwards: the reader is 2 h behind

    async def gap() -> None:
        stream._start_backfill()
        await asyncio.gather(*stream._backfills)

    asyncio.run(gap())
    start, end = stream.api.calls[0]
    assert start == 1_000_000.0 - 7200.0 - 10.0  # the reader's time of it, less the margin
    assert end == 1_000_000.0 - 7200.0 + 10.0
