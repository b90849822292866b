"""Card layouts: which bytes of which block hold which field, read from
``resources/layouts/<name>.json``. A layout packs an :class:`Issuance` into 16-byte
logical blocks and unpacks/verifies them; the signature (HMAC-SHA256 with the per-site
key, over the UID and the data) lives in the commit block, which is written last.

To add a vendor layout: copy ``keydesk-open-v1.json``, change the block map and fields
(field types are the ones in :data:`FIELD_TYPES`), and select it in settings
(``card_layout``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from app import paths
from app.devices.encoder import classic, words
from app.domain.cards import Issuance
from app.i18n import Said
from app.inputs import InputError, check_rooms

BLOCK = 16
FIELD_TYPES = (
    "magic", "version", "kind", "sequence", "issued_at", "room_count",
    "valid_from", "valid_to", "room", "signature", "nonce",
)  # fmt: skip
MAX_ROOM_LEN = 8


class LayoutError(ValueError):
    pass


class RoomsError(LayoutError, InputError):
    """Rooms this layout cannot hold: a layout refusal and the person's mistake at once."""


@dataclass(frozen=True)
class Field:
    name: str
    offset: int
    length: int
    type: str
    index: int = 0


@dataclass(frozen=True)
class LogicalBlock:
    name: str
    fields: tuple[Field, ...]
    commit: bool = False


@dataclass(frozen=True)
class Decoded:
    valid: bool
    reason: str  # in English (JSON, logs); ``reason_in`` words it for a person
    issuance: Issuance | None = None
    said: Said | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, valid: bool, key: str, issuance: Issuance | None = None,
           **values: object) -> Decoded:
        said = Said(words.PHRASES, key, **values)
        return cls(valid, str(said), issuance, said)

    def reason_in(self, lang: str | None = None) -> str:
        """Why, in ``lang`` (None: the preferred language)."""
        return self.said.text(lang) if self.said is not None else self.reason

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "reason": self.reason,
            "issuance": self.issuance.to_dict() if self.issuance else None,
        }


