"""How commands print: JSON lines with ``--json``, readable text otherwise.

Failures print the catalog code and its explanation and give a non-zero exit status.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.domain.errors import KeyDeskError
from app.logsetup import redact

EXIT_FAILURE = 1


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


# Explains a KeyDeskError for the CLI; the catalog installs a better one when loaded.
ErrorExplainer = Callable[[KeyDeskError], dict[str, Any]]


def _basic_explainer(err: KeyDeskError) -> dict[str, Any]:
    return {"domain": err.domain, "code": err.code}


def explain_error(err: KeyDeskError) -> dict[str, Any]:
    try:
        from app.catalog import explain_error as catalog_explain
    except ImportError:
        return _basic_explainer(err)
    return catalog_explain(err)


def fail(err: KeyDeskError, as_json: bool) -> int:
    """Report a user-facing failure and return the exit status for it."""
    info = {"ok": False, **err.to_dict(), **explain_error(err)}
    if as_json:
        print(json_line(info), flush=True)
    else:
        lines = [f"Error {err.code} ({err.domain}): {info.get('title', '')}".rstrip(": ")]
        for key in ("explanation", "action"):
            if info.get(key):
                lines.append(str(info[key]))
        if err.detail:
            lines.append(f"Detail: {err.detail}")
        if err.state:
            lines.append(f"State: {err.state}")
        print(redact("\n".join(lines)), file=sys.stderr, flush=True)
    return EXIT_FAILURE
