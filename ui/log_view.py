"""Help → Show log: the program's log, live, from the bounded in-memory buffer
(``app.logbuffer``), as MusicBrainz Picard shows its own.

A timer on the Qt thread appends what was logged since the last look (every 250 ms), so
logging threads never touch a widget; the view keeps at most the buffer's number of
lines. "Copy" puts the whole log on the clipboard for support; secrets are already
masked in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.logbuffer import MAX_LINES, LogBuffer
from ui.icons import icon

REFRESH_MS = 250


class LogView(QDialog):
    def __init__(self, buffer: LogBuffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buffer = buffer
        self._seen = 0
        self.setObjectName("log_view")
        self.setWindowTitle(self.tr("KeyDesk log"))
        self.resize(900, 520)
        self.text = QPlainTextEdit()
        self.text.setObjectName("log_text")
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(MAX_LINES)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font: QFont = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.setFont(font)
        self.copy_button = QPushButton(icon("clipboard-copy"), self.tr("Copy to clipboard"))
        self.copy_button.setObjectName("log_copy")
        self.copy_button.clicked.connect(self.copy)
        self.folder_button = QPushButton(self.tr("Open log folder"))
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir()))))
        self.note = QLabel(self.tr("The last {count} lines; the full log is in {folder}. "
                                   "Passwords and tokens are masked.").format(
            count=MAX_LINES, folder=paths.log_dir()))
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> int:
        """Append what was logged since the last look; the number of lines added."""
        lines, self._seen = self.buffer.since(self._seen)
        if lines:
            bar = self.text.verticalScrollBar()
            at_end = bar.value() >= bar.maximum() - 2
            self.text.appendPlainText("\n".join(lines))
            if at_end:  # follow the tail unless the person scrolled up to read
                # The cursor at the start of the last line: Qt keeps it in view, so the
                # view shows the newest line from its beginning, not its far end.
                cursor = self.text.textCursor()
                if not cursor.hasSelection():  # never drop what the person is selecting
                    cursor.movePosition(QTextCursor.MoveOperation.End)
                    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                    self.text.setTextCursor(cursor)
                bar.setValue(bar.maximum())
        return len(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.buffer.text())

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)
