"""One reader's live event stream: connect, watch heartbeats, decode, reconnect, back-fill.

- No total timeout (it would cut healthy endless streams): a watchdog of 3 x heartbeat
  notices a connection that went silent with the socket still open.
- Reconnects with jittered exponential back-off; a rejected password stops for good
  (the device would lock the PC's address out after a few failed logins).
- After *any* gap (and at the first connection when ``since`` is given) the missed access
  records are fetched from the device log and published like live ones; a dedupe key
  shared by both paths lets the store keep each record exactly once.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import quote

from app.access.api import ReaderApi
from app.access.body import HEARTBEAT, RawEvent, parse_body
from app.access.client import (
    ACCOUNT_LOCKED,
    BAD_CREDENTIALS,
    CONNECT_FAILED,
    DOMAIN,
    INVALID_ARGS,
    UNKNOWN,
    ReaderHttp,
)
from app.access.decode import device_identity, to_device_event
from app.access.multipart import MultipartParser, boundary_from_content_type
from app.access.records import record_text, record_to_event_data
from app.access.usual_event import usual_event
from app.domain.errors import KeyDeskError
from app.domain.events import (
    BusEvent,
    ConnectionState,
    DeviceEvent,
    DeviceIdentified,
    DeviceStateChanged,
)

log = logging.getLogger(__name__)

DEFAULT_CODES = ("All",)
BACKFILL_MARGIN = 10.0  # seconds before the last sign of life that are asked again
BACKFILL_ATTEMPTS = 5  # a failed back-fill is retried this often while connected
CLOCK_CHECK_EVERY = 600.0


@dataclass(frozen=True)
class Backoff:
    base: float = 1.0
    cap: float = 60.0

    def delay(self, failures: int) -> float:
        """Full jitter: uniform in [base/2, min(cap, base * 2**failures)]."""
        top = min(self.cap, self.base * (2 ** min(failures, 16)))
        return random.uniform(min(self.base / 2, top), top)


@dataclass
class ReaderStatus:
    """What the Monitor page shows per reader (copied out; never shared mutable)."""

    name: str
    url: str
    state: str = ConnectionState.DISCONNECTED.value
    online: bool = False
    last_heartbeat: datetime | None = None
    last_event: datetime | None = None
    clock_drift: float | None = None  # device minus PC, seconds
    connects: int = 0
    reconnects: int = 0
    watchdog_trips: int = 0
    events: int = 0
    backfilled: int = 0
    error: str = ""
    error_code: str = ""
    device_id: str = ""  # the device's own identity (serial number), once read
    record_restarts: int = 0  # record numbers started again (device reset or replaced)
    parser: dict[str, int] = field(default_factory=dict)

    def snapshot(self) -> ReaderStatus:
        return replace(self, parser=dict(self.parser))


class _RecentKeys:
    """The dedupe keys this stream published lately (a bounded, ordered set)."""

    def __init__(self, size: int = 100_000) -> None:
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def add(self, key: str) -> bool:
        """True when ``key`` is new."""
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > self._size:
            self._keys.popitem(last=False)
        return True


class ReaderStream:
    def __init__(
        self,
        name: str,
        http: ReaderHttp,
        publish: Callable[[BusEvent], None],
        *,
        codes: Sequence[str] = DEFAULT_CODES,
        heartbeat: int = 5,
        watchdog: float | None = None,
        backoff: Backoff | None = None,
        since: float | None = None,
        check_clock: bool = True,
    ) -> None:
        self.name = name
        self.http = http
        self.api = ReaderApi(http)
        self._publish = publish
        self.codes = list(codes)
        self.heartbeat = heartbeat
        self.watchdog = watchdog or 3.0 * heartbeat
        self.backoff = backoff or Backoff()
        self.status = ReaderStatus(name, http.base_url)
        self._recent = _RecentKeys()
        self._since = since  # device epoch to back-fill from at the first connection
        # This PC's epoch of the last byte received, made the device's when used: the
        # clock check that measures the drift may end after the connection has dropped.
        self._last_alive: float | None = None
        # Device time (UTC field) of the newest access seen: the log is in time order, so a
        # gap's missed records all come at or after it (no margin needed, no clock guess).
        self._last_access_utc: int | None = None
        self._unfilled_from: float | None = None  # start of a back-fill not yet done
        self._encoded_codes = False
        self._stream_has_recno: bool | None = None
        self.device_id: str | None = None  # read from the device at every connection
        self._max_recno: int | None = None
        self._check_clock = check_clock
        self._next_clock_check = 0.0
        self._backfills: set[asyncio.Task[None]] = set()
        self.last_error: KeyDeskError | None = None  # why the last connection attempt ended

    # -- publishing -----------------------------------------------------------------

    def _state(self, state: ConnectionState, detail: str = "") -> None:
        self.status.state = state.value
        self.status.online = state == ConnectionState.CONNECTED
        self._publish(DeviceStateChanged(self.name, kind="reader", state=state, detail=detail))

    def _emit(self, event: DeviceEvent) -> bool:
        key = event.payload.get("dedupe_key")
        if key is not None and not self._recent.add(key):
            return False
        self.status.events += 1
        self.status.last_event = datetime.now(UTC)
        try:
            self._publish(event)
        except Exception:  # a failing consumer must not cut the stream
            log.exception("reader %s: publishing an event failed", self.name)
        return True

    def _device_now(self) -> float:
        return time.time() + (self.status.clock_drift or 0.0)

    # -- the stream -----------------------------------------------------------------

    def attach_path(self) -> str:
        codes = ",".join(self.codes)
        value = quote(f"[{codes}]", safe="") if self._encoded_codes else f"[{codes}]"
        return (f"/cgi-bin/eventManager.cgi?action=attach&codes={value}"
                f"&heartbeat={self.heartbeat}")

    async def run(self) -> None:
        """Stream until cancelled; raises KeyDeskError when it must stop (bad password)."""
        failures = 0
        try:
            while True:
                self._state(ConnectionState.CONNECTING)
                try:
                    got_data = await self._connect_once()
                except KeyDeskError as err:
                    if getattr(err, "http_status", None) == 400 and err.code == str(INVALID_ARGS):
                        if not self._encoded_codes:
                            self._encoded_codes = True  # other firmware wants %5B...%5D
                            continue
                    if err.retryable is False:
                        self.status.error, self.status.error_code = str(err), err.code
                        self._state(ConnectionState.FAILED, str(err))
                        raise
                    got_data = False
                    self.last_error = err
                    self.status.error, self.status.error_code = str(err), err.code
                    log.info("reader %s: %s", self.name, err)
                except (OSError, ValueError) as exc:  # a transport dying mid-read
                    got_data = False
                    self.status.error = f"{type(exc).__name__}: {exc}"
                    self.last_error = KeyDeskError(
                        DOMAIN, CONNECT_FAILED, f"event stream: {self.status.error}",
                        retryable=True)
                failures = 0 if got_data else failures + 1
                self.status.reconnects += 1
                self._state(ConnectionState.DISCONNECTED, self.status.error)
                await asyncio.sleep(self.backoff.delay(failures))
        finally:
            for task in list(self._backfills):
                task.cancel()

    def never_reached(self) -> KeyDeskError | None:
        """Why this stream has not reached its reader yet (None once it has connected):
        the last attempt's error, or a connect failure when no attempt has ended yet."""
        if self.status.connects:
            return None
        where = f"never reached the reader at {self.http.base_url}"
        last = self.last_error
        if last is None:
            return KeyDeskError(DOMAIN, CONNECT_FAILED, f"{where}: no answer yet",
                                state="no events received", retryable=True)
        return KeyDeskError(last.domain, last.code, f"{where}; last attempt: {last.detail}",
                            state="no events received", retryable=last.retryable)

    async def _identify(self) -> None:
        """Read who the device is before any of its events get a dedupe key: the serial
        number from ``getSystemInfo`` (the display name is the desk's, not the device's:
        two readers or a replaced one may share it). Firmware that will not say is
        known by its address."""
        serial = ""
        try:
            info = await self.api.system_info()
            serial = (info.get("serialNumber") or "").strip()
        except KeyDeskError as err:
            if err.retryable is not False or err.code in (str(BAD_CREDENTIALS),
                                                          str(ACCOUNT_LOCKED)):
                raise  # unreachable now, or a wrong password: as for the stream itself
            log.info("reader %s does not tell its serial number (%s)", self.name, err)
        device_id = device_identity(serial or None, url=self.http.base_url)
        if self.device_id is not None and device_id != self.device_id:
            log.warning("reader %s is now another device (%s, was %s)", self.name,
                        device_id, self.device_id)
            self._last_access_utc = None  # its log is another log
            self._max_recno = None
        self.device_id = self.status.device_id = device_id
        self._publish(DeviceIdentified(self.name, kind="reader", device_id=device_id))

    async def _connect_once(self) -> bool:
        """One connection, until it ends. True when it delivered at least one part."""
        got_data = False
        await self._identify()
        async with self.http.stream(self.attach_path()) as resp:
            self.status.connects += 1
            self.status.error = self.status.error_code = ""
            self._state(ConnectionState.CONNECTED)
            self._start_backfill()  # the gap before this connection: from the old anchor
            # The answer's headers are the device's bytes too, so they anchor the next gap's
            # back-fill even when this connection drops before a part of it is read (else,
            # before any access, no back-fill ran and the first records were lost).
            self._last_alive = time.time()
            parser = MultipartParser(boundary_from_content_type(resp.headers.get("content-type")))
            try:
                async with asyncio.timeout(self.watchdog) as deadline:
                    async for chunk in resp.aiter_raw():
                        self._last_alive = time.time()
                        parts = parser.feed(chunk)
                        if parts:
                            # Only whole parts (heartbeats included) feed the watchdog: a
                            # peer dripping bytes that never make a part is as good as silent.
                            deadline.reschedule(asyncio.get_running_loop().time()
                                                + self.watchdog)
                            got_data = True
                        for part in parts:
                            self._handle(part.body)
                        self.status.parser = parser.stats.as_dict()
                        if parser.too_large is not None:
                            raise KeyDeskError(
                                DOMAIN, UNKNOWN,
                                f"event stream: a part grew past {parser.max_part >> 10} KiB "
                                "without ending (an event is a few KB); reconnecting",
                                retryable=True)
            except TimeoutError:
                self.status.watchdog_trips += 1
                self.status.error = f"no event or heartbeat for {self.watchdog:.0f} s (watchdog)"
                log.info("reader %s: silent for %.1fs, reconnecting", self.name, self.watchdog)
        if parser.ended:
            log.info("reader %s closed the stream", self.name)
        return got_data

    def _handle(self, body: bytes) -> None:
        # Before the first access, keys are made as if it carried a RecNo: one without it
        # gets the composite key either way, so learning it afterwards changes no key.
        use_recno = self._stream_has_recno is not False
        event = usual_event(self.name, self.http.base_url, body, device_id=self.device_id,
                            use_recno=use_recno)
        if event is not None:  # the usual body: one event, the fast way
            self._take(event)
            return
        for raw in parse_body(body):
            if raw.code == HEARTBEAT:
                self.status.last_heartbeat = datetime.now(UTC)
                continue
            self._take(to_device_event(self.name, self.http.base_url, raw, body,
                                       use_recno=use_recno, device_id=self.device_id))

    def _take(self, event: DeviceEvent) -> None:
        data = event.payload["data"]
        if event.code == "AccessControl" and data is not None:
            if self._stream_has_recno is None:
                self._stream_has_recno = data.get("RecNo") not in (None, "")
            self._note_recno(data)
            self._note_access(data)
        elif event.code == "TimeChange":
            self._last_access_utc = None  # the clock jumped: fall back to a time margin
        elif event.code == "AccessControl":
            self._start_backfill()  # undecodable access: fetch it again from the log
        self._emit(event)

    def _note_recno(self, data: dict[str, object]) -> None:
        """A live record numbered below one already seen: the device started numbering
        again (a reset, or another device under this name). Its keys still differ (they
        hold the record's time); the back-fill anchor must not stay in the old log."""
        try:
            rec = int(float(data.get("RecNo")))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        if self._max_recno is not None and rec < self._max_recno:
            self.status.record_restarts += 1
            self._last_access_utc = None
            log.warning("reader %s: record numbers started again (%d after %d): the device "
                        "was reset or replaced", self.name, rec, self._max_recno)
            self._max_recno = rec
        elif self._max_recno is None or rec > self._max_recno:
            self._max_recno = rec

    # -- back-fill --------------------------------------------------------------------

    def _note_access(self, data: dict[str, object]) -> None:
        try:
            utc = int(float(data.get("UTC") or data.get("CreateTime") or 0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return
        if utc and (self._last_access_utc is None or utc > self._last_access_utc):
            self._last_access_utc = utc

    def _remember_unfilled(self, start: float | None) -> None:
        if start is not None:
            current = self._unfilled_from
            self._unfilled_from = start if current is None else min(current, start)

    def _start_backfill(self) -> None:
        if self._last_access_utc is not None:
            start: float | None = float(self._last_access_utc)
        elif self._last_alive is not None:
            start = self._last_alive + (self.status.clock_drift or 0.0) - BACKFILL_MARGIN
        else:
            start = self._since
        if self._unfilled_from is not None:  # an earlier back-fill failed: cover it too
            start = self._unfilled_from if start is None else min(start, self._unfilled_from)
        self._unfilled_from = start
        if start is None and not self._check_clock:
            return
        task = asyncio.get_running_loop().create_task(self._backfill(start))
        self._backfills.add(task)
        task.add_done_callback(self._backfills.discard)

    async def _backfill(self, start: float | None) -> None:
        records: list[dict[str, object]] = []
        for attempt in range(BACKFILL_ATTEMPTS):
            try:
                if self._check_clock and time.monotonic() >= self._next_clock_check:
                    await self.check_clock()
                if start is None:
                    return
                end = self._device_now() + BACKFILL_MARGIN
                records = await self.api.find_records(start, end)
                break
            except asyncio.CancelledError:
                raise
            except Exception as err:  # KeyDeskError, or a transport dying mid-answer
                # Mark the range again: another back-fill with the same start may have
                # succeeded meanwhile and cleared the mark, but it asked for less.
                self._remember_unfilled(start)
                log.warning("reader %s: back-fill failed (attempt %d): %s",
                            self.name, attempt + 1, err)
                await asyncio.sleep(min(5.0, 0.2 * 2**attempt))
        else:
            return  # still marked: the next gap's back-fill covers this range too
        if self._unfilled_from == start:
            self._unfilled_from = None
        use_recno = self._stream_has_recno is not False
        added = 0
        for record in records:
            data = record_to_event_data(record)
            self._note_access(data)
            raw = RawEvent("AccessControl", "Pulse", data.get("Door"), data,
                           record_text(record), True)
            event = to_device_event(self.name, self.http.base_url, raw, b"",
                                    use_recno=use_recno, origin="backfill",
                                    device_id=self.device_id)
            if self._emit(event):
                added += 1
        self.status.backfilled += added
        if added:
            log.info("reader %s: back-filled %d access records", self.name, added)

    async def check_clock(self) -> float | None:
        try:
            check = await self.api.clock()
        except KeyDeskError as err:
            log.info("reader %s: clock check failed: %s", self.name, err)
            return None
        self._next_clock_check = time.monotonic() + CLOCK_CHECK_EVERY
        self.status.clock_drift = check.drift_seconds
        return check.drift_seconds
