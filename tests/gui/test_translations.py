"""The window's own words are translated: every ``tr()`` text of the translated modules
(``ui.translations.sources()``) has a finished pt-BR and zh-CN translation, the shipped
``.qm`` files are the compiled ``.ts`` files, and a translator really changes the words."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui import translations

ROOT = Path(__file__).resolve().parents[2]
TS = {lang: ROOT / "resources" / "translations" / f"keydesk_{lang}.ts"
      for lang in ("pt_BR", "zh_CN")}


def tool(name: str) -> str | None:
    return shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))


def messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    out = {}
    for ctx in ET.parse(path).getroot():
        name = ctx.findtext("name")
        for m in ctx.findall("message"):
            tr = m.find("translation")
            assert tr is not None
            out[(name, m.findtext("source"))] = (tr.text or "", tr.get("type"))
    return out


@pytest.mark.skipif(tool("lupdate") is None, reason="PySide6 without its lupdate tool")
def test_every_text_of_the_translated_modules_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("lupdate"), "-locations", "none",
                    *[str(ROOT / s) for s in translations.sources()], "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    wanted = set(messages(fresh))
    assert len(wanted) > 100
    for lang, path in TS.items():
        have = messages(path)
        missing = sorted(wanted - set(have))
        assert not missing, f"{lang}: run installer/translations.py and translate {missing}"
        unfinished = sorted(k for k in wanted if have[k][1] == "unfinished" or not have[k][0])
        assert not unfinished, f"{lang}: not translated yet: {unfinished}"
        for (_ctx, source), (text, _t) in have.items():  # placeholders survive translation
            for part in ("{name}", "{count}", "{row}", "{role}", "{seconds}", "{path}"):
                assert (part in source) == (part in text), (lang, source, text)


@pytest.mark.skipif(tool("lrelease") is None, reason="PySide6 without its lrelease tool")
def test_the_shipped_qm_files_are_the_compiled_ts_files(tmp_path):
    for lang, path in TS.items():
        out = tmp_path / f"{lang}.qm"
        subprocess.run([tool("lrelease"), str(path), "-qm", str(out)], check=True,
                       capture_output=True, timeout=60)
        assert out.read_bytes() == path.with_suffix(".qm").read_bytes(), (
            f"{lang}: run installer/translations.py")


def test_a_translator_changes_the_words_and_english_brings_them_back(qapp):
    from PySide6.QtCore import QCoreApplication

    try:
        assert translations.install("pt-BR")
        assert QCoreApplication.translate("DeskLock", "Locked") == "Bloqueado"
        assert translations.install("zh-CN")
        assert QCoreApplication.translate("AuditWords", "Card issued") == "已制卡"
    finally:
        assert translations.install("en") is False
    assert QCoreApplication.translate("DeskLock", "Locked") == "Locked"


def test_the_language_sets_dates_numbers_qt_own_words_and_a_chinese_font(qapp):
    """QLocale follows the language (dates written the desk's way, digits grouped), Qt's
    own buttons speak it too, and the font lists families that hold Chinese letters."""
    from datetime import datetime

    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtGui import QGuiApplication

    from ui import formats

    moment = datetime(2026, 12, 1, 14, 5, 7)
    try:
        assert translations.install("pt-BR")
        assert QLocale().name() == "pt_BR"
        assert formats.when(moment, seconds=True) == "01/12/2026 14:05:07"
        assert formats.number(12345) == "12.345"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert translations.install("zh-CN")
        assert formats.when(moment) == "2026/12/1 14:05"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        families = QGuiApplication.font().families()
        for family in ("Microsoft YaHei", "SimSun", "Noto Sans CJK SC"):
            assert family in families
    finally:
        translations.install("en")
    assert formats.date_format().count("y") == 4  # a stay's year is never guessed
    assert formats.when(moment) == "2026-12-01 14:05"  # English: the same everywhere
