"""The one error type that reaches the user with a friendly explanation.

A ``KeyDeskError`` names a catalog entry (``domain`` + ``code``) so the UI and the CLI can
show the vendor-independent explanation and next steps. Anything else that escapes
background work is treated as a bug (logged with its traceback).
"""

from __future__ import annotations


class KeyDeskError(Exception):
    """A vendor or device failure the user can act on.

    ``domain``/``code`` point into the error catalog (e.g. ``("cloud_api", "5310")``).
    ``detail`` is a short technical note for support; it must never contain a secret.
    ``state`` says what was left behind (e.g. "card blank, safe to retry").
    """

    def __init__(
        self,
        domain: str,
        code: str | int,
        detail: str = "",
        *,
        state: str = "",
        retryable: bool | None = None,
    ) -> None:
        self.domain = domain
        self.code = str(code)
        self.detail = detail
        self.state = state
        self.retryable = retryable
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [f"[{self.domain} {self.code}]"]
        if self.detail:
            parts.append(self.detail)
        if self.state:
            parts.append(f"(state: {self.state})")
        return " ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "domain": self.domain,
            "code": self.code,
            "detail": self.detail,
            "state": self.state,
            "retryable": self.retryable,
        }
