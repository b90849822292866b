"""Load and save :class:`Settings` as JSON, with migrations keyed by ``version``.

Unknown keys are dropped, wrong types fall back to the default (and are logged), so a
hand-edited or older file never stops the program from starting.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import paths
from app.settings.model import SETTINGS_VERSION, ReaderConfig, Settings

log = logging.getLogger(__name__)

# version N -> function turning a version-N dict into a version-(N+1) dict.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate(raw: dict[str, Any]) -> dict[str, Any]:
    version = int(raw.get("version", SETTINGS_VERSION))
    while version < SETTINGS_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            break
        raw = step(raw)
        version += 1
        raw["version"] = version
    raw["version"] = SETTINGS_VERSION
    return raw


def _coerce(raw: dict[str, Any]) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        default = getattr(defaults, f.name)
        if f.name == "readers":
            try:
                value = [ReaderConfig(**r) for r in value]
            except (TypeError, AttributeError):
                log.warning("settings: ignoring malformed readers list")
                continue
        elif not isinstance(value, type(default)) or isinstance(value, bool) != isinstance(
            default, bool
        ):
            log.warning("settings: %s has the wrong type, using the default", f.name)
            continue
        values[f.name] = value
    return Settings(**values)


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"

    def load(self) -> Settings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable (%s); starting from defaults", exc)
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        return _coerce(_migrate(raw))

    def save(self, settings: Settings) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(dataclasses.asdict(settings), indent=2, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
