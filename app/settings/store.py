"""Load and save :class:`Settings` as JSON, with migrations keyed by ``version``.

A damaged file never costs data: loading never raises and never writes over it. What was
wrong comes back as a :class:`LoadReport` (each wrong field named, falling back on its
own); the file is copied aside with a timestamp and *held* until the user saves on
purpose: automatic saves (window geometry on close) skip it and destructive jobs (event
retention) wait. Unknown keys are named too.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from app import paths
from app.settings.model import Settings
from app.settings.report import LoadReport, SettingsProblem
from app.settings.validate import MIGRATIONS, coerce, migrate, type_of

__all__ = ["MIGRATIONS", "SettingsStore"]

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 1 << 20  # a settings file is a few KB; anything this big is not one


def _parse(path: Path) -> tuple[object, SettingsProblem | None]:
    """The parsed JSON, or the problem that stops it being read at all."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, SettingsProblem("", "unreadable", exc.strerror or type(exc).__name__)
    if len(data) > MAX_FILE_BYTES:
        return None, SettingsProblem("", "too_large", f"> {MAX_FILE_BYTES}")
    try:
        return json.loads(data.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, SettingsProblem("", "unreadable", "not UTF-8 text")
    except json.JSONDecodeError as exc:
        return None, SettingsProblem("", "not_json", line=exc.lineno, column=exc.colno)
    except (ValueError, RecursionError):  # nested thousands deep, or a number too long
        return None, SettingsProblem("", "not_json", line=1, column=1)


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / "settings.json"
        self.report: LoadReport | None = None  # of the last load
        self.held = False  # the file on disk had problems: only the user overwrites it

    # -- loading -------------------------------------------------------------------------
    def load(self) -> Settings:
        """The settings to run with (never raises); :attr:`report` says what was wrong."""
        return self.load_report().settings

    def load_report(self) -> LoadReport:
        report = self._read()
        if report.problems:
            for problem in report.problems:
                log.warning("settings %s: %s", self.path, problem.text("en"))
            report = self._copy_aside(report)
        self.report = report
        self.held = bool(report.problems)
        return report

    def peek(self) -> Settings:
        """The settings on disk as loading would give them, with nothing logged, copied
        aside or remembered (a command's help reads its language so)."""
        return self._read().settings

    def _read(self) -> LoadReport:
        if not self.path.exists():
            return LoadReport(Settings(), self.path, found=False)
        raw, problem = _parse(self.path)
        if problem is None and not isinstance(raw, dict):
            problem = SettingsProblem("", "not_object", found=type_of(raw))
        if problem is not None:
            return LoadReport(Settings(), self.path, (problem,))
        assert isinstance(raw, dict)
        migrated, problems = migrate(raw)
        settings, more, fallbacks = coerce(migrated)
        return LoadReport(settings, self.path, tuple(problems + more), fallbacks=fallbacks)

    def _copy_aside(self, report: LoadReport) -> LoadReport:
        """Keep the damaged file as found, beside it, once per distinct content."""
        from datetime import datetime  # only for a damaged file: not on every start

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            content = self.path.read_bytes()
            for earlier in sorted(self.path.parent.glob(f"{self.path.stem}.damaged-*")):
                if earlier.read_bytes() == content:
                    return dataclasses.replace(report, backup=earlier)
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
            n = 1
            while target.exists():
                n += 1
                target = target.with_name(
                    f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
            shutil.copy2(self.path, target)
        except OSError as exc:
            log.warning("could not copy the damaged settings file aside: %s", exc)
            return dataclasses.replace(report, backup_error=exc.strerror or str(exc))
        return dataclasses.replace(report, backup=target)

    # -- what may run on these settings ----------------------------------------------------
    def retention_days(self, settings: Settings) -> int | None:
        """Days of events to keep, or None when deleting old events must wait: the file
        had problems and the user has not saved since. Even a file whose retention value
        reads well is not trusted then (a wrong version, a wrong neighbour: it may not say
        what its author meant), and keeping events longer costs nothing."""
        return None if self.held else settings.event_retention_days

    # -- saving --------------------------------------------------------------------------
    def save(self, settings: Settings) -> None:
        """The user saves: write atomically (temp file + rename) and release the hold."""
        self._write(settings)
        self.held = False

    def save_automatic(self, settings: Settings) -> bool:
        """Save what the program remembers by itself (window geometry), unless the file is
        held because it had problems; True when written."""
        if self.held:
            log.info("settings file has problems: not written until the user saves")
            return False
        self._write(settings)
        return True

    def _write(self, settings: Settings) -> None:
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
