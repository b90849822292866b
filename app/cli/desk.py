"""How a headless command gets the desk: the same :class:`app.services.DeskServices` the
window uses, on a runtime of its own that is shut down when the command ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.cli.settings_notice import load_settings
from app.runtime import Runtime
from app.services import DeskServices, open_desk
from app.settings import SecretStore, Settings


@contextmanager
def command_desk(
    settings: Settings | None = None, secrets: SecretStore | None = None, **options: Any
) -> Iterator[DeskServices]:
    """The desk for one command (the saved settings, a damaged file named on stderr, and
    the OS keyring, unless given);
    ``options`` go to :func:`app.services.open_desk`. Every thread ends on exit."""
    runtime = Runtime().start()
    try:
        yield open_desk(
            runtime,
            settings if settings is not None else load_settings(),
            secrets if secrets is not None else SecretStore(),
            **options,
        )
    finally:
        runtime.shutdown()
