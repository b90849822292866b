"""The encoder as a long-running service of the window: it owns the port on the
``encoder`` device thread, watches for cards (CardPlaced / CardRemoved events) and for
the encoder being unplugged and plugged back, and runs card operations as cancellable
jobs with progress.

Card jobs check the operator's rights (``access``: the desk's ``OperatorSession``) on the
device thread before the port is touched, and write one audit row each (``audit``): the
card's UID, its room(s), kind, stay, the result and what the card holds afterwards."""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.audit.actions import record_card
from app.devices.encoder import operations, reading, words
from app.devices.encoder.base import CardInfo, Encoder
from app.devices.encoder.discovery import ReplugWatch, resolve_url
from app.devices.encoder.errors import NO_CARD, NO_SITE_KEY, PORT_FAILED, encoder_error
from app.devices.encoder.layout import Layout, LayoutError, load_layout
from app.devices.encoder.link import Timeouts
from app.devices.encoder.registry import driver
from app.devices.encoder.trace import SerialTrace
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged
from app.i18n import phrase
from app.operators.rights import card_right
from app.runtime import JobContext, Runtime
from app.runtime.device_thread import DeviceThread, JobFuture
from app.settings import SecretStore, SecretStoreUnavailable, Settings
from app.store.backend import AuditBackend

if TYPE_CHECKING:
    from app.operators.session import OperatorSession

log = logging.getLogger(__name__)
T = TypeVar("T")
SITE_KEY_SECRET = "encoder.site_key"
REOPEN_EVERY = 2.0  # seconds between attempts to reopen a missing encoder


def site_key_from(secrets: SecretStore | None) -> bytes | None:
    value = secrets.get(SITE_KEY_SECRET) if secrets is not None else None
    return value.encode() if value else None


def _outcome_of(result: Any) -> tuple[Issuance | None, str]:
    """The issuance a finished card job left on the card, and the card's state in words."""
    if isinstance(result, reading.CardRead):
        d = result.decoded
        return d.issuance, f"{'valid' if d.valid else 'not valid'}: {d.reason}"
    return result.issuance, result.state


