"""Values people type, checked in one place for the command line and the window.

A wrong value is the person's mistake: :class:`InputError` says what is wrong and which
form is accepted, in en / pt-BR / zh-CN (the command line exits 2 with it, the window
shows it beside the field). Nothing here talks to a device or a service.
"""

from app.inputs import values
from app.inputs.errors import InputError, Phrase, shown
from app.inputs.stays import (
    CLI_FIELDS,
    NeedsConfirmation,
    StayFields,
    check_period,
    check_rooms,
    check_stay,
    split_rooms,
)

__all__ = [
    "CLI_FIELDS",
    "InputError",
    "NeedsConfirmation",
    "Phrase",
    "StayFields",
    "check_period",
    "check_rooms",
    "check_stay",
    "shown",
    "split_rooms",
    "values",
]
