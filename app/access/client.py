"""The reader's CGI calls over httpx with Digest auth (runs on the runtime's asyncio loop).

Every failure becomes a :class:`KeyDeskError` in the ``reader_request_error`` domain so
the catalog can explain it: the device's own JSON code when it sends one (newer
firmware), otherwise the closest code of the seed's table. A rejected password is never
retried with the same credentials (devices lock the PC's address out for ~30 min).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from app.domain.errors import KeyDeskError

log = logging.getLogger(__name__)

DOMAIN = "reader_request_error"
# Codes of the seed's "Códigos de Erro Requests" table used for answers without a code.
BAD_CREDENTIALS = 268632085  # USERNAME_OR_PASSWORD_NOT_VALID
ACCOUNT_LOCKED = 268632081
NO_PERMISSION = 268632076  # AUTHORITY_NOT_ENOUGH
INVALID_ARGS = 268632322
UNSUPPORTED = 268632326
UNKNOWN = 268632324
UNAVAILABLE = 268632579
CONNECT_FAILED = 268632082
CONNECT_TIMEOUT = 268632088
TOO_MUCH_DATA = 268632329

_STATUS_CODES = {400: INVALID_ARGS, 404: UNSUPPORTED, 501: UNSUPPORTED, 503: UNAVAILABLE}
STREAM_TIMEOUT = httpx.Timeout(10.0, read=None)  # the heartbeat watchdog replaces it
# A reader that accepts the connection but never sends the stream's response headers
# would otherwise hold the stream forever (the watchdog only starts with the body).
HEADERS_DEADLINE = 15.0
# A CGI answer (identity, clock, a page of 1000 log records) is at most a few hundred KB;
# past this the answer is refused as it arrives, so a hostile peer cannot fill memory.
MAX_ANSWER_BYTES = 8 << 20


def _json_error(text: str) -> tuple[int, str] | None:
    if "{" not in text:
        return None
    try:
        body = json.loads(text)
    except ValueError:
        return None
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, dict) and "code" in err:
        try:
            return int(err["code"]), str(err.get("message") or "")
        except (TypeError, ValueError):
            return None
    return None


def error_from_response(status: int, text: str, what: str) -> KeyDeskError:
    """The KeyDeskError for a failed answer (JSON code, plain ``Error`` or bare status)."""
    err = _error_from_response(status, text, what)
    err.http_status = status  # type: ignore[attr-defined]
    return err


def _error_from_response(status: int, text: str, what: str) -> KeyDeskError:
    coded = _json_error(text)
    if coded is not None:
        code, message = coded
        return KeyDeskError(DOMAIN, code, f"{what}: HTTP {status} {message}".strip(),
                            retryable=False)
    reason = " ".join(line.strip() for line in text.splitlines()[:3] if line.strip())[:200]
    if status == 401:
        code = ACCOUNT_LOCKED if "lock" in reason.lower() else BAD_CREDENTIALS
        return KeyDeskError(
            DOMAIN, code, f"{what}: the reader refused the user name or password ({reason})",
            state="stopped: not retrying, to avoid locking this PC out", retryable=False,
        )
    if status == 403:
        return KeyDeskError(DOMAIN, NO_PERMISSION, f"{what}: HTTP 403 {reason}", retryable=False)
    code = _STATUS_CODES.get(status, UNKNOWN if status >= 500 else INVALID_ARGS)
    return KeyDeskError(DOMAIN, code, f"{what}: HTTP {status} {reason}".strip(),
                        retryable=status >= 500)


def _is_error_text(text: str) -> bool:
    head = text.lstrip()[:64]
    return head.startswith("Error") or _json_error(text) is not None


def transport_error(exc: httpx.TransportError, what: str) -> KeyDeskError:
    code = CONNECT_TIMEOUT if isinstance(exc, httpx.TimeoutException) else CONNECT_FAILED
    return KeyDeskError(DOMAIN, code, f"{what}: {type(exc).__name__}: {exc}", retryable=True)


def _stale(resp: httpx.Response) -> bool:
    if resp.status_code == 403:
        return True
    return resp.status_code == 401 and "stale=true" in resp.headers.get(
        "www-authenticate", "").lower().replace(" ", "")


class ReaderHttp:
    """One reader's HTTP session: Digest auth, a 403-means-stale-nonce retry, errors."""

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        timeout: float = 10.0,
        headers_deadline: float = HEADERS_DEADLINE,
        max_answer: int = MAX_ANSWER_BYTES,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = url.rstrip("/")
        self.timeout = timeout
        self.headers_deadline = headers_deadline
        self.max_answer = max_answer
        self.user = user
        self._password = password
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            auth=httpx.DigestAuth(user, password),
            timeout=httpx.Timeout(timeout),
            transport=transport,
            headers={"User-Agent": "KeyDesk"},
        )
        self.stale_retries = 0  # 403 answers that a fresh challenge cured

    async def aclose(self) -> None:
        await self._client.aclose()

    def _fresh_auth(self) -> None:
        """Forget the cached challenge: the next request is challenged afresh."""
        self._client.auth = httpx.DigestAuth(self.user, self._password)

    async def request(
        self, method: str, path: str, *, params: Any = None, json_body: Any = None,
        what: str = "",
    ) -> str:
        """One CGI call. ``timeout`` is a total deadline for the whole call (a peer that
        drip-feeds its answer cannot stretch it), and the answer is capped in size."""
        what = what or path
        try:
            async with asyncio.timeout(self.timeout * 2):
                return await self._request(method, path, params, json_body, what)
        except TimeoutError:
            raise KeyDeskError(
                DOMAIN, CONNECT_TIMEOUT,
                f"{what}: no complete answer within {self.timeout * 2:.0f} s", retryable=True,
            ) from None

    async def _request(self, method: str, path: str, params: Any, json_body: Any,
                       what: str) -> str:
        for attempt in (0, 1):
            try:
                req = self._client.build_request(method, path, params=params, json=json_body)
                resp = await self._client.send(req, stream=True)
                try:
                    body = await self._read_capped(resp, what)
                finally:
                    await resp.aclose()
            except httpx.TransportError as exc:
                raise transport_error(exc, what) from None
            if _stale(resp) and attempt == 0:
                # Some firmware answers 403 to a stale cached nonce (and a nonce can expire
                # again between challenge and answer): challenge again, once.
                self.stale_retries += 1
                self._fresh_auth()
                continue
            text = body.decode(resp.encoding or "utf-8", "replace")
            if resp.status_code >= 400 or _is_error_text(text):
                raise error_from_response(resp.status_code, text, what)
            return text
        raise AssertionError("unreachable")

    async def _read_capped(self, resp: httpx.Response, what: str) -> bytes:
        """The (decompressed) body, refused as soon as it grows past ``max_answer``."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > self.max_answer:
                raise KeyDeskError(
                    DOMAIN, UNKNOWN,
                    f"{what}: the reader's answer grew past {self.max_answer >> 20} MiB "
                    "(an answer is a few KB); it was cut off", retryable=True)
            chunks.append(chunk)
        return b"".join(chunks)

    @asynccontextmanager
    async def stream(self, path: str) -> AsyncIterator[httpx.Response]:
        """An open streaming response (status checked, same 403 rule as :meth:`request`)."""
        for attempt in (0, 1):
            try:
                req = self._client.build_request("GET", path, timeout=STREAM_TIMEOUT)
                async with asyncio.timeout(self.headers_deadline):
                    resp = await self._client.send(req, stream=True)
            except httpx.TransportError as exc:
                raise transport_error(exc, "event stream") from None
            except TimeoutError:
                raise KeyDeskError(
                    DOMAIN, CONNECT_TIMEOUT,
                    f"event stream: the reader took the connection but sent no answer "
                    f"within {self.headers_deadline:.0f} s", retryable=True) from None
            if _stale(resp) and attempt == 0:
                await resp.aclose()
                self.stale_retries += 1
                self._fresh_auth()
                continue
            if resp.status_code >= 400:
                try:
                    text = (await self._read_capped(resp, "event stream")).decode(
                        "utf-8", "replace")
                except (httpx.HTTPError, KeyDeskError):
                    text = ""
                await resp.aclose()
                raise error_from_response(resp.status_code, text, "event stream")
            try:
                yield resp
            finally:
                await resp.aclose()
            return
