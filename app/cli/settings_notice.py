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
