"""KeyDesk's window: PySide6 only. Depends on ``app``; ``app`` never depends on it."""

from __future__ import annotations


def load_qt() -> None:
    """Import Qt for the window (``keydesk`` calls this before anything of the window).

    Without PySide6's ``__feature__`` import hook: importing ``PySide6.QtCore`` replaces
    Python's ``__import__`` by one that, after every import statement naming a module it
    has not seen, reads that module's source to find out whether it may ask for
    ``from __feature__ import snake_case`` (~0.15 ms a module, ~10 ms before the window's
    first frame). KeyDesk never asks for a feature (``tests/unit/test_architecture.py``
    holds it), so the plain import is put back; PySide6 then treats every module as one
    without features, as it does anyway for one that asks for none.
    """
    import builtins

    import PySide6.QtCore  # noqa: F401  (installs the hook)

    hooked = getattr(builtins, "__feature_import__", None)
    plain = getattr(builtins, "__orig_import__", None)
    if plain is not None and hooked is not None and builtins.__import__ is hooked:
        builtins.__import__ = plain
