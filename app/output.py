"""One result per line: a JSON line (``--json``) or readable text, secrets masked.

Shared by the headless commands and the simulators' command faces, so neither imports
the other.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.logsetup import redact


def _default(obj: Any) -> Any:
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, bytes):
        return obj.hex().upper()
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return str(obj)


def json_line(obj: Any) -> str:
    return redact(json.dumps(obj, ensure_ascii=False, default=_default))


def emit(obj: Any, as_json: bool, text: Callable[[Any], str] | str | None = None) -> None:
    """Print one result: a JSON line, or ``text`` (a string or a formatter of ``obj``).

    When whoever reads our output has gone (``keydesk ... | head -1``), the command ends
    quietly with status 0, as Unix tools do, instead of a BrokenPipeError traceback.
    """
    if as_json:
        line = json_line(obj)
    elif callable(text):
        line = redact(text(obj))
    else:
        line = redact(text if text is not None else str(obj))
    try:
        print(line, flush=True)
    except BrokenPipeError:
        _stdout_gone()


def _stdout_gone() -> None:
    # Point stdout at devnull so the interpreter's final flush does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(0)
