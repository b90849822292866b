"""The window's icons: a few Tabler Icons (MIT; ``resources/icons/``, licence beside them),
shipped with KeyDesk — nothing is fetched at run time.

They are drawn from their SVG at the size and pixel ratio the screen asks for, so they
stay sharp on high-DPI screens, in the palette's text colour (the files say
``currentColor``), paler when disabled. An icon's SVG is parsed when it is first drawn:
the window's first frame parses only the icons it shows (the page list's), not those
of the menus.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from app.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer


class SvgIconEngine(QIconEngine):
    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._parsed: QSvgRenderer | None = None

    @property
    def _renderer(self) -> QSvgRenderer:
        if self._parsed is None:  # when first drawn (an icon only in a menu may never be)
            from PySide6.QtSvg import QSvgRenderer

            self._parsed = QSvgRenderer(QByteArray(self._svg))
        return self._parsed

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer.render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(QColor(0, 0, 0, 0))  # transparent (Qt.GlobalColor wakes the Qt namespace)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, pixmap.width(), pixmap.height()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return "#37474f"
    colour: QColor = app.palette().color(QPalette.ColorRole.WindowText)
    return colour.name()


@functools.cache
def _icon(name: str, colour: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    try:
        svg = path.read_bytes()
    except OSError:
        return QIcon()  # a missing icon never stops the window
    return QIcon(SvgIconEngine(svg.replace(b"currentColor", colour.encode("ascii"))))


def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is missing)."""
    return _icon(name, colour or _text_colour())
