"""Reading a reader's clock: the drift is measured against the middle of the round trip
and the device's whole second, and is written without a ``-0 s``."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from app.access.api import ReaderApi, drift_words


class SlowClockHttp:
    """Answers getCurrentTime with a device clock ``offset`` seconds ahead, truncated to
    the second like the firmware, read at the start of a round trip of ``delay`` s."""

    def __init__(self, offset: float, delay: float) -> None:
        self.offset = offset
        self.delay = delay

    async def request(self, method: str, path: str, **_: object) -> str:
        device = datetime.now() + timedelta(seconds=self.offset)
        await asyncio.sleep(self.delay)
        return f"result={device:%Y-%m-%d %H:%M:%S}\r\n"


@pytest.mark.parametrize("offset", [95.0, -30.0, 0.0])
def test_a_slow_answer_does_not_read_as_drift(offset):
    check = asyncio.run(ReaderApi(SlowClockHttp(offset, delay=0.3)).clock())
    # Truncation to whole seconds costs at most half a second either way; the round trip
    # (0.3 s) halves to 0.15 s of error at most. A whole-second error would fail this.
    assert abs(check.drift_seconds - offset) <= 0.5 + 0.15 + 0.05
    assert check.pc_time.microsecond == 0


@pytest.mark.parametrize(("seconds", "words"), [
    (95.2, "+95 s"), (-0.4, "+0 s"), (0.0, "+0 s"), (-1.6, "-2 s"), (3600.0, "+3600 s"),
])
def test_drift_words(seconds, words):
    assert drift_words(seconds) == words
