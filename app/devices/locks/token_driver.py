"""A lock opened by the lock cloud's Bluetooth string (UCLBRT ``getCard``, resultType 2).

The cloud makes an opaque ``bleStr`` for the lock's MAC; KeyDesk writes it to the
profile's characteristic (chunked, ended by the profile's terminator) and judges the
lock's answer by the profile's success / failure prefixes. The cloud's own refusals in
this flow become the lock domain's ``cloud-NNNN`` entries, which say what to do at the
door.
"""

from __future__ import annotations

import asyncio

from app.devices.locks.driver import LockDriver, Opening
from app.devices.locks.errors import lock_error
from app.domain.errors import KeyDeskError

# Cloud codes of this flow that the lock domain explains for the technician.
CLOUD_CODES = {"5208", "5209", "5211", "5213", "5214", "5215", "6107", "6114", "6116"}
ANSWER_LIMIT = 256  # bytes of answer kept before giving up on a terminator


class TokenDriver(LockDriver):
    async def _token(self) -> str:
        if self.ctx.token is None:
            raise lock_error("no-cloud", "no lock cloud is configured to make the key")
        try:
            return await self.ctx.token(self.ctx.mac)
        except KeyDeskError as exc:
            if exc.domain == "cloud_api" and exc.code in CLOUD_CODES:
                raise lock_error(f"cloud-{exc.code}", exc.detail) from None
            raise

    async def open(self) -> Opening | None:
        token = await self._token()
        gatt, frame = self.profile.gatt, self.profile.frame
        assert gatt.write is not None and frame is not None
        self.link.drain()
        await self.link.write(gatt.write, token.encode("ascii") + frame.terminator,
                              "write the cloud key")
        self.link.stats.commands += 1
        answer = await self._answer()
        if answer.startswith(self.profile.token_success):
            battery = answer[len(self.profile.token_success):][:1]
            self.ctx.notes.append("opened once")
            return Opening(None, battery=battery[0] if battery else None, method="cloud key")
        if answer.startswith(self.profile.token_failure):
            reason = answer[len(self.profile.token_failure):][:1].hex().upper()
            code = self.profile.errors.get(reason) or self.profile.error_code("refused")
            raise lock_error(code, f"the lock refused the cloud key (reason {reason or '?'})")
        raise lock_error(self.profile.error_code("garbled"),
                         f"the lock answered {answer[:16].hex()}")

    async def _answer(self) -> bytes:
        end = self.profile.frame.terminator if self.profile.frame else b"\r\n"
        buf = bytearray()
        deadline = asyncio.get_running_loop().time() + self.link.timings.reply_timeout
        while end not in buf:
            buf += await self.link.next_chunk(deadline, "the lock's answer to the cloud key")
            if len(buf) > ANSWER_LIMIT:
                break
        return bytes(buf.split(end, 1)[0])
