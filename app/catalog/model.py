"""Typed catalog entries (what ``resources/catalog/*.json`` holds, once validated)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from app.i18n import LANGUAGES

SEVERITIES: tuple[str, ...] = ("info", "warning", "error", "alarm")

# Display order of the known domains; a data file may add a new domain (listed after these).
DOMAINS: tuple[str, ...] = (
    "cloud_http",
    "cloud_api",
    "cloud_desk",
    "reader_event_error",
    "reader_request_error",
    "open_door_method",
    "reader_event_type",
    "lock",
    "encoder",
    "desk",
)


class CatalogError(ValueError):
    """A catalog file breaks the format; the message names the file and the entry."""

    def __init__(self, file: str, message: str, code: str | None = None) -> None:
        self.file = file
        self.code = code
        where = f"{file}, entry {code!r}" if code is not None else file
        super().__init__(f"error catalog {where}: {message}")


# A technician's advice may differ per operating system (Device Manager on Windows, the
# dialout group on Linux): the data then gives one text for each of these.
PLATFORMS: tuple[str, ...] = ("windows", "linux", "macos")


def current_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


@dataclass(frozen=True)
class Text:
    """One entry in one language. ``technician_action`` is the advice for this PC's
    operating system; ``technician_by_platform`` holds every system's when they differ."""

    title: str
    explanation: str
    action: str
    technician_action: str | None = None
    causes: tuple[str, ...] = ()
    technician_by_platform: tuple[tuple[str, str], ...] = ()

    def technician_for(self, platform: str) -> str | None:
        return dict(self.technician_by_platform).get(platform, self.technician_action)


@dataclass(frozen=True)
class Entry:
    domain: str
    code: str
    vendor_text: str
    severity: str
    retryable: bool
    i18n: dict[str, Text]
    vendor_symbol: str | None = None
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    seed_note: str | None = None
    file: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.domain, self.code)

    @property
    def vendor_text_shown(self) -> str:
        """The vendor text as a person reads it. The cloud's table prints message and
        description side by side, and often they are the same words ("Device connection
        failed Device connection failed"): shown once. ``vendor_text`` stays verbatim."""
        words = self.vendor_text.split()
        half = len(words) // 2
        if half and len(words) % 2 == 0 and words[:half] == words[half:]:
            return " ".join(words[:half])
        return self.vendor_text

    def text(self, lang: str) -> Text:
        """The entry in ``lang`` (every entry has all of :data:`LANGUAGES`)."""
        return self.i18n.get(lang) or self.i18n[LANGUAGES[0]]

    def to_dict(self, lang: str) -> dict[str, object]:
        """A flat record in one language (the CLI's JSON line, the explain result)."""
        t = self.text(lang)
        return {
            "domain": self.domain,
            "code": self.code,
            "vendor_text": self.vendor_text,
            "vendor_symbol": self.vendor_symbol,
            "title": t.title,
            "explanation": t.explanation,
            "action": t.action,
            "technician_action": t.technician_action,
            "causes": list(t.causes),
            "severity": self.severity,
            "retryable": self.retryable,
            "related": list(self.related),
            "seed_note": self.seed_note,
            "lang": lang,
        }
