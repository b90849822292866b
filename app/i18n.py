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
