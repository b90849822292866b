"""Whether a text still has English in it, for a language that is not English (no Qt:
the window's walk in ``tests/gui/visible_text.py`` and the command line's test use it).

A text is English when it holds a common English word after the allowed names
(products, codes, units, the demo's own data) are taken out. A Chinese text may hold no
Latin word at all but those allowed.
"""

from __future__ import annotations

import re

# Names that stay as they are in every language: the product and what it is built on,
# vendors, lock models, protocols, units and codes, the demo's own data (its readers,
# operators, rooms, lock families, simulated hardware), and the names of the languages.
ALLOWED = [
    "KeyDesk", "PySide6", "Python", "Qt", "LGPL", "GPL", "BSD", "MIT", "Apache", "pyserial",
    "bleak", "httpx", "keyring", "platformdirs", "segno", "tzdata", "or-later", "Clause",
    "UCLBRT", "TTLock", "Intelbras", "Dahua", "PN532", "QRALOCK", "QRLOCK", "RFLOCK", "V9",
    "QRA", "QRB", "Mifare", "MIFARE", "Classic", "Ultralight", "NTAG", "ISO", "UID", "MAC",
    "USB", "COM3", "dev", "ttyUSB0", "socket", "host", "port", "HOST", "PORT", "CSV", "QR",
    "RF", "SMS", "SID", "URL", "HTTP", "HTTPS", "API", "JSON", "PNG", "PC", "App", "ID",
    "Auth Token", "Token", "Account SID", "GATT", "BLE", "Bluetooth", "AES", "dBm", "s",
    "min", "ms", "MB", "KB", "GB", "keydesk sim lock", "keydesk", "sim", "lock",
    "keydesk audit key --reveal", "keydesk audit key set",  # commands, typed as they are
    "English", "Português", "Brasil", "ok", "OK", "Lobby", "Staff door", "Dana", "Ana",
    "Caio", "Tec", "Bruno", "Carla", "demo-admin", "demo-clerk", "demo-manager", "demo-tech",
    "Garden wing", "classic-1k", "classic-4k", "ultralight", "PIN", "demo", "Zoë",
    "Back Office", "Main building", "BreakIn", "DoorNotClosed",
    "AccessControl", "Duress", "ChassisIntruded", "DoorStatus", "_Button_", "ButtonExit",
    "Reboot", "TimeChange", "AlarmLocal", "e.g.", "etc", "UTC", "GMT", "AM", "PM",
    "Ctrl", "Shift", "Alt",  # keyboard shortcuts as the keys are labelled
    "SQLite", "PostgreSQL", "postgresql", "admin",  # products; the readers' factory user
    "Grace O'Neil; Room=12",  # the simulated reader's card holder (a name with a quote)
]
# Loanwords a Brazilian desk uses as they are.
PT_ALLOWED = ["QR code", "Monitor", "Firmware", "firmware", "online", "offline", "Gateway",
              "gateway", "log", "logs", "Log", "hex", "trace", "antipassback", "status", "Status",
              "site", "sites", "Site"]


def _allowed_re(names: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(
        re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")(?![A-Za-z])")


ALLOWED_RE = {"pt-BR": _allowed_re(ALLOWED + PT_ALLOWED), "zh-CN": _allowed_re(ALLOWED)}
_TAG = re.compile(r"<[^>]+>")
# Identifiers shown as codes (audit actions "card.issue", detail keys "sign_in", URLs).
# Identifiers shown as codes (audit actions "card.issue", URLs) and anything holding a
# digit (card UIDs 04BD57EC, firmware v1.6, ports COM3).
CODE = re.compile(r"\b[A-Za-z0-9]+(?:[._:/][A-Za-z0-9]+)+\b|\b\w*\d\w*\b")
# URLs and file paths (anything printable around a slash): where things are, not words.
PATH = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[!-~]*|(?<![!-~])[~.]?/[!-~]*|"
                   r"\b[A-Za-z]:\\[!-~]*")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Common English words of a desk's screens. Words that are Portuguese too ("a", "do",
# "no", "for", "serial", "data", "total"...) are left out: they would flag Portuguese.
ENGLISH = set("""
the and of to is are was were be been not with from this that these those on in at
by it its or an if then than when while after before into out over up down off any all
every each some more most other another only also just again still now here there
what which who whom whose how why where yes will would can could should must may might
has have had does did done make made get got give given take taken put set show
shown read write written open opened close closed save saved cancel cancelled issue
issued search find found choose chosen pick select type typed press click test tested
check checked copy copied wipe wiped try again start started stop stopped load loaded
card cards room rooms door doors key keys reader readers encoder lock locks cloud guest
guests stay name names time times date dates state status device devices event events
page pages help file quit about settings setting error errors unknown unexpected
something nothing everything someone anyone nobody everybody desk front clock drift
heartbeat result results method person user users number numbers code codes meaning
domain language languages explain explanation detail details raw alarm alarms
acknowledge acknowledged granted refused opened remote remotely gateway signal battery
plan report site nearby scan wake commission identify initialise initialised revisit
failed failure working wait waiting connected connecting disconnected ready available
missing busy blank site's guest's reader's card's room's lock's encoder's window
operator operators role roles password passwords sign signed switch locked unlock
audit trail row rows chain intact broken export exported filter filters until since
days hours minutes seconds today yesterday tomorrow valid invalid expired
building floor holder batch optional mobile area new existing lost report
reported refresh connection community issuer issuers none general port radio
technician keep kept events shown older skipped store database check sound damaged
dismiss explain explained give take away access given taken doors tick least below
see failures per capture captured reading writing copying wiping issuing duplicate
""".split())




def english_words(text: str, lang: str) -> list[str]:
    """The English words left in ``text`` (for ``lang``: pt-BR or zh-CN) once allowed
    names, codes, paths and URLs are taken out."""
    rest = CODE.sub(" ", ALLOWED_RE[lang].sub(" ", PATH.sub(" ", text)))
    words = [w for w in WORD.findall(rest) if w.isascii()]
    if lang == "zh-CN":  # no Latin word of a sentence belongs in Chinese text
        return [w for w in words if len(w) > 2 or w.lower() in ENGLISH]
    return [w for w in words if w.lower().strip("'’-") in ENGLISH]
