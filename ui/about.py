"""The About box: version, licence, and the licences of what KeyDesk is built on."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__

THIRD_PARTY = [
    ("Qt / PySide6", "LGPL-3.0"),
    ("pyserial", "BSD-3-Clause"),
    ("bleak", "MIT"),
    ("httpx", "BSD-3-Clause"),
    ("keyring", "MIT"),
    ("platformdirs", "MIT"),
    ("segno", "BSD-3-Clause"),
    ("tzdata", "Apache-2.0"),
]


def about_text() -> str:
    rows = "".join(f"<li>{name} — {lic}</li>" for name, lic in THIRD_PARTY)
    what = QCoreApplication.translate(
        "About", "Card encoding, lock commissioning, lock-cloud keys and live access "
        "monitoring for hotel and apartment front desks.")
    licence = QCoreApplication.translate("About", "Licence: {licence}").format(
        licence="GPL-3.0-or-later")
    built = QCoreApplication.translate("About", "Built with:")
    return (
        f"<h3>KeyDesk {__version__}</h3><p>{what}</p><p>{licence}</p>"
        f"<p>Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}</p>"
        f"<p>{built}</p><ul>{rows}</ul>"
    )


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About KeyDesk"))
    box.setTextFormat(box.textFormat().RichText)
    box.setText(about_text())
    box.setModal(False)
    box.show()
    return box
