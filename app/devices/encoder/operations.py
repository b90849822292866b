"""Card operations, run on the encoder's device thread: identify, issue, duplicate, wipe.

Issue order (Classic): header first — it holds ``issued_at``, so the old signature stops
matching at the very first write — then the other data blocks and the trailers, and the
commit (signature) block last. Wipe clears the commit block first. Each block is read
back; each trailer is validated before anything is written. An issue succeeds only when
the blocks as read back decode, signature and all, to the stay that was asked for.
Whatever fails, the error's ``state`` says what the card holds now — and when that is not
known (the commit block's write or read-back lost), that it may be valid and must be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.devices.encoder import classic
from app.devices.encoder.base import CardFamily, CardInfo, Encoder
from app.devices.encoder.errors import (
    READ_FAILED,
    UNKNOWN_CARD,
    VERIFY_FAILED,
    encoder_error,
    with_state,
)
from app.devices.encoder.layout import Decoded, Layout
from app.devices.encoder.session import CardSession, select_card
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.runtime.device_thread import JobCancelled, JobContext

ZERO = bytes(16)


@dataclass(frozen=True)
class Step:
    block: int  # Classic block, or first Ultralight page
    data: bytes = field(repr=False)
    role: str  # "data", "trailer", "commit"


@dataclass
class OperationResult:
    operation: str
    card: CardInfo
    state: str
    issuance: Issuance | None = None
    blocks_written: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "operation": self.operation,
            "card": self.card.to_dict(),
            "state": self.state,
            "issuance": self.issuance.to_dict() if self.issuance else None,
            "blocks_written": self.blocks_written,
        }


def identify(enc: Encoder) -> CardInfo | None:
    """The card on the encoder (any family), or None."""
    return enc.select()


def recognise(
    enc: Encoder, card: CardInfo, layout: Layout, site_key: bytes | None
) -> str | None:
    """Whose keys guard the layout's first sector of the (just selected) card: "site"
    (keyed by this site), "transport" (well-known keys: blank or wiped), "foreign" (none of
    ours), or None when it does not apply (not a Classic card of this layout). One
    authentication when the guess is right; what it learns makes the next operation on
    this card try the right key first (:mod:`.keyhints`)."""
    if not card.family.is_classic or card.family.value not in layout.families:
        return None
    label = CardSession(enc, card, layout, site_key).try_auth(layout.sectors()[0])
    if label is None:
        return "foreign"
    return "site" if label == "site" else "transport"


def capture_uid(enc: Encoder) -> str:
    """The UID of the card on the encoder, for the cloud and the access readers."""
    card = enc.select()
    if card is None:
        raise encoder_error(UNKNOWN_CARD, "no card on the encoder")
    return card.uid_hex


# -- plans -------------------------------------------------------------------------------
def issue_plan(layout: Layout, card: CardInfo, site_key: bytes, blocks: list[bytes]) -> list[Step]:
    if card.family == CardFamily.ULTRALIGHT:
        first = _ul_first_page(layout)
        return [
            Step(first + 4 * i, data, "commit" if i == len(blocks) - 1 else "data")
            for i, data in enumerate(blocks)
        ]
    steps: list[Step] = []
    commit_block = layout.physical(len(blocks) - 1)
    for sector in layout.sectors():
        for i, data in enumerate(blocks[:-1]):
            if classic.sector_of(layout.physical(i)) == sector:
                steps.append(Step(layout.physical(i), data, "data"))
        trailer = layout.trailer(site_key, card.uid, sector)
        steps.append(Step(classic.trailer_of(sector), trailer, "trailer"))
    # The commit goes last, after every trailer (its sector must end up keyed too).
    steps.append(Step(commit_block, blocks[-1], "commit"))
    return steps


def wipe_plan(layout: Layout, card: CardInfo) -> list[Step]:
    n = len(layout.blocks)
    if card.family == CardFamily.ULTRALIGHT:
        first = _ul_first_page(layout)
        order = [n - 1, *range(n - 1)]
        return [Step(first + 4 * i, ZERO, "commit" if i == n - 1 else "data") for i in order]
    commit_sector = classic.sector_of(layout.physical(n - 1))
    sectors = [commit_sector, *(s for s in layout.sectors() if s != commit_sector)]
    steps = [Step(layout.physical(n - 1), ZERO, "commit")]
    for sector in sectors:
        for i in range(n - 1):
            if classic.sector_of(layout.physical(i)) == sector:
                steps.append(Step(layout.physical(i), ZERO, "data"))
        steps.append(Step(classic.trailer_of(sector), classic.transport_trailer(), "trailer"))
    return steps


def _ul_first_page(layout: Layout) -> int:
    if layout.ul_first_page is None:
        raise encoder_error(UNKNOWN_CARD, f"{layout.name} has no Ultralight mapping")
    return layout.ul_first_page


def _check_ul_capacity(session: CardSession, layout: Layout) -> None:
    cc = session.enc.mifare_read(3)  # capability container: byte 2 × 8 = user bytes
    user_bytes = cc[2] * 8 if cc[0] == 0xE1 else 48
    needed = (_ul_first_page(layout) - 4) * 4 + len(layout.blocks) * 16
    if user_bytes < needed:
        raise encoder_error(
            UNKNOWN_CARD,
            f"this Ultralight card has {user_bytes} user bytes; the layout needs {needed} "
            "(use an NTAG213 or larger)",
        )


def _run(session: CardSession, steps: list[Step], ctx: JobContext, what: str) -> None:
    for n, step in enumerate(steps):
        ctx.check()
        ctx.progress(n / len(steps), f"{what}: block {step.block} ({step.role})")
        if session.card.family == CardFamily.ULTRALIGHT:
            session.ul_write_verified(step.block, step.data)
        else:
            session.write_verified(step.block, step.data)
        session.done = n + 1
    ctx.progress(1.0, f"{what}: done")


def _validate_trailers(steps: list[Step]) -> None:
    for step in steps:
        if step.role == "trailer":
            check = classic.validate_trailer(step.data)
            if not check.ok:
                raise encoder_error(
                    READ_FAILED, f"refusing to write trailer {step.block}: {check.reason}"
                )


# -- operations --------------------------------------------------------------------------
def issue(
    enc: Encoder,
    ctx: JobContext,
    layout: Layout,
    site_key: bytes,
    issuance: Issuance,
    operation: str = "issue",
) -> OperationResult:
    """Write ``issuance`` and succeed only when the card, as read back, decodes to it."""
    layout.check(issuance)  # a stay the card cannot hold exactly is refused untouched
    card = select_card(enc, layout)
    blocks = layout.pack(issuance, card.uid, site_key)
    steps = issue_plan(layout, card, site_key, blocks)
    _validate_trailers(steps)
    session = CardSession(enc, card, layout, site_key)
    try:
        if card.family == CardFamily.ULTRALIGHT:
            _check_ul_capacity(session, layout)
        _run(session, steps, ctx, operation)
    except (KeyDeskError, JobCancelled) as exc:
        state = issue_state(session.done, steps, session.touched, session.writing)
        if isinstance(exc, JobCancelled):
            raise JobCancelled(f"{operation} cancelled; {state}") from None
        raise with_state(exc, state) from None
    decoded = _decode_read_back(session, layout, site_key)
    wanted = layout.as_stored(issuance)
    if not decoded.valid or decoded.issuance != wanted:
        found = decoded.issuance.to_dict() if decoded.issuance else decoded.reason
        raise encoder_error(
            VERIFY_FAILED,
            f"the card reads back as {found}, not the stay asked for ({wanted.to_dict()})",
            "not issued: the card does not hold the stay that was asked for; do not hand "
            "it out; issue it again",
        )
    return OperationResult(
        operation, card, "issued: every block written, read back and decoded to the stay "
        "asked for", decoded.issuance, len(steps)
    )


def _decode_read_back(session: CardSession, layout: Layout, site_key: bytes) -> Decoded:
    """The layout's blocks as the card returned them (each read back after its write)."""
    if session.card.family == CardFamily.ULTRALIGHT:
        where = [_ul_first_page(layout) + 4 * i for i in range(len(layout.blocks))]
    else:
        where = [layout.physical(i) for i in range(len(layout.blocks))]
    data = [session.read_back.get(block) for block in where]
    if any(d is None for d in data):
        return Decoded(False, "not every block of the layout was read back")
    return layout.unpack([d for d in data if d is not None], session.card.uid, site_key)


