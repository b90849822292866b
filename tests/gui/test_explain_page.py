"""The Explain page: search as you type, domain filter, show_code, links, language."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QComboBox

from app.domain.errors import KeyDeskError
from app.settings import Settings
from ui.pages.explain import LINK_SCHEME, ExplainPage


@pytest.fixture
def page(qtbot):
    ctx = SimpleNamespace(settings=Settings(language="en"))
    p = ExplainPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def html_text(page: ExplainPage) -> str:
    return page.detail.toPlainText()


def test_typing_searches_every_language(page, qtbot):
    qtbot.keyClicks(page.search_box, "coacao")  # Portuguese, typed without accents
    keys = page.result_keys()
    assert ("reader_event_type", "Duress") in keys and ("open_door_method", "13") in keys
    page.search_box.setText("发卡器")  # Chinese arrives whole from the input method
    assert ("cloud_api", "5310") in page.result_keys()
    assert page.count_label.text() == f"{len(page.result_keys())} found"


def test_bare_number_lists_both_meanings_and_domain_filter_narrows(page, qtbot):
    qtbot.keyClicks(page.search_box, "17")
    assert page.result_keys()[:2] == [("reader_event_error", "17"), ("open_door_method", "17")]
    page.domain_box.setCurrentIndex(page.domain_box.findData("open_door_method"))
    assert page.result_keys() == [("open_door_method", "17")]
    assert page.current_key() == ("open_door_method", "17")
    assert "by ID card" in html_text(page)
    page.search_box.clear()  # empty search lists the whole domain
    assert len(page.result_keys()) == 45


def test_selecting_a_result_shows_its_explanation(page, qtbot):
    page.search_box.setText("BreakIn")
    item = page.results.topLevelItem(0)
    rect = page.results.visualItemRect(item)
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = html_text(page)
    assert "Door forced open" in text and "What to do" in text and "ALARM" in text
    assert "Evento de arrombamento de porta" in text  # vendor text verbatim


def test_show_code_and_related_links(page):
    page.domain_box.setCurrentIndex(page.domain_box.findData("reader_event_type"))
    page.show_code("cloud_api", "5310")  # a domain filter must not hide it
    assert page.current_key() == ("cloud_api", "5310")
    assert page.domain_box.currentData() is None
    text = html_text(page)
    for part in ("What happened", "What to do", "For technicians", "Likely causes",
                 "Device connection failed", "Related codes"):
        assert part in text
    assert f"{LINK_SCHEME}:cloud_api/5305" in page.detail.toHtml()
    page.detail.anchorClicked.emit(QUrl(f"{LINK_SCHEME}:cloud_api/5305"))
    assert page.current_key() == ("cloud_api", "5305")
    assert page.search_box.text() == "5305"


def test_show_unknown_code_says_so(page):
    page.show_code("cloud_api", "5399")
    assert page.current_key() is None and page.results.currentItem() is None
    assert "Unknown code 5399" in html_text(page)


def test_language_follows_setting_and_page_override(page):
    """The explanation (and its headings and domain names) follows the setting, or the
    page's own language box; the page's own words are the window's (its translator)."""
    page.show_code("cloud_api", "5310")
    assert "What to do" in html_text(page)
    page.ctx.settings.language = "pt-BR"  # changed on the Settings page
    page.hide()
    page.show()
    assert "O que fazer" in html_text(page)
    assert page.domain_box.itemText(1).startswith("Nuvem das fechaduras")
    assert page.results.headerItem().text(1) == "Meaning"  # the window still speaks English
    page.language_box.setCurrentIndex(page.language_box.findData("zh-CN"))
    assert "怎么办" in html_text(page) and page.current_key() == ("cloud_api", "5310")
    page.language_box.setCurrentIndex(0)  # back to following the setting
    assert "O que fazer" in html_text(page)


def test_the_page_speaks_the_window_language(page):
    from ui import translations

    try:
        assert translations.install("pt-BR")
        page.hide()
        page.show()  # a window opened in Portuguese sets its words when shown
        assert page.results.headerItem().text(1) == "Significado"
        assert page.domain_box.itemText(0) == "Todos os domínios"
        assert page.count_label.text().endswith("encontrados")
    finally:
        translations.install("en")


def test_saving_settings_sets_the_language_error_banners_speak(session):
    from app import i18n
    from app.catalog import explain_error

    settings_page = session.window.pages["settings"]
    settings_page.language.setCurrentIndex(settings_page.language.findData("zh-CN"))
    try:
        settings_page.save()
        assert explain_error(KeyDeskError("reader_event_type", "BreakIn"))["lang"] == "zh-CN"
    finally:
        i18n.set_preferred_language("system")


def test_window_banner_explain_button_opens_the_page(session, qtbot):
    window = session.window
    window.banner.show_error(KeyDeskError("cloud_api", "5310", "COM3 busy"))
    assert window.banner.explain_button.isVisible()
    qtbot.mouseClick(window.banner.explain_button, Qt.MouseButton.LeftButton)
    page = window.pages["explain"]
    assert window.stack.currentWidget() is page
    assert page.current_key() == ("cloud_api", "5310")
    window.show_explanation("reader_event_error", "17")
    assert page.current_key() == ("reader_event_error", "17")


def test_the_language_box_shows_its_words_whole_in_portuguese(page, qtbot):
    """Issue 11: the Portuguese words of the language box were cut off."""
    from ui import translations

    try:
        assert translations.install("pt-BR")  # the window's words (i18n16: Qt's translator)
        page.ctx.settings.language = "pt-BR"
        page._apply_language()
        box = page.language_box
        qtbot.waitUntil(lambda: box.currentText().startswith("Idioma"), timeout=2000)
        # What a box with these words needs to show them whole (text, frame and arrow).
        fresh = QComboBox()
        fresh.addItems([box.itemText(i) for i in range(box.count())])
        qtbot.waitUntil(lambda: box.width() >= fresh.sizeHint().width(), timeout=2000)
    finally:
        translations.install("en")


def test_vendor_text_said_once_when_its_two_halves_are_the_same(page):
    page.show_code("encoder", "5310")
    text = page.detail.toPlainText()
    assert "Device connection failed" in text
    assert "Device connection failed Device connection failed" not in text
