"""Slower sign-in after failures: the first five tries are free, then each further try
must wait, doubling from 30 seconds up to 15 minutes. A right sign-in clears the count.

Counted per name typed (lower-cased), whether or not an account has that name, so the
delay tells an outsider nothing about which names exist. Times are wall-clock seconds
(``time.time()``): the counts are kept in the operators file and must hold across
processes (every ``keydesk`` command is a new one).
"""

from __future__ import annotations

from dataclasses import dataclass

FREE_TRIES = 5
FIRST_DELAY = 30.0
MAX_DELAY = 15 * 60.0
MAX_TRACKED = 200  # names remembered at most (memory and file stay bounded)


@dataclass(frozen=True)
class Failures:
    count: int = 0
    last: float = 0.0  # wall-clock time of the last failure

    def to_dict(self) -> dict[str, float]:
        return {"count": self.count, "last": self.last}


def delay_after(count: int) -> float:
    """Seconds a try must wait after ``count`` failures in a row."""
    if count < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, FIRST_DELAY * 2.0 ** (count - FREE_TRIES))


def wait_left(f: Failures, now: float) -> float:
    """Seconds before the next try is accepted (0: try now). A clock set back never makes
    the wait longer than the delay itself."""
    delay = delay_after(f.count)
    if delay <= 0:
        return 0.0
    return max(0.0, min(delay, f.last + delay - now))


def failed(f: Failures, now: float) -> Failures:
    return Failures(f.count + 1, now)


def trim(table: dict[str, Failures]) -> dict[str, Failures]:
    """Keep the most recent :data:`MAX_TRACKED` entries."""
    if len(table) <= MAX_TRACKED:
        return table
    newest = sorted(table.items(), key=lambda kv: kv[1].last, reverse=True)[:MAX_TRACKED]
    return dict(newest)
