"""Remembered layout: every splitter's sizes and every table header's column widths and
order, per page, kept in ``settings.ui_state`` (saved on close with the window geometry,
never over a settings file that had problems).

Parts are found by walking the page (splitters, then the horizontal headers of its
views) in construction order, which is the same at every start; a saved state that no
longer fits a changed page is ignored by Qt, so an update never breaks the layout.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTreeView,
    QWidget,
)


def _parts(page: QWidget) -> list[tuple[str, QSplitter | QHeaderView]]:
    parts: list[tuple[str, QSplitter | QHeaderView]] = [
        (f"splitter{i}", splitter) for i, splitter in enumerate(page.findChildren(QSplitter))]
    headers: list[QHeaderView] = []
    for view in page.findChildren(QAbstractItemView):
        if isinstance(view, QTableView):
            headers.append(view.horizontalHeader())
        elif isinstance(view, QTreeView):
            headers.append(view.header())
    parts += [(f"columns{i}", header) for i, header in enumerate(headers)]
    return parts


def save(page: QWidget, key: str, state: dict[str, str]) -> None:
    for name, part in _parts(page):
        data = part.saveState()
        state[f"{key}.{name}"] = bytes(data.toBase64().data()).decode("ascii")


def restore(page: QWidget, key: str, state: dict[str, str]) -> int:
    """Put back what was saved for ``key``; the number of parts restored."""
    done = 0
    for name, part in _parts(page):
        saved = state.get(f"{key}.{name}")
        if saved and part.restoreState(QByteArray.fromBase64(saved.encode("ascii"))):
            done += 1
    return done
