"""The headless commands, in help order: each command module's ``register(subparsers)``.

Apart from :mod:`app.cli.main` so that a command line naming none of them (``keydesk``
alone: the window) imports none of them — with them come the simulators, asyncio, the
HTTP server, TLS and the QR-code maker. Plain imports, so a frozen build sees every one.
"""

from __future__ import annotations

from collections.abc import Callable

from app.cli import (
    audit_cmd,
    card_cmd,
    cloud_cmd,
    explain_cmd,
    lock_cmd,
    monitor_cmd,
    operators_cmd,
    readers_cmd,
    sim_cmd,
    store_cmd,
)

# One line per command module, in help order; each later feature adds its own.
COMMANDS: list[Callable[[sim_cmd.SubParsers], None]] = [
    sim_cmd.register,
    explain_cmd.register,
    cloud_cmd.register,
    monitor_cmd.register,
    readers_cmd.register,
    card_cmd.register,
    lock_cmd.register,
    operators_cmd.register,
    audit_cmd.register,
    store_cmd.register,
]
