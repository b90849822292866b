"""Turn a parsed settings.json into :class:`Settings`, one field at a time.

A wrong field falls back to its default on its own and is named; nothing raises, whatever
the file holds (``{"version": "x"}``, ``{"ui_state": {"geometry": 5}}``, 10¹¹ days).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

from app.settings.model import (
    RETENTION_MAX_DAYS,
    RETENTION_MIN_DAYS,
    SETTINGS_VERSION,
    ReaderConfig,
    Settings,
)
from app.settings.report import SettingsProblem

# version N -> function turning a version-N dict into a version-(N+1) dict.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

# Integer settings with the range a person can choose on the Settings page.
INT_RANGES: dict[str, tuple[int, int]] = {
    "event_retention_days": (RETENTION_MIN_DAYS, RETENTION_MAX_DAYS),
}


def shown(value: Any) -> str:
    """The value as it stands in the file, shortened (it goes into a banner)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def type_of(value: Any) -> str:
    """The JSON kind of ``value`` (a key of messages.TYPE_WORDS)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    return {str: "str", int: "int", float: "float", list: "list", dict: "dict"}.get(
        type(value), "str")


def _wrong(name: str, value: Any, expected: str, kind: str = "wrong_type") -> SettingsProblem:
    return SettingsProblem(name, kind, shown(value), found=type_of(value), expected=expected)


def migrate(raw: dict[str, Any]) -> tuple[dict[str, Any], list[SettingsProblem]]:
    """Bring ``raw`` to :data:`SETTINGS_VERSION`; a version that is not a usable number
    is named and the rest read as the current version."""
    problems: list[SettingsProblem] = []
    version = raw.get("version", SETTINGS_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(SettingsProblem("version", "bad_version", shown(version)))
        version = SETTINGS_VERSION
    elif version > SETTINGS_VERSION:
        problems.append(SettingsProblem("version", "newer_version", shown(version)))
        version = SETTINGS_VERSION
    while version < SETTINGS_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            break
        raw = step(raw)
        version += 1
    raw = dict(raw)
    raw["version"] = SETTINGS_VERSION
    return raw, problems


def _reader(
    index: int, value: Any, problems: list[SettingsProblem]
) -> ReaderConfig | None:
    """One reader, or None (named in ``problems``) when it cannot be used."""
    name = f"readers[{index}]"
    if not isinstance(value, dict):
        problems.append(_wrong(name, value, "reader", "reader_wrong"))
        return None
    for key in ("name", "url"):
        if not isinstance(value.get(key), str) or not value.get(key):
            problems.append(_wrong(f"{name}.{key}", value.get(key), "str", "reader_wrong"))
            return None
    user = value.get("user", "admin")
    if not isinstance(user, str):
        problems.append(_wrong(f"{name}.user", user, "str", "reader_wrong"))
        return None
    for key in sorted(set(value) - {"name", "url", "user"}):
        problems.append(SettingsProblem(f"{name}.{key}", "unknown_key"))
    return ReaderConfig(value["name"], value["url"], user)


def _readers(value: Any, problems: list[SettingsProblem]) -> list[ReaderConfig] | None:
    if not isinstance(value, list):
        problems.append(_wrong("readers", value, "list"))
        return None
    readers = []
    for i, item in enumerate(value):
        reader = _reader(i, item, problems)
        if reader is not None:
            readers.append(reader)
    return readers


def _ui_state(value: Any, problems: list[SettingsProblem]) -> dict[str, str] | None:
    if not isinstance(value, dict):
        problems.append(_wrong("ui_state", value, "dict"))
        return None
    kept = {}
    for key, item in value.items():
        if isinstance(item, str):
            kept[key] = item
        else:
            problems.append(_wrong(f"ui_state.{key}", item, "str"))
    return kept


def _plain(name: str, value: Any, default: Any, problems: list[SettingsProblem]) -> Any:
    """A str / bool / int field; None when it falls back."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        problems.append(_wrong(name, value, "bool"))
        return None
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(_wrong(name, value, "int"))
            return None
        low, high = INT_RANGES.get(name, (None, None))
        if low is not None and high is not None and not low <= value <= high:
            problems.append(SettingsProblem(name, "out_of_range", shown(value), low=low, high=high))
            return None
        return value
    if isinstance(value, type(default)):
        return value
    problems.append(_wrong(name, value, "str"))
    return None


def coerce(raw: dict[str, Any]) -> tuple[Settings, list[SettingsProblem], frozenset[str]]:
    """Settings from a (migrated) dict, the problems, and the fields that fell back."""
    defaults = Settings()
    values: dict[str, Any] = {}
    problems: list[SettingsProblem] = []
    fallbacks: set[str] = set()
    known = {f.name for f in dataclasses.fields(Settings)}
    for key in raw:
        if key not in known:
            problems.append(SettingsProblem(str(key), "unknown_key"))
    for f in dataclasses.fields(Settings):
        if f.name == "version" or f.name not in raw:
            continue
        value = raw[f.name]
        before = len(problems)
        result: Any
        if f.name == "readers":
            result = _readers(value, problems)
        elif f.name == "ui_state":
            result = _ui_state(value, problems)
        else:
            result = _plain(f.name, value, getattr(defaults, f.name), problems)
        if len(problems) > before:
            fallbacks.add(f.name)  # wholly or partly: the file meant something else
        if result is not None:
            values[f.name] = result
    return Settings(**values), problems, frozenset(fallbacks)
