"""What a person can read in a window, and whether any of it is still English.

``visible_texts`` walks a widget tree and collects every text shown to a person: labels,
buttons, check boxes, group box titles, tab titles, table and tree headers and cells,
placeholders, tooltips, accessible names, menu titles and actions, combo box items, list
items, spin box suffixes, window titles. ``english`` says whether a text is (partly)
English: it holds a common English word after the allowed names (products, codes,
units, the demo's own data) are taken out. A Chinese text may hold no Latin word at all
but those allowed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

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


_ALLOWED_RE = {"pt-BR": _allowed_re(ALLOWED + PT_ALLOWED), "zh-CN": _allowed_re(ALLOWED)}
_TAG = re.compile(r"<[^>]+>")
# Identifiers shown as codes (audit actions "card.issue", detail keys "sign_in", URLs).
# Identifiers shown as codes (audit actions "card.issue", URLs) and anything holding a
# digit (card UIDs 04BD57EC, firmware v1.6, ports COM3).
_CODE = re.compile(r"\b[A-Za-z0-9]+(?:[._:/][A-Za-z0-9]+)+\b|\b\w*\d\w*\b")
# URLs and file paths (anything printable around a slash): where things are, not words.
_PATH = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[!-~]*|(?<![!-~])[~.]?/[!-~]*|"
                   r"\b[A-Za-z]:\\[!-~]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

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


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


@functools.cache
def vendor_texts() -> tuple[str, ...]:
    """The vendors' own texts and symbols (the catalog keeps them verbatim: they are what
    a device sends and what support searches for), longest first."""
    from app.catalog import load_catalog

    found = set()
    for entry in load_catalog():
        for text in (entry.vendor_text, getattr(entry, "vendor_text_shown", ""),
                     entry.vendor_symbol):
            if text and len(text) > 3:
                found.add(text)
    return tuple(sorted(found, key=len, reverse=True))


def _without_raw(text: str) -> str:
    """``text`` without an event's raw data line (the reader's own bytes, shown as they
    came for support: "Raw: Code=DoorStatus;data={"Status": "Open"}"), always last."""
    from PySide6.QtCore import QCoreApplication

    prefix = QCoreApplication.translate("EventWords", "Raw: {raw}").split("{raw}")[0]
    at = text.find(prefix) if prefix else -1
    return text if at < 0 else text[:at]


def english(text: str, lang: str) -> bool:
    """True when ``text`` still has English in it (for ``lang``: pt-BR or zh-CN)."""
    text = _without_raw(_plain(text)).replace("&", "")
    for vendor in vendor_texts():
        if vendor in text:
            text = text.replace(vendor, " ")
    rest = _CODE.sub(" ", _ALLOWED_RE[lang].sub(" ", _PATH.sub(" ", text)))
    words = [w for w in _WORD.findall(rest) if w.isascii()]
    if lang == "zh-CN":  # no Latin word of a sentence belongs in Chinese text
        return any(len(w) > 2 or w.lower() in ENGLISH for w in words)
    return any(w.lower().strip("'’-") in ENGLISH for w in words)


def _item_view_texts(view: QAbstractItemView, rows: int = 30) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    from ui.audit.model import AuditTableModel

    # The audit trail's Details column shows what was recorded, keys and values as stored.
    raw_columns = {7} if isinstance(model, AuditTableModel) else set()
    for col in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(col, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(rows, model.rowCount())):
        for col in range(model.columnCount()):
            if col in raw_columns:
                continue
            index = model.index(row, col)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def widget_texts(w: QWidget) -> Iterator[str]:
    """The texts one widget shows (not its children's)."""
    yield w.toolTip()
    yield w.accessibleName()
    if isinstance(w, QMainWindow) or w.isWindow():
        yield w.windowTitle()
    if isinstance(w, QLabel):
        yield w.text()
    elif isinstance(w, QAbstractButton):
        yield w.text()
    elif isinstance(w, QGroupBox):
        yield w.title()
    elif isinstance(w, QLineEdit):
        yield w.placeholderText()
    elif isinstance(w, QPlainTextEdit):
        yield w.placeholderText()
        if w.isReadOnly():
            yield w.toPlainText()
    elif isinstance(w, QTextEdit):
        yield w.placeholderText()
        if w.isReadOnly():
            yield w.toPlainText()
    elif isinstance(w, QComboBox):
        if not w.isEditable():
            yield from (w.itemText(i) for i in range(w.count()))
        elif w.lineEdit() is not None:
            yield w.lineEdit().placeholderText()
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield w.tabText(i)
            yield w.tabToolTip(i)
    elif isinstance(w, QSpinBox):
        yield w.suffix().strip()
        yield w.prefix().strip()
    elif isinstance(w, QMenu):
        yield w.title()
    if isinstance(w, QListWidget):
        yield from (w.item(i).text() for i in range(w.count()))
    elif isinstance(w, QAbstractItemView) and not isinstance(w, QAbstractSpinBox):
        yield from _item_view_texts(w)
    for action in w.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            for sub in menu.actions():
                yield sub.text()


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a person can see in ``root`` now: text -> the widget class showing it."""
    found: dict[str, str] = {}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() and not isinstance(w, QMenu):
            continue
        for text in widget_texts(w):
            text = (text or "").strip()
            if text:
                found.setdefault(text, f"{type(w).__name__} {w.objectName()}".strip())
    return found


def still_english(root: QWidget, lang: str) -> dict[str, str]:
    return {t: where for t, where in visible_texts(root).items() if english(t, lang)}
