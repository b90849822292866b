"""A value rule as an argparse ``type=`` converter, for every command face (the
commands in ``app.cli`` and the simulators' ``sim/cli.py``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TypeVar

from app.inputs.errors import InputError

T = TypeVar("T")


def rule(parse: Callable[..., T], *args: Any, **kwargs: Any) -> Callable[[str], T]:
    """``parse(text, *args, **kwargs)`` with an :class:`InputError` turned into argparse's
    own usage error (``argument --timeout: ...``, exit status 2)."""

    def convert(text: str) -> T:
        try:
            return parse(text, *args, **kwargs)
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = getattr(parse, "__name__", "value")
    return convert
