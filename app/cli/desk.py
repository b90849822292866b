"""How a headless command gets the desk: the same :class:`app.services.DeskServices` the
window uses, on a runtime of its own that is shut down when the command ends, with the
command's operator signed in (``app/cli/signin.py``) on a desk with operator accounts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.audit.site_key import chain_key
from app.cli.settings_notice import load_settings
from app.cli.signin import sign_in
from app.i18n import SYSTEM, preferred_language, set_preferred_language
from app.runtime import Runtime
from app.services import DeskServices, open_desk
from app.settings import SecretStore, Settings


@contextmanager
def command_desk(
    settings: Settings | None = None, secrets: SecretStore | None = None, *,
    sign: bool = True, **options: Any
) -> Iterator[DeskServices]:
    """The desk for one command (the saved settings, a damaged file named on stderr, and
    the OS keyring, unless given); ``options`` go to :func:`app.services.open_desk`.
    The audit chain key is always the keyring's (or ``KEYDESK_AUDIT_KEY``), whatever
    ``secrets`` holds. With ``sign``, the operator signs in first. Every thread ends on
    exit."""
    options.setdefault("audit_key", chain_key(SecretStore()))
    settings = settings if settings is not None else load_settings()
    before = preferred_language()
    if before == SYSTEM:  # no --lang: the language setting, as the window
        set_preferred_language(settings.language)
    runtime = Runtime().start()
    try:
        services = open_desk(
            runtime,
            settings,
            secrets if secrets is not None else SecretStore(),
            **options,
        )
        if sign:
            sign_in(services.operators)
        yield services
    finally:
        runtime.shutdown()
        set_preferred_language(before)
