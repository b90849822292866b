"""Signed requests for the three families, with timeouts, retries and back-off.

Runs on the runtime's asyncio loop thread (httpx.AsyncClient). Policy:
- every request has a total deadline (:class:`CallPolicy` ``read_timeout``: connect,
  send and the whole answer) and a size cap on its decoded answer (``BODY_CAPS``,
  :mod:`app.cloud.bodies`);
- READ calls are retried with exponential back-off after network errors, HTTP 5xx and
  answers cut short;
- CREATE and CHANGE calls are never repeated after a lost, late, cut-short or oversized
  answer: that is :class:`OutcomeUnknown`, and the caller (:mod:`app.cloud.verify`)
  finds out by looking, never by sending it again;
- an answer of 4005 (request limit) means nothing happened, so any call backs off and
  tries again, up to ``limit_attempts``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import httpx

from app.cloud import envelope, signing
from app.cloud.bodies import ACCEPTED_ENCODINGS, AnswerTooLarge, read_capped
from app.cloud.config import (
    BODY_CAP,
    BODY_CAPS,
    ENDPOINTS,
    NETWORK_ERROR_CODE,
    PATHS,
    REQUEST_LIMIT_CODE,
    SIG_IN_QUERY,
    CallPolicy,
    Endpoint,
    Family,
    Kind,
)
from app.cloud.credentials import CloudCredentials
from app.cloud.timezones import qr_timestamp
from app.cloud.words import said
from app.domain.errors import KeyDeskError

log = logging.getLogger(__name__)


class OutcomeUnknown(KeyDeskError):
    """A create/change call's answer was lost, late, cut short or oversized: it may have
    taken effect. ``check`` says how to find out before doing it again."""

    def __init__(self, action: str, reason: str, check: str | None = None) -> None:
        super().__init__(
            envelope.DESK_DOMAIN, "outcome-unknown",
            f"{action}: no complete answer from the lock cloud ({reason})",
            state=said("outcome_unknown", check=check or said("check_repeat")),
            retryable=False,
        )
        self.action = action
        self.reason = reason


class Transport:
    def __init__(
        self,
        creds: CloudCredentials,
        policy: CallPolicy | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.creds = creds
        self.policy = policy or CallPolicy()
        self.clock = clock
        self.sleep = sleep  # back-off waits (tests record them instead of waiting)
        deadline = self.policy.read_timeout
        timeout = httpx.Timeout(deadline, connect=min(self.policy.connect_timeout, deadline))
        self._http = http or httpx.AsyncClient(
            timeout=timeout, follow_redirects=False,
            headers={"Accept-Encoding": ACCEPTED_ENCODINGS})
        self.calls = 0  # requests actually sent (tests and the audit trail read it)

    async def aclose(self) -> None:
        await self._http.aclose()

    # -- building requests -------------------------------------------------------------
    def _url(self, ep: Endpoint, sig: str = "") -> str:
        path = PATHS[ep.family].format(action=ep.action)
        if sig and ep.family in SIG_IN_QUERY:
            path += ("&" if "?" in path else "?") + f"sig={sig}"
        base = self.creds.base_url.rstrip("/") + "/"
        return urljoin(base, path.lstrip("/"))

    def build(self, ep: Endpoint, fields: dict[str, Any]) -> httpx.Request:
        c = self.creds
        fields = {k: v for k, v in fields.items() if v is not None}
        if ep.family is Family.QRCODE:
            ts = qr_timestamp(datetime.fromtimestamp(self.clock()))
            sig = signing.qrcode_sig(c.account_sid, c.auth_token, ts)
            headers = {
                "Accept": "application/json",
                "Content-Type": "application/json;charset=utf-8",
                "Authorization": signing.qrcode_authorization(c.account_sid, ts),
            }
            body = json.dumps(fields, ensure_ascii=False).encode()
            return self._http.build_request("POST", self._url(ep, sig), content=body,
                                            headers=headers)
        if ep.family is Family.QRM:
            form = {"accountSid": c.account_sid, **{k: str(v) for k, v in fields.items()}}
            form["sig"] = signing.qrm_sig(ep.action, form, c.auth_token)
            return self._http.build_request("POST", self._url(ep), data=form,
                                            headers={"Accept": "application/json"})
        form = {"accountSid": c.account_sid, "timestamp": str(int(self.clock())),
                "rand": secrets.token_hex(4), **{k: str(v) for k, v in fields.items()}}
        sig = signing.records_sig(form, c.auth_token)
        return self._http.build_request("POST", self._url(ep, sig), data=form,
                                        headers={"Accept": "application/json"})

    # -- sending -----------------------------------------------------------------------
    async def call(self, name: str, fields: dict[str, Any], *, whole: bool = False) -> Any:
        """The answer's ``data`` (the whole envelope with ``whole``)."""
        ep = ENDPOINTS[name]
        p = self.policy
        network_tries = limit_tries = 0
        while True:
            try:
                return await self._once(ep, fields, name, whole)
            except AnswerTooLarge as exc:
                if ep.kind is not Kind.READ:  # it was processed; what it did is unknown
                    raise OutcomeUnknown(ep.action, "the answer was far too large") from None
                log.warning("cloud %s: %s", ep.action, exc.detail)
                raise
            except envelope.GarbledAnswer as exc:
                network_tries += 1
                if ep.kind is not Kind.READ:
                    raise OutcomeUnknown(ep.action, "the answer was cut short or garbled") \
                        from None
                if network_tries >= p.read_attempts:
                    raise
                log.info("cloud %s: %s", ep.action, exc.detail)
                delay = p.delay(network_tries)
            except _NetworkFailure as exc:
                network_tries += 1
                if ep.kind is not Kind.READ and exc.sent:
                    raise OutcomeUnknown(ep.action, exc.reason) from None
                if ep.kind is not Kind.READ:  # never reached the server: nothing happened
                    raise KeyDeskError("cloud_http", exc.code, f"{ep.action}: {exc.reason}",
                                       state="nothing was sent", retryable=True) from None
                if network_tries >= p.read_attempts:
                    raise KeyDeskError(
                        "cloud_http", exc.code, f"{ep.action}: {exc.reason} "
                        f"(tried {network_tries} times)", retryable=True,
                    ) from None
                delay = p.delay(network_tries)
            except KeyDeskError as exc:
                if exc.code != REQUEST_LIMIT_CODE:
                    raise
                limit_tries += 1
                if limit_tries >= p.limit_attempts:
                    raise
                delay = p.delay(limit_tries)
            log.info("cloud %s: retrying in %.2fs", ep.action, delay)
            await self.sleep(delay)

    async def _once(self, ep: Endpoint, fields: dict[str, Any], name: str, whole: bool) -> Any:
        request = self.build(ep, fields)
        self.calls += 1
        log.debug("cloud %s %s", ep.action, ep.family)
        deadline = self.policy.read_timeout
        try:
            async with asyncio.timeout(deadline):
                response = await self._http.send(request, stream=True)
                try:
                    body = await read_capped(response, BODY_CAPS.get(name, BODY_CAP),
                                             ep.action)
                finally:
                    await response.aclose()
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # the request never left
            raise _NetworkFailure(f"cannot connect: {type(exc).__name__}", NETWORK_ERROR_CODE,
                                  sent=False) from None
        except TimeoutError:  # ours: the whole answer did not arrive in time
            raise _NetworkFailure(f"no complete answer within {deadline:g} s",
                                  NETWORK_ERROR_CODE) from None
        except httpx.TimeoutException:
            raise _NetworkFailure("timed out", NETWORK_ERROR_CODE) from None
        except httpx.TransportError as exc:  # reset, dropped or cut short mid-answer
            raise _NetworkFailure(f"connection failed: {type(exc).__name__}",
                                  NETWORK_ERROR_CODE) from None
        if response.status_code >= 500:
            raise _NetworkFailure(f"server error HTTP {response.status_code}", "500")
        if response.status_code != 200:
            code = str(response.status_code)
            raise envelope.error_for(code if code in {"400", "401", "403", "404"} else "400",
                                     f"{ep.action}: HTTP {response.status_code}")
        return envelope.parse(body, ep.action, whole=whole)


class _NetworkFailure(Exception):
    def __init__(self, reason: str, code: str, sent: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.sent = sent  # False when the request surely never reached the server
