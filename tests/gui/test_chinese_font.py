"""A desk without any font that has Chinese letters says so in its log (in English: in
Chinese it would be boxes), and says nothing when one is installed."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtGui import QFont, QGuiApplication

from ui import translations


@pytest.fixture
def plain_font(qapp):
    """The application font without the CJK fallbacks, as before the desk starts."""
    before = QGuiApplication.font()
    QGuiApplication.setFont(QFont(before.family()))
    yield
    QGuiApplication.setFont(before)


@pytest.mark.parametrize("installed", [False, True])
def test_a_missing_chinese_font_is_logged(plain_font, monkeypatch, caplog, installed):
    monkeypatch.setattr(translations, "has_chinese_font", lambda: installed)
    with caplog.at_level(logging.WARNING, logger="ui.translations"):
        translations.use_fallback_fonts()
    said = [r.getMessage() for r in caplog.records if "Chinese letters" in r.getMessage()]
    assert len(said) == (0 if installed else 1)
    assert "fonts-noto-cjk" in "".join(said) or installed
    assert "Noto Sans CJK SC" in QGuiApplication.font().families()  # the fallbacks are set
