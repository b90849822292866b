"""The part body grammar: ``Code=<code>;action=<a>;index=<n>[;data=<JSON>]``.

``data`` is JSON, usually pretty-printed over many lines, and its strings may hold ``;``
and ``=`` — so the head is split off at the *first* ``;data=`` and never split further.
Bytes that are not UTF-8 (names in Latin-1 on old firmware) are read as Latin-1, which
never fails and keeps every byte.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

import orjson

HEARTBEAT = "Heartbeat"
_DECODER = json.JSONDecoder()
_DATA = ";data="


@dataclass(slots=True)
class RawEvent:
    """One event of a part body (not frozen: one is made per event on the reader path,
    and a frozen dataclass's ``__init__`` costs a ``setattr`` call per field). Treat it
    as read-only."""

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


def split_head(head: str) -> tuple[str, str, int | None]:
    """(code, action, index) of ``Code=...;action=...;index=...``. A reader sends a few
    distinct short heads over and over, so each is split once (a long one, which no
    firmware sends, is not kept: the cache stays small whatever a reader sends)."""
    return _short_head(head) if len(head) <= 96 else _split_head(head)


def _split_head(head: str) -> tuple[str, str, int | None]:
    fields: dict[str, str] = {}
    for item in head.split(";"):
        key, eq, value = item.partition("=")
        if eq:
            fields[key.strip().lower()] = value.strip()
    return fields.get("code", ""), fields.get("action", ""), _int(fields.get("index", ""))


_short_head = functools.lru_cache(maxsize=256)(_split_head)


def _data(text: str) -> tuple[dict[str, Any] | None, str]:
    """``data`` as a dict (a JSON value that is not an object goes under "value"), and
    why it could not be read. orjson reads the usual body; what it refuses (junk glued
    after the JSON, NaN, huge integers) takes the standard library's slower, more lenient
    path, so both give the same answer."""
    try:
        decoded = orjson.loads(text)
    except orjson.JSONDecodeError:
        try:
            # raw_decode: bytes glued after the JSON (a part cut at the boundary because
            # of a wrong length, with junk before that boundary) must not lose the event.
            decoded, end = _DECODER.raw_decode(text.lstrip())
        except ValueError as exc:
            return None, f"data is not JSON: {exc}"
        trailing = text.lstrip()[end:].strip()
        error = f"{len(trailing)} characters after the JSON data ignored" if trailing else ""
        return (decoded if isinstance(decoded, dict) else {"value": decoded}), error
    return (decoded if isinstance(decoded, dict) else {"value": decoded}), ""


_DATA_BYTES = _DATA.encode()


def usual_parts(body: bytes) -> tuple[bytes, dict[str, Any], str] | None:
    """(head bytes, data, text) of the usual body, UTF-8 ``Code=…;action=…;index=…;
    data=<JSON object>``: orjson reads the JSON from the bytes, never from a text copy.
    None for anything else (the general path gives the same answer, slower). Shared by
    :func:`_usual` and the stream's faster path, :func:`app.access.usual_event.usual_event`."""
    at = body.find(_DATA_BYTES)
    if at < 0:
        return None
    try:
        text = body.decode("utf-8")
        data = orjson.loads(body[at + 6:])  # a copy, yet cheaper than a memoryview
    except (UnicodeDecodeError, orjson.JSONDecodeError):
        return None
    if type(data) is not dict:
        return None
    return body[:at], data, text


def _usual(body: bytes) -> list[RawEvent] | None:
    """The usual body as its one ``RawEvent``, or None (see :func:`usual_parts`)."""
    parts = usual_parts(body)
    if parts is None:
        return None
    raw_head, data, text = parts
    head = raw_head.strip()
    if not head.isascii():
        return None
    code, action, index = split_head(head.decode("ascii"))
    return [RawEvent(code, action, index, data, text, True)] if code else None


def parse_body(body: bytes) -> list[RawEvent]:
    """Every event in one part body (a few firmwares put several lines without data)."""
    usual = _usual(body)
    if usual is not None:
        return usual
    shown, faithful, utf8 = body_text(body)
    stripped = faithful.strip()
    if stripped == HEARTBEAT:
        return [RawEvent(HEARTBEAT, "", None, None, shown, utf8)]
    at = stripped.find(_DATA)
    if at < 0 and "\nCode=" in stripped:
        return [ev for line in body.splitlines() if line.strip() for ev in parse_body(line)]
    code, action, index = split_head(stripped if at < 0 else stripped[:at])
    if not code:
        return [RawEvent("", "", None, None, shown, utf8, "not a Code=...; body")]
    data: dict[str, Any] | None = None
    error = ""
    if at >= 0:
        data, error = _data(stripped[at + len(_DATA):])
    return [RawEvent(code, action, index, data, shown, utf8, error)]
