"""The window's own words in the desk's language: Qt's ``tr()`` with a ``QTranslator``.

Sources are ``resources/translations/keydesk_<lang>.ts`` (Qt Linguist files, one per
language besides English); the window loads the compiled ``.qm`` beside each. After
changing ``self.tr()`` texts run ``python installer/translations.py`` (lupdate + lrelease)
and translate the new entries; ``tests/gui/test_translations.py`` fails while any text of
a module in :data:`SOURCES` has no translation in one of the languages.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from app.paths import resources_dir

log = logging.getLogger(__name__)
_ATTR = "_keydesk_translator"

# The window modules whose every tr() text is translated (the test holds them to it).
# Add a module here when its texts are ready for translators.
SOURCES: list[str] = [
    "ui/widgets/message_banner.py",
    "ui/operators/sign_in.py",
    "ui/operators/desk_lock.py",
    "ui/audit/words.py",
    "ui/audit/model.py",
    "ui/pages/audit.py",
    "ui/pages/locks.py",
    "ui/locks/scan_list.py",
    "ui/locks/plan_table.py",
    "ui/locks/steps.py",
    "ui/setup/wizard.py",
    "ui/setup/encoder_picker.py",
    "ui/setup/cloud_form.py",
    "ui/setup/reader_list.py",
    "ui/setup/reader_dialog.py",
    "ui/setup/site_key_form.py",
    "ui/settings/section.py",
    "ui/settings/general.py",
    "ui/settings/devices.py",
    "ui/settings/later.py",
    "ui/settings/operators.py",
    "ui/pages/settings.py",
    "ui/pages/front_desk.py",
    "ui/front_desk/__init__.py",
    "ui/widgets/not_set_up.py",
    "ui/main_window.py",
    "ui/desk_actions.py",
    "ui/widgets/status_bar.py",
    "ui/log_view.py",
    "ui/pages/__init__.py",
]


def qm_path(lang: str):  # type: ignore[no-untyped-def]
    return resources_dir() / "translations" / f"keydesk_{lang.replace('-', '_')}.qm"


def install(lang: str) -> bool:
    """Speak ``lang`` (en, pt-BR, zh-CN) from now on; True when a translation is active.
    Replaces the language installed before (a window reopened in another language)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    old = getattr(app, _ATTR, None)
    if old is not None:
        app.removeTranslator(old)
        setattr(app, _ATTR, None)
    if lang == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm_path(lang))):
        log.warning("no translation file for %s at %s", lang, qm_path(lang))
        return False
    app.installTranslator(translator)
    setattr(app, _ATTR, translator)
    return True
