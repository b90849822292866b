"""The shared value rules (:mod:`app.inputs.values`) as argparse ``type=`` converters.

A wrong value is then refused by argparse itself, before anything is opened, as a usage
error naming the option (``argument --timeout: 'nan' is not a number of seconds from 1
to 120``) with exit status 2.
"""

from __future__ import annotations

from collections.abc import Callable

from app.inputs import values
from app.inputs.argtype import rule


def seconds(low: float, high: float) -> Callable[[str], float]:
    return rule(values.seconds, low, high)


def hours(low: float = 0.25, high: float = 24.0 * 366) -> Callable[[str], float]:
    return rule(values.hours, low, high)


def whole(low: int, high: int) -> Callable[[str], int]:
    return rule(values.whole, low, high)


moment = rule(values.moment)
day = rule(values.day)
web_address = rule(values.web_address)
encoder_port = rule(values.encoder_port)
code = rule(values.code)
language = rule(values.language)
language_or_system = rule(values.language_or_system)
output_file = rule(values.output_file)
mobile = rule(values.mobile)
area_code = rule(values.area_code)
host_port = rule(values.host_port)


def text(expected: str) -> Callable[[str], str]:
    """Non-empty text (``expected``: the message key saying what to give)."""
    return rule(values.required, expected)


def _layout_name(text: str) -> str:
    from app.devices.encoder.layout import available_layouts
    from app.inputs import InputError, shown

    names = available_layouts()
    if text and text not in names:
        raise InputError("layout", value=shown(text), choices=", ".join(names))
    return text


card_layout = rule(_layout_name)
