"""The simulated lock cloud: an HTTP server on loopback speaking the vendor's wire format.

It verifies the same three signatures as the real platform (via :mod:`app.cloud.signing`,
whose scheme 2 is pinned to the vendor's own test vector), routes to the family's
handlers and answers the vendor's envelopes. ``http.server`` in one thread is enough for
a desk's traffic; faults (slow answers, 500s, dropped connections, request limit) are
queued by tests through :attr:`CloudSimulator.faults`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.cloud import signing
from app.cloud.config import (
    PATHS,
    QR_TIMESTAMP_FORMAT,
    QR_TIMESTAMP_WINDOW_S,
    QRM_SIGN_ORDER,
    RECORDS_TIMESTAMP_WINDOW_S,
    Family,
)
from app.cloud.sim import handlers_issuer, handlers_qr, handlers_records
from app.cloud.sim.state import ApiError, SimState

log = logging.getLogger(__name__)


@dataclass
class Fault:
    """One injected fault. ``action`` None matches every call.

    kind: "slow" (wait ``delay`` s), "http500", "drop" (close without answering),
    "limit" (answer 4005). ``after_effect`` runs the call first, so the effect happens
    but the answer is late or lost — the case a create call must survive.
    Answer faults always come after the effect: "truncate" (a 200 whose JSON stops
    half-way), "drip" (the answer one byte every ``delay`` s),
    "reshape" (the envelope passed through ``reshape`` first: an empty key, a directory
    of ``"oops"``, key fields beside ``data``).
    """

    kind: str
    action: str | None = None
    times: int = 1
    delay: float = 0.0
    after_effect: bool = False
    reshape: Callable[[dict[str, Any]], dict[str, Any]] | None = None


class CloudSimulator:
    def __init__(self, state: SimState | None = None) -> None:
        self.state = state or SimState()
        self.faults: deque[Fault] = deque()
        self.requests: Counter[str] = Counter()  # action -> requests received
        self.history: list[str] = []  # actions in the order they arrived
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._recent: deque[float] = deque()

    # -- life cycle --------------------------------------------------------------------
    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        sim = self

        class Handler(_Handler):
            simulator = sim

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, name="sim-cloud")
        self._thread.start()
        return self.url

    @property
    def url(self) -> str:
        assert self._server is not None, "not started"
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(2)

    # -- faults ------------------------------------------------------------------------
    def inject(self, kind: str, action: str | None = None, *, times: int = 1,
               delay: float = 0.0, after_effect: bool = False,
               reshape: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}")
        after_effect = after_effect or kind in ANSWER_FAULTS
        with self._lock:
            self.faults.append(Fault(kind, action, times, delay, after_effect, reshape))

    def received(self, action: str) -> None:
        with self._lock:
            self.requests[action] += 1
            self.history.append(action)

    def _take_fault(self, action: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.action in (None, action):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def _over_limit(self) -> bool:
        limit = self.state.rate_limit_per_s
        if limit is None:
            return False
        now = time.monotonic()
        with self._lock:
            while self._recent and now - self._recent[0] > 1.0:
                self._recent.popleft()
            self._recent.append(now)
            return len(self._recent) > limit

    def wait(self, seconds: float) -> None:
        self._stopping.wait(seconds)

    # -- authentication per family -----------------------------------------------------
    def authenticate(self, family: str, action: str, query: dict[str, str],
                     headers: Any, fields: dict[str, Any]) -> None:
        accounts = self.state.accounts
        if family == Family.QRCODE:
            try:
                sid, ts = signing.parse_qrcode_authorization(headers.get("Authorization", ""))
            except ValueError:
                raise ApiError(401, "bad Authorization header") from None
            token = accounts.get(sid)
            if token is None:
                raise ApiError(4006, "no such account")
            try:
                sent = datetime.strptime(ts, QR_TIMESTAMP_FORMAT)
            except ValueError:
                raise ApiError(401, "bad timestamp") from None
            if abs((datetime.now() - sent).total_seconds()) > QR_TIMESTAMP_WINDOW_S:
                raise ApiError(401, "timestamp expired")
            if not signing.same(query.get("sig", ""), signing.qrcode_sig(sid, token, ts)):
                raise ApiError(4008, "bad signature")
            return
        sid = str(fields.get("accountSid", ""))
        token = accounts.get(sid)
        if token is None:
            raise ApiError(4006, "no such account")
        if family == Family.QRM:
            if action not in QRM_SIGN_ORDER:
                raise ApiError(4003, "no such api implemented")
            expected = signing.qrm_sig(action, fields, token)
            if not signing.same(str(fields.get("sig", "")), expected):
                raise ApiError(4008, "bad signature")
            return
        try:
            stamp = int(str(fields.get("timestamp", "")))
        except ValueError:
            raise ApiError(401, "bad timestamp") from None
        if abs(time.time() - stamp) > RECORDS_TIMESTAMP_WINDOW_S:
            raise ApiError(401, "timestamp expired")
        if not signing.same(query.get("sig", ""), signing.records_sig(fields, token)):
            raise ApiError(4008, "bad signature")


FAULT_KINDS = {"slow", "drop", "http500", "limit", "truncate", "drip", "reshape"}
ANSWER_FAULTS = {"truncate", "drip", "reshape"}

ROUTES = {
    Family.QRCODE: (handlers_qr.HANDLERS, handlers_qr.ERROR_SHAPE),
    Family.QRM: (handlers_issuer.HANDLERS, set()),
    Family.RECORDS: (handlers_records.HANDLERS, handlers_records.ERROR_SHAPE),
}


class _Handler(BaseHTTPRequestHandler):
    simulator: CloudSimulator
    protocol_version = "HTTP/1.1"
    timeout = 5  # an idle keep-alive connection frees its thread

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sim-cloud: " + format, *args)

    def do_GET(self) -> None:
        self._send(405, b"POST only", "text/plain")

    def do_POST(self) -> None:
        sim = self.simulator
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        family, action, query = _route(self.path)
        sim.received(action)
        fault = sim._take_fault(action)
        if fault and not fault.after_effect and self._fault(fault):
            return
        envelope = self._answer(family, action, query, raw)
        if fault and fault.kind in ANSWER_FAULTS:
            self._misanswer(fault, envelope)
            return
        if fault and fault.after_effect and self._fault(fault):
            return
        self._send(200, json.dumps(envelope, ensure_ascii=False).encode(), "application/json")

    def _misanswer(self, fault: Fault, envelope: dict[str, Any]) -> None:
        if fault.kind == "reshape" and fault.reshape is not None:
            envelope = fault.reshape(envelope)
        body = json.dumps(envelope, ensure_ascii=False).encode()
        if fault.kind == "reshape":
            self._send(200, body, "application/json")
            return
        if fault.kind == "truncate":  # complete over HTTP, but the JSON stops half-way
            self._send(200, body[: len(body) // 2], "application/json")
            return
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):  # "drip"; ends when the client has gone
                if self.simulator._stopping.is_set():
                    return
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                self.simulator.wait(fault.delay)
        except OSError:
            pass  # the client gave up

    def _fault(self, fault: Fault) -> bool:
        """Apply a fault; True when the answer is already handled (or withheld)."""
        sim = self.simulator
        if fault.kind == "slow":
            sim.wait(fault.delay)
            return False
        if fault.kind == "drop":
            self.close_connection = True
            return True
        if fault.kind == "http500":
            self._send(500, b"Internal Server Error", "text/plain")
            return True
        if fault.kind == "limit":
            body = {"status": 4005, "info": "api request limit", "message": "api request limit"}
            self._send(200, json.dumps(body).encode(), "application/json")
            return True
        raise ValueError(f"unknown fault {fault.kind!r}")

    def _answer(self, family: str, action: str, query: dict[str, str], raw: bytes) -> dict:
        sim = self.simulator
        handlers, error_shape = ROUTES[Family(family)] if family in ROUTES else ({}, set())
        try:
            fields = _fields(family, raw, self.headers.get("Content-Type", ""))
            if action not in handlers:
                raise ApiError(4003, "no such api implemented")
            sim.authenticate(family, action, query, self.headers, fields)
            if sim._over_limit():
                raise ApiError(4005, "api request limit")
            data = handlers[action](sim.state, fields)
        except ApiError as exc:
            key = "error" if action in error_shape else "status"
            return {key: int(exc.code), "info": exc.message, "message": exc.message}
        if action in error_shape:
            return {"error": 0, "data": data}
        return {"status": 200, "info": "success", "message": "success", "data": data}

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timed out) before the late answer


_ACTION = "ACTION"  # placeholder filled into PATHS to read the action back out


def _route(path: str) -> tuple[str, str, dict[str, str]]:
    """(family, action, query) of a request path, by the same templates the client uses."""
    parts = urlsplit(path)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    for family, template in PATHS.items():
        t = urlsplit(template.format(action=_ACTION))
        if _ACTION in t.path:  # /Home/Qrm/{action}
            prefix = t.path.removesuffix(_ACTION)
            action = parts.path.removeprefix(prefix)
            if parts.path.startswith(prefix) and action and "/" not in action:
                return family.value, action, query
            continue
        wanted = {k: v[-1] for k, v in parse_qs(t.query).items()}  # /?c=Qrcode&a={action}
        slot = next(k for k, v in wanted.items() if v == _ACTION)
        fixed = {k: v for k, v in wanted.items() if k != slot}
        if parts.path == t.path and fixed.items() <= query.items() and query.get(slot):
            return family.value, query[slot], query
    return "unknown", parts.path, query


def _fields(family: str, raw: bytes, ctype: str) -> dict[str, Any]:
    try:
        if family == Family.QRCODE and "json" in ctype:
            data = json.loads(raw or b"{}")
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return data
        return {k: v[-1] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
    except (ValueError, UnicodeDecodeError):
        raise ApiError(4002, "bad request") from None
