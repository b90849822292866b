"""Saving what the person chose — from the first-run assistant or a Settings section —
and applying it to the running desk, in one place.

Nothing is written before :func:`apply_changes` runs (the assistant's Finish, the
Settings page's Save). It checks the operator's right, writes the keyring entries, saves
the settings file, records one ``settings.change`` audit row (field and entry names,
never a value), and then makes the desk follow: the encoder reconnects when its port or
identity changed, the reader streams follow the reader list, the lock service takes its
new radio and technician. What the running desk cannot take over is named in
:attr:`Applied.restart_needed`.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app.access.monitor import ReaderChanges, secret_name
from app.audit.actions import changed_fields, record_settings
from app.services import LOCK_FIELDS, RESTART_FIELDS, DeskServices
from app.settings import ReaderConfig, SecretStoreUnavailable, Settings

log = logging.getLogger(__name__)

ENCODER_FIELDS = frozenset({"encoder_url", "encoder_vid_pid", "encoder_serial",
                            "encoder_trace"})


@dataclass(frozen=True)
class Applied:
    """What Save did. ``secret_errors``: keyring entries that could not be written (the
    settings were still saved; the reason says what to do)."""

    fields: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()
    secret_errors: tuple[tuple[str, str], ...] = ()
    readers: ReaderChanges = field(default_factory=ReaderChanges)
    encoder_reconnected: bool = False
    restart_needed: tuple[str, ...] = ()


def reader_secrets(before: list[ReaderConfig], after: list[ReaderConfig],
                   passwords: Mapping[str, str]) -> dict[str, str | None]:
    """Keyring changes for an edited reader list: each typed password under its reader's
    name; the entry of a reader that is gone (removed, or renamed) deleted."""
    changes: dict[str, str | None] = {secret_name(n): p for n, p in passwords.items() if p}
    kept = {r.name for r in after}
    for reader in before:
        if reader.name not in kept:
            changes[secret_name(reader.name)] = None
    return changes


def apply_changes(services: DeskServices, new: Settings,
                  secrets: Mapping[str, str | None], save: Callable[[], None]) -> Applied:
    """Make ``new`` the desk's settings and write ``secrets`` (name -> value; None
    deletes the entry). ``save`` writes the settings file (the window's, which skips the
    demo). Raises the operator's refusal (audited) or the save failure; in both cases the
    running settings are left as they were."""
    services.operators.require("settings.change", what="settings.change")
    live = services.settings
    before = copy.deepcopy(live)
    written: list[str] = []
    errors: list[tuple[str, str]] = []
    for name, value in secrets.items():
        try:
            if value is None:
                services.secrets.delete(name)
            else:
                services.secrets.set(name, value)
            written.append(name)
        except SecretStoreUnavailable as exc:
            errors.append((name, str(exc)))
    changed = changed_fields(before, new)
    _copy_into(live, new)
    try:
        save()
    except BaseException as exc:
        _copy_into(live, before)
        record_settings(services.audit, changed, written, exc)
        raise
    record_settings(services.audit, changed, written)

    reconnect = bool(ENCODER_FIELDS & set(changed))
    if reconnect:
        services.reconnect_encoder()
    if LOCK_FIELDS & set(changed):
        services.apply_locks()
    reader_entries = {n for n in written if n.startswith(secret_name(""))}
    readers = ReaderChanges()
    if "readers" in changed or reader_entries:
        readers = services.apply_readers()
    restart = tuple(sorted(RESTART_FIELDS & set(changed)))
    log.info("settings saved: fields %s, keyring entries %s%s", changed, written,
             f", restart needed for {restart}" if restart else "")
    return Applied(tuple(changed), tuple(written), tuple(errors), readers, reconnect, restart)


def _copy_into(target: Settings, source: Settings) -> None:
    # In place: the desk's services hold this very object.
    for f in dataclasses.fields(Settings):
        if f.name != "ui_state":
            setattr(target, f.name, copy.deepcopy(getattr(source, f.name)))