def issue_state(
    done: int, steps: list[Step], touched: bool = True, writing: tuple[int, str] | None = None
) -> str:
    """What a card holds after an issue stopped with ``done`` steps verified, while
    ``writing`` = (block, "sent" | "confirmed") was in flight."""
    total = len(steps)
    if not touched:
        return "card unchanged: nothing was written; it can be issued again"
    if done == 0:
        return (
            "not issued: the first block write was interrupted; the new stay is not on the "
            "card and any earlier issuance on it must be treated as void; the card can be "
            "issued again"
        )
    if done < total - 1:
        return (
            f"not issued: {done} of {total} blocks written and verified, commit block not "
            "written; the card does not open any door and can be issued again"
        )
    if done == total - 1:
        commit = steps[-1].block
        if writing == (commit, "confirmed"):
            return (
                "not verified: the card confirmed the commit block, but its read-back was "
                "lost, so the card may be valid; read it before handing it out, and issue "
                "it again if it reads invalid"
            )
        if writing == (commit, "sent"):
            return (
                "not confirmed: the commit block was being written when the card or the "
                "link was lost; it may be whole (the card is then valid) or half-written "
                "(it then opens no door); read it before handing it out, and issue it "
                "again if it reads invalid"
            )
        return (
            "not issued: every block but the commit block was written; the commit block "
            "was not written, so the card opens no door; it can be issued again"
        )
    return "issued"


