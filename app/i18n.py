"""Which of KeyDesk's languages to speak: en, pt-BR or zh-CN.

The setting is ``"system"`` (follow the OS) or one of :data:`LANGUAGES`. The OS language
comes from the usual locale variables, and on Windows (where they are usually unset) from
the user's UI language. Anything Portuguese becomes pt-BR, anything Chinese zh-CN, the
rest English.
"""

from __future__ import annotations

import locale
import os
import sys
import threading

LANGUAGES: tuple[str, ...] = ("en", "pt-BR", "zh-CN")
DEFAULT_LANGUAGE = "en"
SYSTEM = "system"

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "pt-BR": "Português (Brasil)",
    "zh-CN": "中文（简体）",
}

_lock = threading.Lock()
_preferred = SYSTEM


def normalize_language(tag: str | None) -> str | None:
    """A locale or language tag (``pt_BR.UTF-8``, ``zh-Hans``, ``Portuguese_Brazil``)
    mapped to one of :data:`LANGUAGES`, or None when it names no language."""
    if not tag:
        return None
    low = tag.strip().lower().replace("_", "-")
    if not low or low in ("c", "posix") or low.startswith(("c.", "posix.")):
        return None
    if low.startswith(("pt", "portuguese")):
        return "pt-BR"
    if low.startswith(("zh", "chinese")):
        return "zh-CN"
    return "en"


def _windows_ui_language() -> str | None:
    try:
        import ctypes

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(lcid)


def system_language() -> str:
    """The OS user's language as one of :data:`LANGUAGES` (English when unknown)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalize_language(os.environ.get(var))
        if found:
            return found
    # LANGUAGE is a colon-separated preference list (GNU gettext).
    for part in os.environ.get("LANGUAGE", "").split(":"):
        found = normalize_language(part)
        if found:
            return found
    if sys.platform == "win32":
        found = normalize_language(_windows_ui_language())
        if found:
            return found
    try:
        found = normalize_language(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or DEFAULT_LANGUAGE


def resolve_language(setting: str | None = None) -> str:
    """The language to use for ``setting`` ("system", a tag, or None = the preference)."""
    if setting is None:
        setting = preferred_language()
    if setting == SYSTEM or not setting:
        return system_language()
    if setting in LANGUAGES:
        return setting
    return normalize_language(setting) or DEFAULT_LANGUAGE


def set_preferred_language(setting: str) -> None:
    """Remember the UI language setting, used when a caller gives no language (e.g. the
    error banner explaining a failure). Process-wide on purpose (one desk, one language):
    the window's session sets it from settings at start, the Settings page on save."""
    global _preferred
    with _lock:
        _preferred = setting or SYSTEM


def preferred_language() -> str:
    with _lock:
        return _preferred


# -- the words app/ hands to people -------------------------------------------------------
# Every text of app/ a person reads (card states, validation messages, the settings and
# store notices, the site report...) is a phrase of a table: key -> {language: text},
# with {placeholders}. One function words them, so every table falls back, resolves the
# language and fills placeholders the same way; tests/unit/test_app_words.py holds every
# table to all three languages and the same placeholders in each.
Phrases = dict[str, dict[str, str]]


def phrase(table: Phrases, key: str, lang: str | None = None, **values: object) -> str:
    """``key`` of ``table`` in ``lang`` (None: the preferred language; "system" is
    resolved), its placeholders filled; the English text when the language lacks it."""
    words = table[key]
    text = words.get(resolve_language(lang)) or words[DEFAULT_LANGUAGE]
    if not values:
        return text
    # A value that is itself a phrase (a card state inside "issue cancelled; {state}") is
    # worded in the same language.
    return text.format(**{k: worded(v, lang) for k, v in values.items()})


def by_key(texts: dict[str, dict[str, str]]) -> Phrases:
    """A table written language -> key -> text, as key -> language -> text."""
    out: Phrases = {}
    for lang, table in texts.items():
        for key, text in table.items():
            out.setdefault(key, {})[lang] = text
    return out


class Said:
    """A phrase decided now and worded when shown, in the reader's language: a result
    made on a worker thread is read later in the window, a log or ``--json`` (English,
    :meth:`__str__`, so scripts see stable words)."""

    __slots__ = ("key", "table", "values")

    def __init__(self, table: Phrases, key: str, **values: object) -> None:
        if key not in table:
            raise KeyError(key)
        self.table, self.key, self.values = table, key, values

    def text(self, lang: str | None = None) -> str:
        return phrase(self.table, self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANGUAGE)

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Said) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)


class Worded(str):
    """A :class:`Said` that travels as plain English text (``KeyDeskError.state``, an
    exception's message, JSON, the log) and still says itself in another language where
    it is shown (:func:`worded`)."""

    said: Said

    def __new__(cls, said: Said) -> Worded:
        text = super().__new__(cls, str(said))
        text.said = said
        return text

    def text(self, lang: str | None = None) -> str:
        return self.said.text(lang)


def worded(text: object, lang: str | None = None) -> str:
    """``text`` in ``lang`` (None: the preferred language) when it can say itself (a
    :class:`Said` or :class:`Worded`); any other text as it is."""
    if isinstance(text, Worded | Said):
        return text.text(lang)
    return str(text)
