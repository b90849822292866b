"""What a Settings section is: a heading, a short intro, its fields; it reads the current
settings into its fields (:meth:`load`) and writes them into the copy being saved
(:meth:`collect`), keyring entries included. The page saves every section at once."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.settings import Settings
from app.setup.apply import Applied
from ui.context import UiContext


class Section(QWidget):
    key = ""
    icon_name = ""  # resources/icons/<name>.svg, beside its title in the section list
    saves = True  # False: the section acts at once (operator accounts), not on Save

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName(f"settings_{self.key}")
        self.heading = QLabel()
        self.heading.setObjectName("section_heading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #555;")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(10)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.intro)

    def title(self) -> str:
        raise NotImplementedError

    def set_intro(self, text: str) -> None:
        self.heading.setText(self.title())
        self.intro.setText(text)

    def load(self, settings: Settings) -> None:
        """Show ``settings`` (at start, and after a save or the assistant)."""

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        """Write what the fields say into ``new`` and the keyring changes into ``secrets``."""

    def saved(self, applied: Applied) -> None:
        """After a save (placeholders of secrets, the last test)."""

    def shutdown(self) -> None:
        for child in self.findChildren(QWidget):
            stop = getattr(child, "shutdown", None)
            if callable(stop):
                stop()
