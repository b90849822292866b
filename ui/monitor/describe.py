"""A stored event in plain words: the texts of one Monitor row.

Plain Python but for Qt's translation lookup (context ``EventWords``) and ``QLocale``'s
times, so it is cheap to call for every row and easy to test. Vendor codes are explained
through the error catalog (``app.catalog``) in ``lang``; when the catalog has no entry
the reader's own texts from the payload are shown, and unknown events show their raw body.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import catalog
from app.domain.stored import ALARM_CODES, StoredEvent
from ui.device_names import device_name
from ui.qt_noop import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
# The way through a door, as the reader tells it (app.access.decode keeps only these two).
DIRECTIONS = {"entry": QT_TRANSLATE_NOOP("EventWords", "entry"),
              "exit": QT_TRANSLATE_NOOP("EventWords", "exit")}


@dataclass(frozen=True)
class RowText:
    time: str
    reader: str
    door: str
    person: str
    method: str
    result: str
    detail: str  # the long form: explanation, next step, raw body
    verdict: str  # "granted", "refused", "alarm" or "" (drives the row colour)
    explain: tuple[str, str] | None = None  # (domain, code) for the Explain page


@dataclass(frozen=True)
class Wording:
    title: str
    explanation: str
    action: str


def is_alarm(event: StoredEvent) -> bool:
    return event.severity == "alarm" or event.code in ALARM_CODES


def raises_alarm(event: StoredEvent) -> bool:
    """An alarm that starts (or pulses): the banner sounds for it; its "Stop" does not."""
    return is_alarm(event) and event.payload.get("action") != "Stop"


@functools.lru_cache(maxsize=2048)
def catalog_wording(domain: str, code: str, lang: str = "en") -> Wording | None:
    """The catalog's title/explanation/action for (domain, code), or None."""
    try:
        entry = catalog.load_catalog().get(domain, code)
    except catalog.CatalogError:  # a broken catalog must never break the live table
        log.exception("the error catalog could not be loaded")
        return None
    if entry is None:
        return None
    text = entry.text(lang)
    return Wording(text.title, text.explanation, text.action)


def local_time(iso: str, drift: float | None = None) -> str:
    """The event's time on this PC's clock, written the desk's way (QLocale): the device's
    own stamp, less the device's measured clock drift (its clock minus the PC's) when
    known."""
    from ui import formats

    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if drift:
        when -= timedelta(seconds=drift)
    return formats.when(when.astimezone(), seconds=True)


DRIFT_SHOWN = 1.0  # seconds: a smaller drift changes nothing a person reads


def _sentence(text: str) -> str:
    """Lower-case the first letter to continue a sentence (not acronyms like "PIN")."""
    text = text.strip()
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _first(text: str) -> str:
    """The first sentence, without its full stop (the table cell stays short)."""
    head = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return head.rstrip(".")


def _person(p: dict[str, Any], event: StoredEvent) -> str:
    name = p.get("user_name") or ""
    user = event.user or p.get("user") or ""
    parts = []
    if name and user:
        parts.append(QCoreApplication.translate("EventWords", "{name} (user {user})").format(
            name=name, user=user))
    elif name or user:
        parts.append(str(name or QCoreApplication.translate("EventWords", "user {user}")
                         .format(user=user)))
    if event.card:
        parts.append(QCoreApplication.translate("EventWords", "card {card}").format(
            card=event.card))
    return " · ".join(parts)


def _method(p: dict[str, Any], lang: str) -> str:
    method = p.get("method")
    if method is None or method == "":
        return str(p.get("method_text") or "")
    wording = catalog_wording("open_door_method", str(method), lang)
    return wording.title if wording else str(p.get("method_text") or QCoreApplication.translate(
        "EventWords", "method {method}").format(method=method))


def _access_result(event: StoredEvent, lang: str) -> tuple[str, str, str, tuple | None]:
    p = event.payload
    if event.granted:
        return QCoreApplication.translate("EventWords", "Granted"), "", "granted", None
    code = p.get("error_code")
    wording = catalog_wording("reader_event_error", str(code), lang) if code is not None else None
    if wording is not None:
        # Catalog titles of refusals read "Refused: <reason>" (in English; the other
        # languages the same way with their own word); others (duress, patrol card,
        # waiting for a second credential) say what happened instead.
        title = wording.title
        english = catalog_wording("reader_event_error", str(code), "en")
        if english is not None and english.title.lower().startswith("refused"):
            verdict = QCoreApplication.translate("EventWords", "Refused")
            _head, colon, rest = title.replace("：", ":").partition(":")
            title = rest.strip(" —-") if colon else title
        else:
            verdict = QCoreApplication.translate("EventWords", "Not opened")
        text = QCoreApplication.translate(
            "EventWords", "{verdict} — {reason} ({code}): {explanation}; {action}").format(
            verdict=verdict, reason=_sentence(title), code=code,
            explanation=_sentence(_first(wording.explanation)),
            action=_sentence(_first(wording.action)))
        return text, f"{wording.explanation}\n{wording.action}", "refused", (
            "reader_event_error", str(code))
    reason = p.get("error_text") or QCoreApplication.translate("EventWords", "no reason given")
    suffix = f" ({code})" if code is not None else ""
    refused = QCoreApplication.translate("EventWords", "Refused")
    return f"{refused} — {reason}{suffix}", "", "refused", None


