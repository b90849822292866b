"""Self-test of the card encoder path: issue, read back and wipe a card on the demo
simulator, through the encoder service (the real PN532 driver over its socket)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.selftest import Check, SelfTestContext


def _issue_read_wipe(ctx: SelfTestContext) -> str:
    from app.domain.cards import Issuance

    demo = ctx.demo
    url = demo.endpoints.get("encoder")
    if not url:
        raise RuntimeError("the encoder simulator is not running")
    if demo.encoder is None:
        raise RuntimeError("the encoder simulator is not running")
    demo.encoder.place("classic-1k")
    start = datetime.now().replace(second=0, microsecond=0)
    issuance = Issuance(("101",), start, start + timedelta(days=2), "guest", 1)

    service = ctx.services.start_encoder()  # the window's own service: one port, one owner
    issued = service.issue(issuance).result(20)
    back = service.read(full=False).result(20)
    assert back.decoded.valid, back.decoded.reason
    assert back.decoded.issuance == issuance, "card reads back a different stay"
    service.wipe().result(20)
    blank = service.read(full=False).result(20)
    assert not blank.decoded.valid, "wiped card still verifies"
    return f"card {issued.card.uid_hex}: issued, verified, wiped"


CHECKS = [Check("card encoder: issue, read back, wipe", _issue_read_wipe)]
