"""How commands print: JSON lines with ``--json``, readable text otherwise.

Failures print the catalog code and its explanation and give a non-zero exit status.
"""

from __future__ import annotations

import sys

from app.catalog import explain_error
from app.domain.errors import KeyDeskError
from app.domain.events import DeviceStateChanged
from app.i18n import worded
from app.logsetup import redact
from app.output import emit, json_line

__all__ = ["EXIT_FAILURE", "emit", "explain_error", "fail", "json_line",
           "state_line"]

EXIT_FAILURE = 1


def fail(err: KeyDeskError, as_json: bool) -> int:
    """Report a user-facing failure and return the exit status for it."""
    info = {"ok": False, **err.to_dict(), **explain_error(err)}
    if as_json:
        print(json_line(info), flush=True)
    else:
        lang = str(info.get("lang") or "en")
        error, detail, state = _framing(lang)
        lines = [f"{error} {err.code} ({err.domain}): {info.get('title', '')}".rstrip(": ")]
        for key in ("explanation", "action"):
            if info.get(key):
                lines.append(str(info[key]))
        if err.detail:
            lines.append(f"{detail}: {err.detail}")
        if err.state:
            lines.append(f"{state}: {worded(err.state, lang)}")
        print(redact("\n".join(lines)), file=sys.stderr, flush=True)
    return EXIT_FAILURE


def _framing(lang: str) -> tuple[str, str, str]:
    """The words around the catalog's explanation, in its language (a Portuguese
    explanation is not framed by English "Error", "Detail", "State")."""
    if lang == "en":
        return "Error", "Detail", "State"
    from app.catalog.labels import HEADINGS, SEVERITY_NAMES

    words = HEADINGS.get(lang, HEADINGS["en"])
    error = SEVERITY_NAMES.get(lang, SEVERITY_NAMES["en"])["error"]
    return error[:1].upper() + error[1:], words["detail"], words["card_state"]


def state_line(event: DeviceStateChanged) -> str:
    """A reader's or the store's new state, as a streaming command says it on stderr
    (``[lobby: connected]``, ``[store: failed (detail)]``), the state in the language."""
    from app.cli.words import say

    detail = f" ({worded(event.detail)})" if event.detail else ""
    return f"[{event.source}: {say(f'state_{event.state.value}')}{detail}]"
