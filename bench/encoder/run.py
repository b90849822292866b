"""Benchmark: issue + verify a full card on the simulator, compared with the protocol's
minimum for the layout (one selection, one authentication per sector, one write and one
read-back per block — nothing less can issue and verify the card).

Prints round trips, bytes on the wire and modelled time (wire bytes at 115200 baud +
chip + card timings from the datasheets) as ratios to that minimum. Goal: ≤ 1.10×.

    python bench/encoder/run.py
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.devices.encoder import frames, operations
from app.devices.encoder.classic import sector_of
from app.devices.encoder.layout import load_layout
from app.devices.encoder.pn532 import Pn532
from app.devices.encoder.sim import EncoderSimulator
from app.devices.encoder.sim.cards import T_AUTH, T_READ, T_SELECT, T_WRITE
from app.devices.encoder.sim.chip import BYTE_TIME, CHIP_TIME
from app.domain.cards import Issuance
from app.runtime import JobContext

KEY = b"bench-site-key"
STAY = Issuance(("101", "102", "103"), datetime(2026, 11, 21, 14), datetime(2026, 11, 23, 12))
GOAL = 1.10


def minimum(uid: bytes, steps: list[operations.Step]) -> dict[str, float]:
    """Round trips, bytes and modelled seconds of the shortest possible exchange."""
    cmds: list[tuple[bytes, bytes, float]] = []  # (command, response, card seconds)
    sel = bytes([1, 1, 0, 4, 8, len(uid)]) + uid
    cmds.append((b"\x4a\x01\x00", b"\x4b" + sel, T_SELECT))
    sector = None
    for step in steps:
        if sector_of(step.block) != sector:
            sector = sector_of(step.block)
            auth = b"\x40\x01\x60" + bytes([step.block]) + bytes(6) + uid[-4:]
            cmds.append((auth, b"\x41\x00", T_AUTH))
        write = b"\x40\x01\xa0" + bytes([step.block]) + step.data
        cmds.append((write, b"\x41\x00", T_WRITE))
        cmds.append((b"\x40\x01\x30" + bytes([step.block]), b"\x41\x00" + bytes(16), T_READ))
    n_bytes = sum(
        len(frames.encode_frame(c)) + len(frames.ACK) + len(frames.encode_frame(r, 0xD5))
        for c, r, _ in cmds
    )
    seconds = n_bytes * BYTE_TIME + sum(CHIP_TIME + t for *_, t in cmds)
    return {"round_trips": len(cmds), "bytes": n_bytes, "seconds": seconds}


def measure(label: str, prepare) -> bool:  # type: ignore[no-untyped-def]
    sim = EncoderSimulator(card="classic-1k").start()
    enc = Pn532.open(sim.url)
    ctx = JobContext("bench", "encoder", None)
    layout = load_layout()
    try:
        prepare(enc, ctx, layout)
        sim.reset_stats()
        result = operations.issue(enc, ctx, layout, KEY, STAY)  # writes + read-back verify
        stats = sim.stats
        blocks = layout.pack(STAY, result.card.uid, KEY)
        low = minimum(result.card.uid, operations.issue_plan(layout, result.card, KEY, blocks))
    finally:
        enc.close()
        sim.stop()
    got = {"round_trips": stats.commands, "bytes": stats.bytes_in + stats.bytes_out,
           "seconds": stats.clock}  # fmt: skip
    ratios = {k: got[k] / low[k] for k in got}
    print(f"\n{label}")
    print(f"  {'':12} {'measured':>10} {'minimum':>10} {'ratio':>7}")
    for k in ("round_trips", "bytes", "seconds"):
        fmt = "{:>10.4f}" if k == "seconds" else "{:>10.0f}"
        print(f"  {k:12} {fmt.format(got[k])} {fmt.format(low[k])} {ratios[k]:>6.2f}x")
    ok = max(ratios.values()) <= GOAL
    print(f"  goal ≤ {GOAL:.2f}x: {'met' if ok else 'NOT met'}")
    return ok


def _reissue(enc, ctx, layout) -> None:  # type: ignore[no-untyped-def]
    operations.issue(enc, ctx, layout, KEY, STAY)  # the card already holds a stay


def main() -> int:
    print("Issue + verify of a full keydesk-open-v1 card (MIFARE Classic 1K), modelled time")
    ok = measure("blank card (the goal)", lambda *_: None)
    measure("re-issue of an issued card (site key tried after the default key)", _reissue)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