class EncoderService:
    def __init__(
        self,
        runtime: Runtime,
        settings: Settings,
        secrets: SecretStore | None = None,
        *,
        name: str = "encoder",
        poll_interval: float = 0.4,
        timeouts: Timeouts | None = None,
        reopen_every: float = REOPEN_EVERY,
        audit: AuditBackend | None = None,
        trace: SerialTrace | None = None,
        access: OperatorSession | None = None,
    ) -> None:
        """``audit`` records every card job (read, issue, duplicate, wipe) and how it
        ended; ``trace`` overrides the settings' serial trace (``keydesk card --trace
        PATH``); ``access`` checks the operator's right first (None: no check)."""
        self.runtime = runtime
        self.settings = settings
        self.secrets = secrets
        self.name = name
        self.poll_interval = poll_interval
        self.timeouts = timeouts
        self.reopen_every = reopen_every
        self.audit = audit
        self.access = access
        self._given_trace = trace
        self.trace = trace or (SerialTrace() if settings.encoder_trace else None)
        self.state = ConnectionState.DISCONNECTED
        self.firmware = ""
        self.url: str | None = None
        self.card: CardInfo | None = None
        self.card_keys: str | None = None  # "site" / "transport" / "foreign" (recognise)
        self._enc: Encoder | None = None
        self._card_changed = threading.Condition()
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._thread: DeviceThread | None = None
        self._last_open_try = -reopen_every
        self._replug = self._replug_watch()

    def _replug_watch(self) -> ReplugWatch | None:
        s = self.settings
        return (ReplugWatch(s.encoder_vid_pid, s.encoder_serial)
                if s.encoder_vid_pid and not s.encoder_url else None)

    @property
    def layout(self) -> Layout:
        return load_layout(self.settings.card_layout or "keydesk-open-v1")

    def site_key(self) -> bytes | None:
        return site_key_from(self.secrets)

    # -- lifecycle (any thread) ------------------------------------------------------
    def start(self, *, watch: bool = True) -> EncoderService:
        """Start the device thread and, with ``watch``, the card/replug watcher (both
        idempotent). A one-shot command runs without the watcher: no poll between its
        jobs, and the encoder is only opened when the first job needs it."""
        if self._thread is None:
            self._thread = self.runtime.device_thread(self.name, on_stop=self._close)
            self.runtime.add_cleanup(self.stop)
        if watch and self._watcher is None:
            self._watcher = threading.Thread(
                target=self._watch, name=f"{self.name}-watch", daemon=True
            )
            self._watcher.start()
        return self

    def reconfigure(self) -> JobFuture | None:
        """The encoder settings changed (port, USB identity, serial trace): let go of the
        port now and open the one they name at the next poll or job, without a restart.
        Runs on the device thread after the job in progress; None when not started."""
        def reset(_ctx: JobContext) -> None:
            self._close()
            self.url = None
            self.firmware = ""
            self.trace = self._given_trace or (
                SerialTrace() if self.settings.encoder_trace else None)
            self._replug = self._replug_watch()
            self._set_card(None)
            self._publish_state(ConnectionState.DISCONNECTED, "settings changed: reconnecting")
            self._last_open_try = -self.reopen_every  # the watcher tries the new port at once

        if self._thread is None:
            self.url, self._replug = None, self._replug_watch()
            return None
        return self._device.submit(reset, "reconfigure")

    @property
    def _device(self) -> DeviceThread:
        if self._thread is None:
            raise RuntimeError(f"{self.name}: start() the service before using it")
        return self._thread

    def stop(self) -> None:
        self._stop.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(1.0)
        self.runtime.remove_device_thread(self.name)

    def submit(self, job: str, fn: Callable[[Encoder, JobContext], T]) -> JobFuture:
        """Run ``fn(encoder, ctx)`` on the device thread (the port opened on demand)."""
        return self._submit(job, lambda ctx: self._run(fn, ctx))

    def _submit(self, job: str, fn: Callable[[JobContext], Any]) -> JobFuture:
        with self._busy_lock:
            self._busy += 1
        fut = self._device.submit(fn, job)
        fut.add_done_callback(lambda _f: self._done())
        return fut

    def _card_job(self, what: str, rights: list[str], issuance: Issuance | None,
                  fn: Callable[[Encoder, JobContext], Any]) -> JobFuture:
        """A card job that checks ``rights`` first and whose outcome is in the audit trail
        before the future completes, whether it wrote, failed, was refused or cancelled."""
        def job(ctx: JobContext) -> Any:
            uid = self.card.uid_hex if self.card else ""
            if self.access is not None:
                for right in rights:  # a refusal is audited by the session itself
                    self.access.require(right, what=f"card.{what}", target=uid,
                                        room=list(issuance.rooms) if issuance else "",
                                        detail={"kind": issuance.kind} if issuance else None)
            try:
                result = self._run(fn, ctx)
            except BaseException as exc:
                self._record(what, uid=self.card.uid_hex if self.card else uid,
                             issuance=issuance, exc=exc)
                raise
            done, state = _outcome_of(result)
            self._record(what, uid=result.card.uid_hex, issuance=done or issuance, state=state)
            return result

        return self._submit(what, job)

    def _record(self, what: str, **row: Any) -> None:
        try:
            record_card(self.audit, what, **row)
        except Exception:  # the job's own outcome still reaches its caller
            log.exception("could not record card.%s in the audit trail", what)

    def _done(self) -> None:
        with self._busy_lock:
            self._busy -= 1

    # -- card operations (return futures) --------------------------------------------
    def identify(self) -> JobFuture:
        return self.submit("identify", lambda enc, _ctx: operations.identify(enc))

    def capture_uid(self) -> JobFuture:
        return self.submit("capture-uid", lambda enc, _ctx: operations.capture_uid(enc))

    def read(self, full: bool = True) -> JobFuture:
        return self._card_job(
            "read", ["card.read"], None,
            lambda enc, ctx: reading.read_card(enc, ctx, self.layout, self.site_key(), full=full),
        )

    def issue(self, issuance: Issuance) -> JobFuture:
        """Raises LayoutError (a ValueError) at once for a stay the card cannot hold, so
        nothing is queued and no port opened for it."""
        self.layout.check(issuance)
        return self._card_job(
            "issue", [card_right(issuance.kind)], issuance,
            lambda enc, ctx: operations.issue(enc, ctx, self.layout, self._key(), issuance),
        )

    def duplicate(self, source: Issuance, source_uid: bytes | None = None) -> JobFuture:
        """The next card of ``source``'s stay; never onto the card ``source_uid``. Needs
        the right to copy and the right to issue the copied card's kind."""
        return self._card_job(
            "duplicate", ["card.duplicate", card_right(source.kind)], source.next_copy(),
            lambda enc, ctx: operations.duplicate(
                enc, ctx, self.layout, self._key(), source, source_uid
            ),
        )

    def wipe(self) -> JobFuture:
        return self._card_job(
            "wipe", ["card.wipe"], None,
            lambda enc, ctx: operations.wipe(enc, ctx, self.layout, self.site_key()),
        )

    def wait_for_card(self, other_than: bytes | None = None, timeout: float = 30.0) -> CardInfo:
        """Block until a card (not ``other_than``) is on the encoder, as the watcher sees
        it; raises the encoder's "no card" error after ``timeout`` seconds."""
        def placed() -> bool:
            return self.card is not None and self.card.uid != other_than

        with self._card_changed:
            if not self._card_changed.wait_for(placed, timeout):
                raise encoder_error(NO_CARD, "no new card was placed on the encoder")
            assert self.card is not None
            return self.card

    def _key(self) -> bytes:
        key = self.site_key()
        if key is None:
            raise encoder_error(
                NO_SITE_KEY,
                f"no site key is set (keyring entry {SITE_KEY_SECRET}): cards cannot be signed",
                retryable=False,
            )
        return key

    # -- device thread ---------------------------------------------------------------
    def _publish_state(self, state: ConnectionState, detail: str = "") -> None:
        if state != self.state or detail:
            self.state = state
            self.runtime.bus.publish(
                DeviceStateChanged(self.name, kind="encoder", state=state, detail=detail)
            )

    def _open(self) -> Encoder:
        if self._enc is not None:
            return self._enc
        url = self.url or resolve_url(
            self.settings.encoder_url, self.settings.encoder_vid_pid, self.settings.encoder_serial
        )
        if not url:
            err = encoder_error(PORT_FAILED, "no encoder configured or found on any USB port")
            self._publish_state(ConnectionState.FAILED, err.detail)
            raise err
        self.url = url
        self._publish_state(ConnectionState.CONNECTING, url)
        try:
            enc = driver().open(url, timeouts=self.timeouts, trace=self.trace)
        except KeyDeskError as err:
            self._publish_state(ConnectionState.FAILED, err.detail)
            raise
        self._enc = enc
        self.firmware = enc.firmware
        self._device.set_interrupt(enc.cancel)
        self._publish_state(ConnectionState.CONNECTED, f"{enc.firmware} · {url}")
        return enc

    def _close(self) -> None:
        enc, self._enc = self._enc, None
        if enc is not None:
            self._device.set_interrupt(None)
            enc.close()

    def _run(self, fn: Callable[[Encoder, JobContext], T], ctx: JobContext) -> T:
        enc = self._open()
        enc.clear_cancel()
        try:
            return fn(enc, ctx)
        finally:
            if not enc.port_alive:
                self._close()
                lost = phrase(words.PHRASES, "link_lost")
                self._publish_state(ConnectionState.DISCONNECTED, lost)
                self._set_card(None)

    def _poll(self, enc: Encoder, _ctx: JobContext) -> None:
        card = enc.select()
        keys = None
        if card is not None and (self.card is None or self.card.uid != card.uid):
            keys = self._recognise(enc, card)
        self._set_card(card, keys)

    def _recognise(self, enc: Encoder, card: CardInfo) -> str | None:
        """Learn whose keys the new card has while the clerk fills in the form, so the
        issue that follows tries the right key first (see keyhints)."""
        try:
            return operations.recognise(enc, card, self.layout, self.site_key())
        except (KeyDeskError, LayoutError, SecretStoreUnavailable) as err:
            log.info("could not recognise card %s: %s", card.uid_hex, err)
            return None

    def _set_card(self, card: CardInfo | None, keys: str | None = None) -> None:
        old = self.card
        if (old.uid if old else None) == (card.uid if card else None):
            return
        with self._card_changed:
            self.card = card
            self.card_keys = keys
            self._card_changed.notify_all()
        bus = self.runtime.bus
        if old is not None:
            bus.publish(
                DeviceEvent(self.name, kind="encoder", code="CardRemoved", payload=old.to_dict())
            )
        if card is not None:
            payload = card.to_dict() | ({"keys": keys} if keys else {})
            bus.publish(DeviceEvent(self.name, kind="encoder", code="CardPlaced", payload=payload))

    # -- watcher thread --------------------------------------------------------------
    def _watch(self) -> None:
        import time

        while not self._stop.wait(self.poll_interval):
            if self._replug is not None:
                self._check_replug()
            with self._busy_lock:
                if self._busy:
                    continue
            if self._enc is None and time.monotonic() - self._last_open_try < self.reopen_every:
                continue
            if self._enc is None:
                self._last_open_try = time.monotonic()
            try:
                self._device.submit(lambda ctx: self._run(self._poll, ctx), "poll").result(5)
            except (KeyDeskError, concurrent.futures.CancelledError):
                pass
            except concurrent.futures.TimeoutError:
                log.warning("encoder poll took longer than 5 s")
            except Exception:
                log.exception("encoder poll failed")

    def _check_replug(self) -> None:
        assert self._replug is not None
        change = self._replug.poll()
        if change is None:
            return
        what, device = change
        log.info("encoder %s: %s", what, device)
        self.url = device
        self._device.submit(lambda _ctx: self._close(), "replug")
        if what == "unplugged":
            self._publish_state(ConnectionState.DISCONNECTED, phrase(words.PHRASES, "unplugged"))
        self._last_open_try = -self.reopen_every

    def describe(self) -> dict[str, Any]:
        return {
            "state": self.state.value,
            "url": self.url,
            "firmware": self.firmware,
            "card": self.card.to_dict() if self.card else None,
            "card_keys": self.card_keys,
        }
