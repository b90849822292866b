"""The Settings page: sections (General, Encoder, Lock cloud, Readers, Bluetooth, Store,
Operators) beside a list, one Save for all of them.

Save goes through :func:`app.setup.apply.apply_changes`, the one place that checks the
admin right, writes the keyring and the file, audits, and applies the change to the
running desk; the page then says what happened (the encoder reconnects, readers started
or stopped) and what waits for a restart. Secrets typed here go to the keyring and are
never shown again. The Operators section acts at once instead (accounts, not settings).
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import KeyDeskError
from app.i18n import resolve_language, set_preferred_language
from app.setup.apply import Applied
from ui.context import UiContext
from ui.icons import icon
from ui.settings.devices import CloudSection, EncoderSection, ReadersSection
from ui.settings.general import GeneralSection
from ui.settings.later import BluetoothSection, StoreSection
from ui.settings.operators import OperatorsSection
from ui.settings.section import Section

log = logging.getLogger(__name__)

SECTIONS: list[type[Section]] = [GeneralSection, EncoderSection, CloudSection, ReadersSection,
                                 BluetoothSection, StoreSection, OperatorsSection]


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.sections: dict[str, Section] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("settings_sections")
        self.nav.setAccessibleName(self.tr("Settings sections"))
        self.nav.setFixedWidth(180)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for section_class in SECTIONS:
            section = section_class(ctx)
            self.sections[section.key] = section
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(section)
            self.stack.addWidget(scroll)
            self.nav.addItem(QListWidgetItem(icon(section.icon_name), section.title()))
        self.nav.currentRowChanged.connect(self._section_changed)

        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("save_settings")
        self.save_button.setToolTip(self.tr("Save every section (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.status, 1)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addLayout(bar)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)

        self.load()
        self.nav.setCurrentRow(0)
        # What the tests and older callers reach directly.
        general = self.sections["general"]
        assert isinstance(general, GeneralSection)
        self.language, self.retention = general.language, general.retention
        encoder = self.sections["encoder"]
        assert isinstance(encoder, EncoderSection)
        self.encoder_trace = encoder.trace
        cloud = self.sections["cloud"]
        assert isinstance(cloud, CloudSection)
        self.cloud = cloud
        self.cloud_edits, self.secret_edits = cloud.form.edits, cloud.form.secret_edits

    def section(self, key: str) -> Section:
        return self.sections[key]

    def show_section(self, key: str) -> Section:
        self.nav.setCurrentRow(list(self.sections).index(key))
        return self.sections[key]

    def _section_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        section = list(self.sections.values())[row]
        self.save_button.setVisible(section.saves)

    def load(self) -> None:
        for section in self.sections.values():
            section.load(self.ctx.settings)

    def test_cloud(self) -> None:
        self.cloud.form.test()

    # -- save ----------------------------------------------------------------------------
    def save(self) -> Applied | None:
        from app.setup.apply import apply_changes

        new = copy.deepcopy(self.ctx.settings)
        secrets: dict[str, str | None] = {}
        for section in self.sections.values():
            if section.saves:
                section.collect(new, secrets)
        was_speaking = resolve_language(self.ctx.settings.language)
        try:
            applied = apply_changes(self.ctx.services, new, secrets, self.ctx.save_settings)
        except KeyDeskError as exc:  # refused (not an admin), or the file not written
            from ui.widgets.message_banner import describe_error

            self._say(describe_error(exc)[0], error=True)
            self.ctx.report_error(exc)
            return None
        except OSError as exc:
            self._say(self.tr("Settings were not saved: {reason}. Nothing was changed; "
                              "check the disk and press Save again.").format(
                reason=exc.strerror or type(exc).__name__), error=True)
            return None
        set_preferred_language(self.ctx.settings.language)  # banners and the catalog
        for section in self.sections.values():
            section.saved(applied)
        self._say(self.said(applied))
        self.ctx.requests.settings_changed.emit()
        now_speaking = resolve_language(self.ctx.settings.language)
        if now_speaking != was_speaking:  # the session reopens the window in it
            self.ctx.requests.language_changed.emit(now_speaking)
        return applied

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def said(self, applied: Applied) -> str:
        """What Save did, in a sentence or three."""
        if not (applied.fields or applied.secrets or applied.secret_errors):
            return self.tr("Nothing to save: the settings are as they were.")
        parts = [self.tr("Saved.")]
        if applied.encoder_reconnected:
            parts.append(self.tr("The encoder reconnects with the new settings."))
        r = applied.readers
        if r.added:
            parts.append(self.tr("Now streaming: {names}.").format(names=", ".join(r.added)))
        if r.removed:
            parts.append(self.tr("Stopped: {names}.").format(names=", ".join(r.removed)))
        if r.restarted:
            parts.append(self.tr("Reconnecting: {names}.").format(names=", ".join(r.restarted)))
        if "store_url" in applied.restart_needed:
            parts.append(self.tr("Restart KeyDesk to use the new store location."))
        for _name, reason in applied.secret_errors:
            parts.append(reason)
            break  # one keyring, one reason
        return " ".join(parts)

    def shutdown(self) -> None:
        for section in self.sections.values():
            section.shutdown()
