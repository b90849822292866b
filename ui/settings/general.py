"""Settings → General: the desk's language and how long events are kept."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox

from app.i18n import LANGUAGE_NAMES, LANGUAGES, SYSTEM
from app.settings import Settings
from app.settings.model import RETENTION_MAX_DAYS, RETENTION_MIN_DAYS
from ui.context import UiContext
from ui.settings.section import Section


class GeneralSection(Section):
    key = "general"
    icon_name = "adjustments"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("The language of the window, the explanations and the "
                               "commands, and how long the Monitor keeps events."))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System default"), SYSTEM)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.retention = QSpinBox()
        self.retention.setObjectName("retention")
        self.retention.setRange(RETENTION_MIN_DAYS, RETENTION_MAX_DAYS)
        self.retention.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Keep events for"), self.retention)
        self.body.addLayout(form)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("General")

    def load(self, settings: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.retention.setValue(settings.event_retention_days)

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        new.language = self.language.currentData()
        new.event_retention_days = self.retention.value()
