"""Settings for a headless command: what is wrong in a damaged file is said on stderr.

The command goes on with the values that could be read (each wrong field at its default);
stdout stays clean for ``--json`` consumers.
"""

from __future__ import annotations

import sys
from typing import TextIO

from app.settings import Settings, SettingsStore


def load_settings(store: SettingsStore | None = None, err: TextIO | None = None) -> Settings:
    report = (store or SettingsStore()).load_report()
    out = err or sys.stderr
    for line in report.lines(report.settings.language):
        print(f"keydesk: {line}", file=out, flush=True)
    return report.settings


def desk_language() -> str | None:
    """The language setting, read quietly (what is wrong in the file is said once, by the
    command that loads it); None when there are no settings to read."""
    try:
        return SettingsStore().peek().language
    except Exception:  # KEYDESK_HOME a file, an unreadable folder: the command says it
        return None
