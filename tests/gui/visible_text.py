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

from tests.english_words import ALLOWED, ENGLISH, PT_ALLOWED, english_words

__all__ = ["ALLOWED", "ENGLISH", "PT_ALLOWED", "english", "still_english", "visible_texts"]


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
    return bool(english_words(text, lang))


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