def duplicate(
    enc: Encoder,
    ctx: JobContext,
    layout: Layout,
    site_key: bytes,
    source: Issuance,
    source_uid: bytes | None = None,
) -> OperationResult:
    """Another card for the same stay: the source's rooms, times and kind with the next
    sequence number. With ``source_uid`` the card being copied is refused (the guest
    would get one card, not two); without it the card is rewritten in place."""
    if source_uid is not None:
        card = enc.select()
        if card is not None and card.uid == source_uid:
            raise encoder_error(
                UNKNOWN_CARD,
                f"card {card.uid_hex} is the card being copied: put the new card on the encoder",
            )
    return issue(enc, ctx, layout, site_key, source.next_copy(), operation="duplicate")


def wipe(enc: Encoder, ctx: JobContext, layout: Layout, site_key: bytes | None) -> OperationResult:
    """Back to a blank card with transport keys (commit block cleared first)."""
    card = select_card(enc, layout)
    steps = wipe_plan(layout, card)
    _validate_trailers(steps)
    session = CardSession(enc, card, layout, site_key)
    try:
        _run(session, steps, ctx, "wipe")
    except (KeyDeskError, JobCancelled) as exc:
        done = session.done
        if not session.touched:
            state = "card unchanged: nothing was written (it still holds what it held)"
        elif done == 0:
            state = "not wiped: the commit block may be unchanged; the card may still open doors"
        else:
            state = (
                f"partly wiped ({done} of {len(steps)} blocks): the commit block is cleared, "
                "so the card no longer opens any door; wipe it again to make it blank"
            )
        if isinstance(exc, JobCancelled):
            raise JobCancelled(f"wipe cancelled; {state}") from None
        raise with_state(exc, state) from None
    return OperationResult("wipe", card, "blank: transport keys, no issuance", None, len(steps))
