"""Whether this desk reaches the site's server, and telling the desk when that changes.

The writer (and the listener) report every failure that means "the server is away"
(:func:`app.store.postgres.connect.is_away`) and every success; the link turns that into
one state with the time it began, and calls ``on_change`` when it changes, or when the
count of what waits in the outbox does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkState:
    away: str = ""  # why the server cannot be reached ("" while it can)
    since: str = ""  # UTC ISO time the server went away
    queued: int = 0  # events and audit rows kept on this desk, to be sent
    connected: bool = False  # reached at least once since this desk started

    @property
    def up(self) -> bool:
        return not self.away


class SiteLink:
    def __init__(self, where: str, on_change: Callable[[LinkState], None] | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.where = where  # the server, without its password (for logs)
        self._on_change = on_change
        self._clock = clock
        self._lock = threading.Lock()
        self.state = LinkState()  # not reached yet, not known to be away either

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def _set(self, state: LinkState) -> None:
        with self._lock:
            if state == self.state:
                return
            before, self.state = self.state, state
        if before.up != state.up:
            if state.up:
                log.info("site store %s reached", self.where)
            else:
                log.warning("site store %s away (%s): keeping events and audit rows on this "
                            "desk until it is back", self.where, state.away)
        if self._on_change is not None:
            try:
                self._on_change(state)
            except Exception:
                log.exception("site store state callback failed")

    def lost(self, exc: BaseException | str) -> None:
        reason = exc if isinstance(exc, str) else (f"{type(exc).__name__}: {exc}".strip()
                                                   .splitlines()[0])
        current = self.state
        since = current.since if current.away else self._now()
        self._set(LinkState(reason, since, current.queued, current.connected))

    def reached(self) -> None:
        current = self.state
        self._set(LinkState("", "", current.queued, True))

    def queued(self, count: int) -> None:
        current = self.state
        self._set(LinkState(current.away, current.since, count, current.connected))
