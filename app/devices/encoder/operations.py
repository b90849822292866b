"""Card operations, run on the encoder's device thread: identify, issue, duplicate, wipe.

Issue order: the commit (signature) block is written last, so a card whose issue stopped
never verifies. A card that may hold an earlier stay — its commit sector opens with this
site's key — has its commit block cleared *first*: an interrupted re-issue then reads as
"issue not finished" (an empty commit block), never as a card whose data and signature
disagree (which is what an altered or copied card reads as). Then the header (it holds
``issued_at``), the other data blocks and the trailers; a trailer that already holds
exactly what would be written (a re-issue: same keys, same access bits, checked by reading
it) is not rewritten, which pays for the clearing. Wipe clears the commit block first too.

Each written block is read back; each trailer is validated before anything is written. An
issue succeeds only when the blocks as read back decode, signature and all, to the stay
that was asked for. Whatever fails, the error's ``state`` says what the card holds now —
and when that is not known (the commit block's write or read-back lost), that it may be
valid and must be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.devices.encoder import classic, words
from app.devices.encoder.base import CardFamily, CardInfo, Encoder
from app.devices.encoder.errors import (
    NO_CARD,
    READ_FAILED,
    SAME_CARD,
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
    role: str  # "clear" (the old commit, zeroed first), "data", "trailer", "commit"


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
        raise encoder_error(NO_CARD, "no card on the encoder")
    return card.uid_hex


# -- plans -------------------------------------------------------------------------------
def issue_plan(
    layout: Layout, card: CardInfo, site_key: bytes, blocks: list[bytes], clear_first: bool = False
) -> list[Step]:
    """The writes of an issue, in order. With ``clear_first`` (the card may hold an earlier
    stay) the commit block is zeroed first, and its sector is written while there."""
    if card.family == CardFamily.ULTRALIGHT:
        first = _ul_first_page(layout)
        pages = [
            Step(first + 4 * i, data, "commit" if i == len(blocks) - 1 else "data")
            for i, data in enumerate(blocks)
        ]
        return [Step(pages[-1].block, ZERO, "clear"), *pages] if clear_first else pages
    steps: list[Step] = []
    commit_block = layout.physical(len(blocks) - 1)
    sectors = layout.sectors()
    if clear_first:
        steps.append(Step(commit_block, ZERO, "clear"))
        commit_sector = classic.sector_of(commit_block)
        sectors = [commit_sector, *(s for s in sectors if s != commit_sector)]
    for sector in sectors:
        for i, data in enumerate(blocks[:-1]):
            if classic.sector_of(layout.physical(i)) == sector:
                steps.append(Step(layout.physical(i), data, "data"))
        trailer = layout.trailer(site_key, card.uid, sector)
        steps.append(Step(classic.trailer_of(sector), trailer, "trailer"))
    # The commit goes last, after every trailer (its sector must end up keyed too).
    steps.append(Step(commit_block, blocks[-1], "commit"))
    return steps


def may_hold_a_stay(session: CardSession, layout: Layout) -> bool:
    """Could the card hold an earlier stay of this site? Its commit sector opens with the
    site's key (a blank or wiped card has transport keys there). What the encoder already
    knows of the card answers at no cost (the service recognises a card when it is
    placed); a card it knows nothing of is asked, with one authentication."""
    card = session.card
    if card.family == CardFamily.ULTRALIGHT:
        return any(session.enc.mifare_read(_ul_commit_page(layout)))  # no keys: look
    commit_sector = classic.sector_of(layout.physical(len(layout.blocks) - 1))
    if session.hints.of(card.uid):
        return session.guess(commit_sector) == "site"
    return session.try_auth(commit_sector) == "site"
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


def _ul_commit_page(layout: Layout) -> int:
    return _ul_first_page(layout) + 4 * (len(layout.blocks) - 1)


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


class _KeyedAfterAll(Exception):
    """The card turned out to hold this site's keys (what the encoder remembered was
    stale): it may hold a stay, so the issue starts again, clearing its commit first.
    Raised before anything is written."""


def _run(
    session: CardSession, steps: list[Step], ctx: JobContext, what: str, issuing: bool = False
) -> None:
    """Write ``steps`` in order. ``issuing`` without a clearing step: stop before the first
    write if the card holds this site's keys after all (``_KeyedAfterAll``)."""
    guard = issuing and not any(step.role == "clear" for step in steps)
    for n, step in enumerate(steps):
        ctx.check()
        ctx.progress(n / len(steps), f"{what}: block {step.block} ({step.role})")
        if session.card.family == CardFamily.ULTRALIGHT:
            session.ul_write_verified(step.block, step.data)
        elif step.role == "trailer" and _holds_already(session, step):
            pass  # a re-issue: this trailer is exactly what would be written
        else:
            if guard and not session.touched:
                session.auth(classic.sector_of(step.block))
                if session.key_label == "site":
                    raise _KeyedAfterAll
            session.write_verified(step.block, step.data)
        session.done = n + 1
    ctx.progress(1.0, f"{what}: done")


