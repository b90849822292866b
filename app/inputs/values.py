"""The one place where a typed value becomes a number, a time, an address, a code or a
file: each parser returns the value or raises :class:`InputError` saying what form is
accepted. The command line (``app.cli.argtypes``) and the window use the same ones.
"""

from __future__ import annotations

import math
import os
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from app.i18n import LANGUAGES, SYSTEM
from app.inputs.errors import InputError, Phrase, shown

# Dates KeyDesk works with: what every card layout, lock and cloud can hold, and far
# from the ends of Python's calendar (9999-12-31 + one day must never be computed).
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
CODE_MAX = 64  # the longest vendor code is a 9-digit number or a 20-letter event name
EXAMPLE_TIME = "2026-11-21T14:00"
EXAMPLE_DAY = "2026-11-21"


def _float(text: str) -> float | None:
    raw = str(text).strip()
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # 1,5: a decimal comma, as pt-BR and zh-CN write it
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number(text: str, low: float, high: float, key: str = "seconds") -> float:
    """A finite number from ``low`` to ``high`` (``key``: "seconds" or "hours")."""
    value = _float(text)
    if value is None or not low <= value <= high:
        raise InputError(key, value=shown(text), low=_plain(low), high=_plain(high))
    return value


def plain_number(text: str, low: float, high: float) -> float:
    return number(text, low, high, "number")


def seconds(text: str, low: float = 0.1, high: float = 600.0) -> float:
    return number(text, low, high, "seconds")


def hours(text: str, low: float = 0.25, high: float = 24.0 * 366) -> float:
    return number(text, low, high, "hours")


