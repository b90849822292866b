"""Language resolution: "system" follows the OS locale, an explicit setting wins."""

from __future__ import annotations

import pytest

from app import i18n


@pytest.fixture
def clean_env(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(i18n.locale, "getlocale", lambda *a: (None, None))
    return monkeypatch


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pt_BR.UTF-8", "pt-BR"), ("pt_PT", "pt-BR"), ("Portuguese_Brazil", "pt-BR"),
        ("zh_CN.GB2312", "zh-CN"), ("zh-Hans", "zh-CN"), ("zh_TW", "zh-CN"),
        ("Chinese (Simplified)_China", "zh-CN"), ("en_US", "en"), ("de_DE", "en"),
        ("C", None), ("C.UTF-8", None), ("POSIX", None), ("", None), (None, None),
    ],
)
def test_normalize(tag, expected):
    assert i18n.normalize_language(tag) == expected


def test_system_language_from_environment(clean_env):
    clean_env.setenv("LANG", "pt_BR.UTF-8")
    assert i18n.resolve_language("system") == "pt-BR"
    clean_env.setenv("LC_ALL", "zh_CN.UTF-8")  # LC_ALL wins over LANG
    assert i18n.resolve_language("system") == "zh-CN"


def test_system_language_language_list_and_locale_fallback(clean_env):
    clean_env.setenv("LANG", "C.UTF-8")
    clean_env.setenv("LANGUAGE", "zh_CN:en")
    assert i18n.system_language() == "zh-CN"
    clean_env.delenv("LANGUAGE")
    clean_env.setattr(i18n.locale, "getlocale", lambda *a: ("Portuguese_Brazil", "1252"))
    assert i18n.system_language() == "pt-BR"


def test_system_language_defaults_to_english(clean_env):
    assert i18n.system_language() == "en"


def test_explicit_setting_overrides_system(clean_env):
    clean_env.setenv("LANG", "pt_BR.UTF-8")
    assert i18n.resolve_language("zh-CN") == "zh-CN"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("pt") == "pt-BR"
    assert i18n.resolve_language("klingon") == "en"


def test_preferred_language_used_when_none_given(clean_env):
    clean_env.setattr(i18n, "_preferred", "system")
    clean_env.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.resolve_language(None) == "zh-CN"
    i18n.set_preferred_language("pt-BR")
    assert i18n.preferred_language() == "pt-BR"
    assert i18n.resolve_language() == "pt-BR"
    i18n.set_preferred_language("")
    assert i18n.preferred_language() == "system"
