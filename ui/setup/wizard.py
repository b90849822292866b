"""The first-run assistant: language → encoder → lock cloud → access readers → site card
key → summary.

It opens by itself when ``keydesk`` starts without a settings file, and again from
Help → Set-up assistant. Every step can be skipped ("Skip this step": done later in
Settings); a Test that fails explains itself and Next still goes on. Nothing is saved
until Finish, which hands the whole plan to :func:`app.setup.plan.finish` (the one place
that saves and applies it to the running desk). Choosing another language on the first
step re-opens the assistant in that language (its later steps start over).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.i18n import LANGUAGE_NAMES, LANGUAGES, SYSTEM
from app.setup.plan import SetupPlan
from ui.context import UiContext
from ui.setup.cloud_form import CloudForm
from ui.setup.encoder_picker import EncoderPicker
from ui.setup.reader_list import ReaderList
from ui.setup.site_key_form import GENERATE, SiteKeyForm

log = logging.getLogger(__name__)
SKIP = QWizard.WizardButton.CustomButton1


class StepPage(QWizardPage):
    """A step: :meth:`contribute` adds its part to the plan unless it was skipped."""

    skippable = True

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.skipped = False
        self.body = QVBoxLayout(self)

    def setup_wizard(self) -> SetupWizard:
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard

    def validatePage(self) -> bool:
        self.skipped = self.setup_wizard().skipping
        return True

    def contribute(self, plan: SetupPlan) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        for child in self.findChildren(QWidget):
            stop = getattr(child, "shutdown", None)
            if callable(stop):
                stop()


class LanguagePage(StepPage):
    skippable = False

    def __init__(self, ctx: UiContext, language: str) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Welcome to KeyDesk"))
        self.setSubTitle(self.tr("A few steps set this desk up for its devices. Each can be "
                                 "skipped and done later in Settings; nothing is saved "
                                 "until Finish."))
        self.language = QComboBox()
        self.language.setObjectName("setup_language")
        self.language.addItem(self.tr("System default"), SYSTEM)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData()))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        self.body.addLayout(form)
        self.body.addStretch(1)

    language_chosen = Signal(str)

    def contribute(self, plan: SetupPlan) -> None:
        plan.language = self.language.currentData()


class EncoderPage(StepPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Card encoder"))
        self.setSubTitle(self.tr("The USB encoder that writes guest cards. KeyDesk remembers "
                                 "it by its USB identity, so it is found again on another "
                                 "port after a replug."))
        self.picker = EncoderPicker(ctx)
        self.picker.load(ctx.settings)
        self.body.addWidget(self.picker)
        self.body.addStretch(1)

    def contribute(self, plan: SetupPlan) -> None:
        choice = self.picker.choice()
        plan.encoder = None if choice.empty else choice


class CloudPage(StepPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Lock cloud"))
        self.setSubTitle(self.tr("The account of the lock cloud: the room directory, QR and "
                                 "Bluetooth keys, RF cards and door logs. Test checks it "
                                 "without saving anything."))
        self.form = CloudForm(ctx)
        self.form.load(ctx.settings)
        self.body.addWidget(self.form)
        self.body.addStretch(1)

    def contribute(self, plan: SetupPlan) -> None:
        if not self.form.is_empty():
            plan.cloud = self.form.fields()
            plan.cloud_secrets = self.form.typed_secrets()


class ReadersPage(StepPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Access readers"))
        self.setSubTitle(self.tr("The Intelbras/Dahua readers at the doors whose events the "
                                 "Monitor shows. Add as many as the site has; each password "
                                 "is kept in the system keyring."))
        self.readers = ReaderList(ctx)
        self.readers.load(ctx.settings)
        self.body.addWidget(self.readers, 1)

    def contribute(self, plan: SetupPlan) -> None:
        plan.readers = self.readers.entries()


class SiteKeyPage(StepPage):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Site card key"))
        self.setSubTitle(self.tr("The secret the cards of this site are signed with."))
        self.form = SiteKeyForm(ctx, first_run=True)
        self.body.addWidget(self.form)
        self.body.addStretch(1)

    def validatePage(self) -> bool:
        if not self.setup_wizard().skipping and self.form.problem_text():
            self.form.problem.setText(self.form.problem_text() or "")
            self.form.problem.show()
            return False
        return super().validatePage()

    def contribute(self, plan: SetupPlan) -> None:
        plan.site_key = self.form.key()


class SummaryPage(StepPage):
    skippable = False

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("This is what Finish saves. Anything skipped can be set up "
                                 "later in Settings, or by running this assistant again "
                                 "from the Help menu."))
        self.summary = QLabel()
        self.summary.setObjectName("setup_summary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("setup_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.body.addWidget(self.summary)
        self.body.addWidget(self.message)
        self.body.addStretch(1)

    def initializePage(self) -> None:
        self.message.clear()
        self.summary.setText(self.setup_wizard().summary_html())

    def contribute(self, plan: SetupPlan) -> None:
        pass


class SetupWizard(QWizard):
    """Emits ``language_chosen(code)`` (the owner re-opens it in that language) and
    ``applied(Applied)`` after Finish saved and applied the plan."""

    language_chosen = Signal(str)
    applied = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.skipping = False
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Set up KeyDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(720, 560)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(SKIP, self.tr("Skip this step"))
        # Qt's own translations are not shipped: the wizard names its buttons itself.
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                             (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              SKIP, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._skip)
        self.language_page = LanguagePage(ctx, language or ctx.settings.language)
        self.language_page.language_chosen.connect(self.language_chosen)
        self.encoder_page = EncoderPage(ctx)
        self.cloud_page = CloudPage(ctx)
        self.readers_page = ReadersPage(ctx)
        self.site_key_page = SiteKeyPage(ctx)
        self.summary_page = SummaryPage(ctx)
        self.steps: list[StepPage] = [self.language_page, self.encoder_page, self.cloud_page,
                                      self.readers_page, self.site_key_page, self.summary_page]
        for page in self.steps:
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)
        self.finished.connect(lambda _r: self.shutdown())
        self._page_changed()

    def _page_changed(self, _id: int = -1) -> None:
        page = self.currentPage()
        self.button(SKIP).setVisible(isinstance(page, StepPage) and page.skippable)

    def _skip(self, which: int) -> None:
        if which != SKIP.value:
            return
        self.skipping = True
        try:
            self.next()
        finally:
            self.skipping = False

    def skip_step(self) -> None:
        """What the "Skip this step" button does (tests press it through here too)."""
        self._skip(SKIP.value)

    # -- the plan ----------------------------------------------------------------------
    def plan(self) -> SetupPlan:
        plan = SetupPlan()
        for page in self.steps:
            if not page.skipped:
                page.contribute(plan)
        return plan

    def summary_html(self) -> str:
        plan = self.plan()
        later = self.tr("skipped — set it up later in Settings")
        rows: list[tuple[str, str]] = []
        rows.append((self.tr("Language"), self.language_page.language.currentText()))
        if plan.encoder is None:
            rows.append((self.tr("Card encoder"), later))
        elif plan.encoder.url:
            rows.append((self.tr("Card encoder"), plan.encoder.url))
        else:
            rows.append((self.tr("Card encoder"), self.tr(
                "found by its USB identity {vid_pid}, serial {serial}").format(
                vid_pid=plan.encoder.vid_pid, serial=plan.encoder.serial)))
        if plan.cloud is None:
            rows.append((self.tr("Lock cloud"), later))
        else:
            rows.append((self.tr("Lock cloud"), self.tr("community {community} at {url}").format(
                community=plan.cloud.get("cloud_community_no") or "—",
                url=plan.cloud.get("cloud_base_url") or "—")))
        if plan.readers is None:
            rows.append((self.tr("Access readers"), later))
        else:
            names = ", ".join(f"{r.config.name} ({r.config.url})" for r in plan.readers)
            rows.append((self.tr("Access readers"), names or self.tr("none")))
        if self.site_key_page.skipped:
            rows.append((self.tr("Site card key"), later))
        elif plan.site_key is None:
            rows.append((self.tr("Site card key"), self.tr("the key this PC already has")
                         if self.site_key_page.form.has_stored_key() else later))
        elif self.site_key_page.form.choice() == GENERATE:
            rows.append((self.tr("Site card key"), self.tr(
                "a new key — write it down before you press Finish")))
        else:
            rows.append((self.tr("Site card key"), self.tr("the key you typed")))
        items = "".join(f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>"
                        for k, v in rows)
        return f"<table cellspacing='6'>{items}</table>"

    def accept(self) -> None:
        """Finish: save and apply everything at once; a failure keeps the assistant open
        with the reason on the summary page."""
        from app.domain.errors import KeyDeskError
        from app.setup.plan import finish

        try:
            applied = finish(self.plan(), self.ctx.services, self.ctx.save_settings)
        except KeyDeskError as exc:
            from ui.widgets.message_banner import describe_error

            self.summary_page.message.setText(describe_error(exc)[0])
            self.ctx.report_error(exc)
            return
        except OSError as exc:
            self.summary_page.message.setText(self.tr(
                "The settings could not be saved: {reason}. Nothing was changed; free some "
                "disk space or choose a writable folder, then press Finish again.").format(
                reason=exc.strerror or type(exc).__name__))
            return
        if applied.secret_errors:
            log.warning("set-up: keyring entries not written: %s",
                        [name for name, _ in applied.secret_errors])
        self.applied.emit(applied)
        super().accept()

    def shutdown(self) -> None:
        for page in self.steps:
            page.shutdown()


def _esc(text: str) -> str:
    import html

    return html.escape(text)


class SetupAssistant(QObject):
    """The window's handle on the assistant: opens it window-modal (nothing waits on
    it), re-opens it in the language chosen on its first step, and puts the desk's own
    language back when it is cancelled. ``applied(Applied)`` after Finish."""

    applied = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget) -> None:
        super().__init__(parent)  # found again as parent(): no Python cycle with the window
        self.ctx = ctx
        self.wizard: SetupWizard | None = None

    def open(self, language: str | None = None) -> SetupWizard:
        if self.wizard is not None:
            self.wizard.raise_()
            return self.wizard
        window = self.parent()
        assert isinstance(window, QWidget)
        wizard = self.wizard = SetupWizard(self.ctx, window, language)
        wizard.language_chosen.connect(self._relaunch)
        wizard.applied.connect(self.applied)
        wizard.finished.connect(lambda result: self._finished(wizard, result))
        wizard.open()
        return wizard

    def _relaunch(self, code: str) -> None:
        old = self.wizard
        self._speak(code)
        if old is not None:
            old.language_chosen.disconnect(self._relaunch)
            self.wizard = None
            old.reject()
        self.open(code)

    def _finished(self, wizard: SetupWizard, result: int) -> None:
        if self.wizard is wizard:
            self.wizard = None
            if result != QWizard.DialogCode.Accepted.value:
                self._speak(self.ctx.settings.language)  # nothing chosen was saved
        wizard.deleteLater()

    @staticmethod
    def _speak(setting: str) -> None:
        from app.i18n import resolve_language
        from ui import translations

        translations.install(resolve_language(setting))
