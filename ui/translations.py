"""The window's own words in the desk's language: Qt's ``tr()`` with a ``QTranslator``.

Sources are ``resources/translations/keydesk_<lang>.ts`` (Qt Linguist files, one per
language besides English); the window loads the compiled ``.qm`` beside each, plus Qt's
own translation of its standard buttons and dialogs (OK, Cancel, the file dialog) that
ships with PySide6. After changing ``self.tr()`` texts run ``python
installer/translations.py`` (lupdate + lrelease) and translate the new entries;
``tests/gui/test_translations.py`` fails while any text of ``ui/`` has no translation in
one of the languages.

The language also sets the default ``QLocale`` (dates, times and numbers are written
the desk's way). A font family list that can show Chinese on a PC whose default font has
no Chinese letters (:func:`use_fallback_fonts`) is set with Chinese before the window's
first paint, and for every language once the desk has started (``KeyDeskSession``): a
Chinese room name shows in any language, and no other language's first frame has a
Chinese letter to wait for it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from app.paths import resources_dir

log = logging.getLogger(__name__)
_ATTR = "_keydesk_translators"
UI_ROOT = Path(__file__).resolve().parent



def sources() -> list[str]:
    """Every module of the window, which is translated (the test holds each text to it):
    lupdate reads them all, so a new module needs no registration. (A function: the
    window's start has no use for walking the folder.)"""
    return sorted(p.relative_to(UI_ROOT.parent).as_posix() for p in UI_ROOT.rglob("*.py"))


# Tried in order after the platform's own font, for letters it lacks: Windows ships
# Microsoft YaHei (and SimSun) in every language edition, macOS PingFang, Linux Noto
# CJK or WenQuanYi; Qt takes the first one installed that has the letter.
CJK_FALLBACK = ("Microsoft YaHei UI", "Microsoft YaHei", "SimSun", "PingFang SC",
                "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")

CJK_LANGUAGES = ("zh-CN",)  # written with the letters the fallbacks are for

# Qt's own catalogue for its standard dialogs, per language (qtbase_<name>.qm).
QT_NAMES = {"pt-BR": "qtbase_pt_BR", "zh-CN": "qtbase_zh_CN"}


def qm_path(lang: str) -> Path:
    return resources_dir() / "translations" / f"keydesk_{lang.replace('-', '_')}.qm"


def locale_for(lang: str) -> QLocale:
    """The QLocale dates and numbers are written in for one of KeyDesk's languages: the
    PC's own when it is of that language (an English desk in London writes 01/12/2026),
    else the language's main country."""
    chosen = {"pt-BR": QLocale(QLocale.Language.Portuguese, QLocale.Country.Brazil),
              "zh-CN": QLocale(QLocale.Language.Chinese, QLocale.Country.China)}.get(
        lang, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    system = QLocale.system()
    return system if system.language() == chosen.language() else chosen


def install(lang: str) -> bool:
    """Speak ``lang`` (en, pt-BR, zh-CN) from now on; True when a translation is active.
    Replaces the language installed before (a window reopened in another language)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in getattr(app, _ATTR, ()):
        app.removeTranslator(old)
    setattr(app, _ATTR, [])
    QLocale.setDefault(locale_for(lang))
    if lang in CJK_LANGUAGES:  # the window's own words need them (else: after the paint)
        use_fallback_fonts()
    if lang == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm_path(lang))):
        log.warning("no translation file for %s at %s", lang, qm_path(lang))
        return False
    from PySide6.QtCore import QLibraryInfo  # another language than English only

    installed = [translator]
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang in QT_NAMES and qt_own.load(QT_NAMES[lang], qt_dir):
        installed.append(qt_own)
    else:
        log.info("Qt's own %s translation is not in %s", lang, qt_dir)
    for t in installed:
        app.installTranslator(t)
    setattr(app, _ATTR, installed)
    return True


def use_fallback_fonts() -> None:
    """Give the application font the CJK fallbacks (a Chinese room name shows in any
    language, so this is done whatever the language); once is enough."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        return
    font = QGuiApplication.font()
    families = list(font.families()) or [font.family()]
    if all(f in families for f in CJK_FALLBACK):
        return
    font.setFamilies(families + [f for f in CJK_FALLBACK if f not in families])
    QGuiApplication.setFont(font)
    if not has_chinese_font():  # said in English: the person cannot read it in boxes
        log.warning("no installed font has Chinese letters, so Chinese text shows as "
                    "empty boxes; install one (Linux: fonts-noto-cjk)")


def has_chinese_font() -> bool:
    """Whether any installed font can write Simplified Chinese."""
    from PySide6.QtGui import QFontDatabase

    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