def _lock_result(event: StoredEvent, lang: str) -> tuple[str, str, tuple | None] | None:
    """A Bluetooth lock's step or door outcome: what it did, or why it failed."""
    from app.devices.locks import texts

    p = event.payload
    where = " ".join(str(p[k]) for k in ("room", "step") if p.get(k)) or event.device
    reason = str(p.get("reason") or "")
    found = catalog_wording("lock", reason, lang) if reason else None
    if found is not None:
        return (f"{where}: {found.title} — {_sentence(_first(found.action))}",
                f"{found.explanation}\n{found.action}", ("lock", reason))
    if p.get("note"):
        return f"{where}: {texts.note(str(p['note']), lang, **dict(p.get('args') or {}))}", \
            "", None
    outcome = str(p.get("outcome") or "")
    if outcome:
        said = texts.text(outcome, lang) if outcome in texts.TEXTS else outcome
        return f"{where}: {said}", str(p.get("lock_state") or ""), None
    return None


def _desk_result(event: StoredEvent) -> str:
    """A desk action from the audit trail: who did what, to what, and how it ended."""
    from ui.audit.words import action_name, result_text

    p = event.payload
    # A settings change names settings.json keys: the Audit page shows them, not the row.
    keys = ("room",) if event.code == "settings.change" else ("room", "target")
    target = " ".join(str(p[k]) for k in keys if p.get(k))
    said = f"{p.get('who') or '?'}: {action_name(event.code)}"
    if target:
        said += f" ({target})"
    return f"{said} — {result_text(str(p.get('result') or ''))}"


def _card_result(event: StoredEvent) -> str:
    """A card put on or taken off the encoder."""
    from ui.front_desk.encoder_panel import KEYS_TEXT

    p = event.payload
    if event.code == "CardRemoved":
        return QCoreApplication.translate("EventWords", "Card {uid} taken off the encoder").format(
            uid=p.get("uid", "?"))
    what = [str(p.get("family") or "?")]
    if p.get("keys") in KEYS_TEXT:
        what.append(QCoreApplication.translate("EncoderPanel", KEYS_TEXT[str(p["keys"])]))
    return QCoreApplication.translate("EventWords", "Card {uid} on the encoder ({what})").format(
        uid=p.get("uid", "?"), what=", ".join(what))


def _other_result(event: StoredEvent, lang: str) -> tuple[str, str, tuple | None]:
    p = event.payload
    if event.code == "DoorStatus":
        status = (p.get("data") or {}).get("Status") if isinstance(p.get("data"), dict) else None
        status = status or p.get("status")
        if status:
            if str(status).lower() == "open":
                return QCoreApplication.translate("EventWords", "Door opened"), "", None
            return QCoreApplication.translate("EventWords", "Door closed"), "", None
    wording = None
    if event.kind == "reader":
        wording = catalog_wording("reader_event_type", event.code, lang)
    if event.kind == "lock":
        lock = _lock_result(event, lang)
        if lock is not None:
            return lock
    if event.kind == "desk":
        return _desk_result(event), "", None
    if event.kind == "encoder" and event.code in ("CardPlaced", "CardRemoved"):
        return _card_result(event), "", None
    action = p.get("action")
    suffix = " " + QCoreApplication.translate("EventWords", "(ended)") if action == "Stop" else ""
    alarm = QCoreApplication.translate("EventWords", "ALARM")
    if wording is not None:
        prefix = alarm + " — " if is_alarm(event) else ""
        return (f"{prefix}{wording.title}{suffix}: {_sentence(_first(wording.explanation))}",
                f"{wording.explanation}\n{wording.action}", ("reader_event_type", event.code))
    if is_alarm(event):
        return f"{alarm} — {event.code}{suffix}", "", None
    summary = ", ".join(
        f"{k}={v}" for k, v in p.items()
        if k not in {"device", "device_url", "code", "time", "dedupe_key", "data", "index"}
        and v not in (None, "", {}, [])
    )
    if not summary and event.raw:  # an event nobody decodes: show it as it came
        summary = event.raw.strip().replace("\n", " ")[:160]
    return f"{event.code}{suffix}" + (f" — {summary}" if summary else ""), "", None


def describe(event: StoredEvent, lang: str = "en", drift: float | None = None) -> RowText:
    """The texts of ``event``'s row. ``drift``: the device's clock minus this PC's, in
    seconds, when measured — the time is then shown on the PC's clock."""
    if drift is not None and abs(drift) < DRIFT_SHOWN:
        drift = None
    p = event.payload
    door = "" if event.door is None else str(event.door)  # as the device numbers it
    direction = p.get("direction")
    if door and direction:
        way = DIRECTIONS.get(str(direction))
        door += f" ({QCoreApplication.translate('EventWords', way) if way else direction})"
    if event.code == "AccessControl" and event.granted is not None:
        result, detail, verdict, explain = _access_result(event, lang)
    else:
        result, detail, explain = _other_result(event, lang)
        verdict = "alarm" if is_alarm(event) else ""
    raw = event.raw.strip()
    backfilled = p.get("origin") == "backfill"
    note = QCoreApplication.translate(
        "EventWords", "Fetched from the reader's own log after a gap in the live stream."
    ) if backfilled else ""
    clock = ""
    if drift is not None:
        clock = QCoreApplication.translate(
            "EventWords", "Time on this PC's clock; the reader's own clock said {time} "
            "({offset} s off).").format(time=local_time(event.time),
                                         offset=f"{'+' if drift > 0 else '−'}{abs(drift):.0f}")
    raw_line = QCoreApplication.translate("EventWords", "Raw: {raw}").format(raw=raw) \
        if raw else ""
    full = "\n".join(x for x in (result, detail, note, clock, raw_line) if x)
    return RowText(
        time=local_time(event.time, drift) + (" ↺" if backfilled else ""),
        reader=device_name(event.device, event.kind),
        door=door,
        person=_person(p, event),
        method=_method(p, lang) if event.code == "AccessControl" else "",
        result=result,
        detail=full,
        verdict=verdict,
        explain=explain,
    )