def whole(text: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` ("5", not "5.0", "5e3" or 5000 digits)."""
    raw = str(text).strip()
    body = raw[1:] if raw[:1] in "+-" else raw
    if not body.isdigit() or not body.isascii() or len(body) > len(str(max(abs(low), high))):
        raise InputError("whole", value=shown(text), low=low, high=high)
    value = int(raw)
    if not low <= value <= high:
        raise InputError("whole", value=shown(text), low=low, high=high)
    return value


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _in_range(value: date, text: str) -> None:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise InputError("too_far", value=shown(text), low=FIRST_DAY.isoformat(),
                         high=LAST_DAY.isoformat())


def moment(text: str) -> datetime:
    """A date and time: ``2026-11-21T14:00`` or ``2026-11-21 14:00``, optionally with an
    offset (``+08:00``, ``Z``); a bare date is its midnight. Naive or aware as written."""
    raw = str(text).strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InputError("datetime", value=shown(text), example=EXAMPLE_TIME) from None
    _in_range(value.date(), text)
    return value


def day(text: str) -> date:
    """A calendar date, ``2026-11-21``."""
    raw = str(text).strip()
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise InputError("date", value=shown(text), example=EXAMPLE_DAY) from None
    _in_range(value, text)
    return value


def web_address(text: str, example: str = "http://192.168.1.108") -> str:
    """An http(s) address whose port, if any, exists."""
    return _url(text, ("http", "https"), example)


# pyserial's URL handlers that can reach an encoder (socket:// is the simulator).
SERIAL_SCHEMES = ("socket", "rfc2217", "loop", "spy", "hwgrep", "alt")


def encoder_port(text: str) -> str:
    """A serial device (``COM3``, ``/dev/ttyUSB0``) or a pyserial URL whose port exists
    (``socket://127.0.0.1:7000``); "" means the remembered encoder."""
    raw = str(text).strip()
    if "://" not in raw:
        if raw and not raw.isprintable():
            raise InputError("address", value=shown(text), example="COM3, /dev/ttyUSB0")
        return raw
    return _url(raw, SERIAL_SCHEMES, "socket://127.0.0.1:7000")


def _url(text: str, schemes: tuple[str, ...], example: str) -> str:
    raw = str(text).strip()
    bad = InputError("address", value=shown(text), example=example)
    if not raw.isprintable() or any(c.isspace() for c in raw):
        raise bad
    try:
        parts = urlsplit(raw)
    except ValueError:  # an unbalanced [ in the host
        raise bad from None
    if parts.scheme.lower() not in schemes or not parts.netloc:
        raise bad
    try:
        parts.port  # noqa: B018 - raises for a port out of range or not a number
    except ValueError:
        port = parts.netloc.rpartition(":")[2]
        raise InputError("port", value=shown(text), port=shown(port)) from None
    if parts.port == 0:
        raise InputError("port", value=shown(text), port="0")
    if not parts.hostname:
        raise bad
    return raw


def listen_address(text: str) -> tuple[str, int]:
    """``HOST:PORT`` to listen on (port 0 picks a free one; no host: 127.0.0.1)."""
    raw = str(text).strip()
    host, sep, port = raw.rpartition(":")
    host = host.strip("[]")
    if not sep or not raw.isprintable() or " " in raw:
        raise InputError("address", value=shown(text), example="127.0.0.1:0")
    if not (port.isdigit() and port.isascii() and len(port) <= 5 and int(port) <= 65535):
        raise InputError("port", value=shown(text), port=shown(port))
    return host or "127.0.0.1", int(port)


def host_port(text: str) -> str:
    """``HOST:PORT`` to connect to (a simulator's address), the port a real one."""
    host, port = listen_address(text)
    if port == 0:
        raise InputError("port", value=shown(text), port="0")
    return f"{host}:{port}"


def code(text: str) -> str:
    """A vendor code as typed (``5310``, ``17``, ``BreakIn``, ``0x61``)."""
    raw = str(text).strip()
    if not raw:
        raise InputError("code_empty")
    if len(raw) > CODE_MAX:
        raise InputError("code_long", value=shown(text), n=len(raw), high=CODE_MAX)
    return raw


def language(text: str) -> str:
    """One of KeyDesk's languages, whatever its case or separator (``pt-br``, ``zh_CN``)."""
    wanted = str(text).strip().replace("_", "-").lower()
    for tag in LANGUAGES:
        if tag.lower() == wanted:
            return tag
    raise InputError("language", value=shown(text), choices=", ".join(LANGUAGES))


def language_or_system(text: str) -> str:
    """A language as :func:`language` takes it, or ``system`` (the PC's language)."""
    if str(text).strip().lower() == SYSTEM:
        return SYSTEM
    try:
        return language(text)
    except InputError:
        raise InputError("language", value=shown(text),
                         choices=", ".join([SYSTEM, *LANGUAGES])) from None


def required(text: str, expected: str) -> str:
    """Non-empty text; ``expected`` is a message key saying what to give."""
    raw = str(text).strip()
    if not raw:
        raise InputError("empty", expected=Phrase(expected))
    return raw


def mobile(text: str) -> str:
    """A mobile number as the lock cloud takes it: digits only, 5 to 15 of them."""
    raw = str(text).strip().replace(" ", "").replace("-", "")
    if not (raw.isdigit() and raw.isascii() and 5 <= len(raw) <= 15):
        raise InputError("mobile", value=shown(text))
    return raw


def area_code(text: str) -> str:
    """A country calling code as the lock cloud takes it: 1 to 4 digits (a ``+`` is
    dropped)."""
    raw = str(text).strip().removeprefix("+")
    if not (raw.isdigit() and raw.isascii() and 1 <= len(raw) <= 4):
        raise InputError("area_code", value=shown(text))
    return raw


def output_file(text: str | Path) -> Path:
    """A file KeyDesk may create or replace, checked before any device or service is
    called (a key must never be made and then lost because its image cannot be saved)."""
    path = Path(text).expanduser()
    folder = path.parent
    if not str(text).strip():
        raise InputError("not_file", value=shown(text), reason=Phrase("reason_empty"))
    if not folder.is_dir():
        raise InputError("no_folder", value=shown(text), folder=shown(folder))
    if path.is_dir():
        raise InputError("not_file", value=shown(text), reason=Phrase("reason_folder"))
    target = path if path.exists() else folder
    if not os.access(target, os.W_OK):
        raise InputError("not_file", value=shown(text), reason=Phrase("reason_denied"))
    return path
