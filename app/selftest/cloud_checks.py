"""Self-test: a guest key issued, fetched as a QR image and cancelled on the simulated cloud."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.cloud.desk import CloudDesk
from app.cloud.models import GuestKeyRequest, RoomRef
from app.selftest import Check, SelfTestContext


def _desk(ctx: SelfTestContext) -> CloudDesk:
    if "cloud" not in ctx.demo.endpoints:
        raise RuntimeError("the simulated cloud did not start")
    return ctx.services.cloud()


def _directory(ctx: SelfTestContext) -> str:
    desk = _desk(ctx)
    buildings = ctx.services.runtime.loop.run(desk.rooms(), timeout=20)
    rooms = sum(len(b.all_rooms()) for b in buildings)
    assert rooms > 0, "the community has no rooms"
    return f"{len(buildings)} buildings, {rooms} rooms"


def _key_round_trip(ctx: SelfTestContext) -> str:
    desk = _desk(ctx)
    start = datetime.now().astimezone().replace(second=0, microsecond=0)
    req = GuestKeyRequest("13800000001", RoomRef("001", "01", "0101"), start,
                          start + timedelta(hours=2))
    issued, qr = ctx.services.runtime.loop.run(desk.issue_key(req), timeout=20)
    assert qr is not None and qr.qr_png and qr.qr_png.startswith(b"\x89PNG"), "no QR"
    ctx.services.runtime.loop.run(desk.cancel_key(issued.card_no), timeout=20)
    if ctx.demo.cloud is not None:
        assert ctx.demo.cloud.state.keys[issued.card_no].cancelled, "the key was not cancelled"
    return f"key {issued.card_no} issued, QR {len(qr.qr_png)} bytes, cancelled"


CHECKS = [
    Check("cloud room directory", _directory),
    Check("cloud guest key issue and cancel", _key_round_trip),
]