def _holds_already(session: CardSession, step: Step) -> bool:
    """A trailer whose key A is the one that just opened the sector, and whose access
    bits, user byte and key B read as the ones to be written, holds exactly what would be
    written (key A cannot be read back: the authentication proves it). A re-issue finds
    this for both trailers, and reading one is cheaper than writing it."""
    sector = classic.sector_of(step.block)
    label = session.auth(sector)
    opened = next((k.value for k in session.keys(sector) if k.label == label), None)
    if opened != step.data[:6]:
        return False
    if not classic.key_b_readable(classic.decode_access(step.data[6:9])[3]):
        return False
    back = session.enc.mifare_read(step.block)
    if back[6:] != step.data[6:]:
        return False
    session.read_back[step.block] = back
    return True


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
    session = CardSession(enc, card, layout, site_key)
    steps: list[Step] = []
    try:
        if card.family == CardFamily.ULTRALIGHT:
            _check_ul_capacity(session, layout)
        clear = may_hold_a_stay(session, layout)
        steps = issue_plan(layout, card, site_key, blocks, clear_first=clear)
        _validate_trailers(steps)
        try:
            _run(session, steps, ctx, operation, issuing=True)
        except _KeyedAfterAll:
            steps = issue_plan(layout, card, site_key, blocks, clear_first=True)
            _run(session, steps, ctx, operation)
    except (KeyDeskError, JobCancelled) as exc:
        state = issue_state(session.done, steps, session.touched, session.writing)
        if isinstance(exc, JobCancelled):
            key = f"{operation}_cancelled"
            raise JobCancelled(words.state(key, state=state) if key in words.STATES
                               else f"{operation} cancelled; {state}") from None
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
        operation, card, words.state("issued"), decoded.issuance, len(steps)
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
    ``writing`` = (block, "sent" | "confirmed") was in flight (English text that words
    itself in the reader's language where shown: ``app.i18n.worded``)."""
    total = len(steps)
    cleared_first = bool(steps) and steps[0].role == "clear"
    if not touched:
        return words.state("untouched_reissue")
    if done == 0:
        return words.state("clearing_stopped" if cleared_first else "first_write_interrupted")
    if done < total - 1:
        written = done - 1 if cleared_first else done
        blocks = total - 1 if cleared_first else total
        return words.state("partial_cleared" if cleared_first else "partial",
                           written=written, blocks=blocks)
    if done == total - 1:
        commit = steps[-1].block
        if writing == (commit, "confirmed"):
            return words.state("commit_unverified")
        if writing == (commit, "sent"):
            return words.state("commit_sent")
        return words.state("commit_missing")
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
                SAME_CARD,
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
            state = words.state("untouched_wipe")
        elif done == 0:
            state = words.state("not_wiped")
        else:
            state = words.state("partly_wiped", done=done, total=len(steps))
        if isinstance(exc, JobCancelled):
            raise JobCancelled(words.state("wipe_cancelled", state=state)) from None
        raise with_state(exc, state) from None
    return OperationResult("wipe", card, words.state("wiped"), None, len(steps))
