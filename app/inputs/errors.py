"""A value a person typed that KeyDesk cannot use: their mistake, not a device's.

The command line reports it as a usage error (exit status 2) prefixed with the option;
the window shows it beside the field. Its text is built when asked for, in the language
asked for, so the same error reads right in either face and any language.
"""

from __future__ import annotations

from app.inputs import messages

SHOWN_MAX = 40  # characters of a typed value quoted back (a 5000-digit code is not)


def shown(value: object) -> str:
    """The value as quoted back to the person: shortened, control characters visible."""
    text = str(value)
    if len(text) > SHOWN_MAX:
        text = text[: SHOWN_MAX - 1] + "…"
    return repr(text) if not text.isprintable() else f"'{text}'"


class Phrase(str):
    """A message key used as a value (e.g. ``expected``): translated with the message."""


class InputError(ValueError):
    """``key`` names a rule in :mod:`app.inputs.messages`; ``values`` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (None: the preferred language)."""
        values = {
            k: messages.text(v, lang) if isinstance(v, Phrase) else v
            for k, v in self.values.items()
        }
        return messages.text(self.key, lang, **values)

    def __str__(self) -> str:
        return self.text()