class Layout:
    def __init__(self, raw: dict[str, Any]) -> None:
        try:
            self.name: str = raw["name"]
            self.title: str = raw.get("title", self.name)
            self.families: tuple[str, ...] = tuple(raw["families"])
            self.magic = bytes.fromhex(raw["magic"])
            self.version = int(raw["version"])
            self.epoch = datetime.fromisoformat(raw["time_epoch"])
            self.kinds: dict[str, int] = dict(raw["kinds"])
            self.max_rooms = int(raw["max_rooms"])
            self.sig_bytes = int(raw["signature"]["bytes"])
            self.secret_name: str = raw["signature"]["secret"]
            kd = raw["key_derivation"]
            self.key_labels = (kd["key_a_label"].encode(), kd["key_b_label"].encode())
            self.blocks = tuple(
                LogicalBlock(
                    b["name"],
                    tuple(Field(**f) for f in b["fields"]),
                    bool(b.get("commit", False)),
                )
                for b in raw["blocks"]
            )
            cl = raw.get("classic")
            self.classic_blocks: dict[str, int] = dict(cl["blocks"]) if cl else {}
            self.access_bits = bytes.fromhex(cl["access_bits"]) if cl else b""
            self.user_byte = int(cl["user_byte"], 16) if cl else 0x69
            ul = raw.get("ultralight")
            self.ul_first_page: int | None = int(ul["first_page"]) if ul else None
        except (KeyError, TypeError, ValueError) as exc:
            raise LayoutError(f"layout file is malformed: {exc!r}") from None
        self._check()

    def _check(self) -> None:
        if not self.blocks[-1].commit or any(b.commit for b in self.blocks[:-1]):
            raise LayoutError("the commit block must be the last block, and the only one")
        if not any(f.type in ("issued_at", "nonce") for f in self.blocks[0].fields):
            # The first write must change the signed data, or a pulled card keeps its
            # old (valid) issuance.
            raise LayoutError("the first block must hold issued_at or a nonce")
        for b in self.blocks:
            used: set[int] = set()
            for f in b.fields:
                if f.type not in FIELD_TYPES or f.offset < 0 or f.offset + f.length > BLOCK:
                    raise LayoutError(f"field {f.name} is invalid")
                span = set(range(f.offset, f.offset + f.length))
                if used & span:  # one field would overwrite another: a card could lie
                    raise LayoutError(f"field {f.name} overlaps another field of {b.name}")
                used |= span
        if self.classic_blocks:
            if set(self.classic_blocks) != {b.name for b in self.blocks}:
                raise LayoutError("classic block map must name every logical block")
            for phys in self.classic_blocks.values():
                if phys == 0 or classic.is_trailer(phys):
                    raise LayoutError(f"block {phys} is a manufacturer or trailer block")
            check = classic.validate_trailer(
                classic.build_trailer(b"\0" * 6, self.access_bits, b"\0" * 6)
            )
            if not check.ok:
                raise LayoutError(f"layout access bits rejected: {check.reason}")

    # -- geometry ----------------------------------------------------------------------
    def physical(self, index: int) -> int:
        return self.classic_blocks[self.blocks[index].name]

    def sectors(self) -> list[int]:
        """Classic sectors used, in the order they are first written."""
        seen: list[int] = []
        for i in range(len(self.blocks)):
            s = classic.sector_of(self.physical(i))
            if s not in seen:
                seen.append(s)
        return seen

    def ul_pages(self) -> int:
        return len(self.blocks) * 4

    # -- keys --------------------------------------------------------------------------
    def sector_keys(self, site_key: bytes, uid: bytes, sector: int) -> tuple[bytes, bytes]:
        a, b = (
            hmac.new(site_key, label + uid + bytes([sector]), hashlib.sha256).digest()[:6]
            for label in self.key_labels
        )
        return a, b

    def trailer(self, site_key: bytes, uid: bytes, sector: int) -> bytes:
        key_a, key_b = self.sector_keys(site_key, uid, sector)
        return classic.build_trailer(key_a, self.access_bits, key_b, self.user_byte)

    # -- pack / unpack -----------------------------------------------------------------
    def _time(self, value: datetime) -> int:
        if value.tzinfo is not None:  # Issuance refuses these; never drop an offset here
            raise LayoutError(f"{value} has a UTC offset: convert it to the hotel's local time")
        seconds = int((value - self.epoch).total_seconds())
        if not 0 <= seconds <= 0xFFFFFFFF:
            raise LayoutError(f"{value} is outside what this layout can store")
        return seconds

    def signature(self, site_key: bytes, uid: bytes, data_blocks: list[bytes]) -> bytes:
        msg = self.name.encode() + uid + b"".join(data_blocks)
        return hmac.new(site_key, msg, hashlib.sha256).digest()[: self.sig_bytes]

    def room_limits(self) -> tuple[int, int]:
        """(how many rooms a card holds, how many characters a room name may have)."""
        room_fields = [f for b in self.blocks for f in b.fields if f.type == "room"]
        most = min(self.max_rooms, len({f.index for f in room_fields}))
        return most, min([MAX_ROOM_LEN] + [f.length for f in room_fields])

    def check(self, issuance: Issuance) -> None:
        """Refuse (LayoutError) a stay this layout cannot hold exactly — before any port
        is opened or any block written."""
        most, longest = self.room_limits()
        try:
            check_rooms(issuance.rooms, most, longest, needed=issuance.kind == "guest")
        except InputError as exc:  # the person's typing, said in their language
            raise RoomsError(exc.key, **exc.values) from None
        if issuance.kind not in self.kinds:
            raise LayoutError(f"this layout has no {issuance.kind!r} cards")
        for when in (issuance.valid_from, issuance.valid_to):
            self._time(when)
        sequence = next((f for b in self.blocks for f in b.fields if f.type == "sequence"), None)
        if sequence is not None and issuance.sequence >= 1 << (8 * sequence.length):
            raise LayoutError(f"card number {issuance.sequence} is too large for this layout")

    @staticmethod
    def as_stored(issuance: Issuance) -> Issuance:
        """The stay as a card of this layout holds it (whole seconds), to compare with
        what a card reads back."""
        return replace(
            issuance,
            valid_from=issuance.valid_from.replace(microsecond=0),
            valid_to=issuance.valid_to.replace(microsecond=0),
        )

    def pack(self, issuance: Issuance, uid: bytes, site_key: bytes) -> list[bytes]:
        self.check(issuance)
        rooms = issuance.rooms
        issued_at = issuance.issued_at or datetime.now().replace(microsecond=0)
        values: dict[str, int | bytes] = {
            "magic": self.magic,
            "version": self.version,
            "kind": self.kinds[issuance.kind],
            "sequence": issuance.sequence,
            "issued_at": self._time(issued_at),
            "room_count": len(rooms),
            "valid_from": self._time(issuance.valid_from),
            "valid_to": self._time(issuance.valid_to),
        }
        out = []
        for block in self.blocks[:-1]:
            buf = bytearray(BLOCK)
            for f in block.fields:
                if f.type == "room":
                    raw = rooms[f.index].encode() if f.index < len(rooms) else b""
                    buf[f.offset : f.offset + f.length] = raw.ljust(f.length, b"\0")
                    continue
                if f.type == "nonce":
                    buf[f.offset : f.offset + f.length] = os.urandom(f.length)
                    continue
                value = values[f.type]
                raw = value if isinstance(value, bytes) else value.to_bytes(f.length, "big")
                buf[f.offset : f.offset + f.length] = raw
            out.append(bytes(buf))
        commit = bytearray(BLOCK)
        sig = next(f for f in self.blocks[-1].fields if f.type == "signature")
        commit[sig.offset : sig.offset + sig.length] = self.signature(site_key, uid, out)
        out.append(bytes(commit))
        return out

    def unpack(self, blocks: list[bytes], uid: bytes, site_key: bytes | None) -> Decoded:
        if len(blocks) != len(self.blocks):
            return Decoded.of(False, "short_read")
        if all(not any(b) for b in blocks):
            return Decoded.of(False, "blank")
        vals: dict[str, Any] = {"rooms": {}}
        for block, data in zip(self.blocks, blocks, strict=True):
            for f in block.fields:
                raw = data[f.offset : f.offset + f.length]
                if f.type == "room":
                    vals["rooms"][f.index] = raw.rstrip(b"\0")
                elif f.type != "nonce":
                    vals[f.type] = raw
        if vals.get("magic") != self.magic:
            return Decoded.of(False, "foreign", layout=self.name)
        if int.from_bytes(vals["version"], "big") != self.version:
            return Decoded.of(False, "other_version")
        if not any(vals["signature"]):
            return Decoded.of(False, "not_committed")  # a stopped issue, never "forged"
        if site_key is None:
            return Decoded.of(False, "no_site_key")
        if not hmac.compare_digest(vals["signature"], self.signature(site_key, uid, blocks[:-1])):
            return Decoded.of(False, "forged")
        try:
            kinds = {v: k for k, v in self.kinds.items()}
            count = int.from_bytes(vals["room_count"], "big")
            rooms = tuple(vals["rooms"][i].decode("ascii") for i in range(count))
            epoch = self.epoch
            issuance = Issuance(
                rooms=rooms,
                valid_from=epoch + timedelta(seconds=int.from_bytes(vals["valid_from"], "big")),
                valid_to=epoch + timedelta(seconds=int.from_bytes(vals["valid_to"], "big")),
                kind=kinds[int.from_bytes(vals["kind"], "big")],
                sequence=int.from_bytes(vals["sequence"], "big"),
                issued_at=epoch + timedelta(seconds=int.from_bytes(vals["issued_at"], "big")),
            )
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            return Decoded.of(False, "undecodable", error=exc)
        return Decoded.of(True, "verified", issuance)


@cache
def _load(name: str) -> Layout:
    if not name.replace("-", "").replace("_", "").isalnum():
        raise LayoutError(f"bad layout name {name!r}")
    path = paths.resources_dir() / "layouts" / f"{name}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"no card layout called {name!r}") from None
    return Layout(raw)


def load_layout(name: str = "keydesk-open-v1") -> Layout:
    return _load(name)


def available_layouts() -> list[str]:
    folder = paths.resources_dir() / "layouts"
    return sorted(p.stem for p in folder.glob("*.json"))
