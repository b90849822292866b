"""The part body grammar: ``Code=<code>;action=<a>;index=<n>[;data=<JSON>]``.

``data`` is JSON, usually pretty-printed over many lines, and its strings may hold ``;``
and ``=`` — so the head is split off at the *first* ``;data=`` and never split further.
Bytes that are not UTF-8 (names in Latin-1 on old firmware) are read as Latin-1, which
never fails and keeps every byte.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

HEARTBEAT = "Heartbeat"
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class RawEvent:
    code: str
    action: str
    index: int | None
    data: dict[str, Any] | None
    text: str  # the body as text (UTF-8 with replacement characters)
    utf8: bool  # False when the body bytes were not valid UTF-8
    data_error: str = ""  # why ``data`` could not be decoded, when it could not


def body_text(body: bytes) -> tuple[str, str, bool]:
    """(display text with replacements, faithful text, whether the bytes were UTF-8)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="replace"), body.decode("latin-1"), False
    return text, text, True


def _int(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def parse_body(body: bytes) -> list[RawEvent]:
    """Every event in one part body (a few firmwares put several lines without data)."""
    shown, faithful, utf8 = body_text(body)
    stripped = faithful.strip()
    if stripped == HEARTBEAT:
        return [RawEvent(HEARTBEAT, "", None, None, shown, utf8)]
    head, sep, data_text = stripped.partition(";data=")
    if not sep and "\nCode=" in stripped:
        return [ev for line in body.splitlines() if line.strip() for ev in parse_body(line)]
    fields: dict[str, str] = {}
    for item in head.split(";"):
        key, eq, value = item.partition("=")
        if eq:
            fields[key.strip().lower()] = value.strip()
    code = fields.get("code", "")
    if not code:
        return [RawEvent("", "", None, None, shown, utf8, "not a Code=...; body")]
    data: dict[str, Any] | None = None
    error = ""
    if sep:
        try:
            # raw_decode: bytes glued after the JSON (a part cut at the boundary because of
            # a wrong length, with junk before that boundary) must not lose the event.
            decoded, end = _DECODER.raw_decode(data_text.lstrip())
        except ValueError as exc:
            error = f"data is not JSON: {exc}"
        else:
            trailing = data_text.lstrip()[end:].strip()
            if trailing:
                error = f"{len(trailing)} characters after the JSON data ignored"
            if isinstance(decoded, dict):
                data = decoded
            else:
                data = {"value": decoded}
    index = _int(fields.get("index", ""))
    return [RawEvent(code, fields.get("action", ""), index, data, shown, utf8, error)]
