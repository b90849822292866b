"""KeyDesk's window: PySide6 only. Depends on ``app``; ``app`` never depends on it."""

from __future__ import annotations


def prepare_start() -> None:
    """What ``keydesk`` does first when it opens the window, before anything of it.

    Qt is imported without PySide6's ``__feature__`` import hook: importing
    ``PySide6.QtCore`` replaces Python's ``__import__`` by one that, after every import
    statement naming a module it has not seen, reads that module's source to find out
    whether it may ask for ``from __feature__ import snake_case`` (~0.15 ms a module,
    ~10 ms before the window's first frame). KeyDesk never asks for a feature
    (``tests/unit/test_architecture.py`` holds it), so the plain import is put back;
    PySide6 then treats every module as one without features, as it does anyway for a
    module that asks for none.

    And Python's garbage collector waits until ``ui.gc_guard`` runs it on the Qt thread
    (from the desk's start on, as for the rest of the window's life): the start-up's
    imports and widgets are garbage-free work it would only walk through.
    """
    import builtins
    import gc

    collecting = gc.isenabled()
    gc.disable()  # before Qt: its import makes about half of the start-up's objects

    import PySide6.QtCore  # noqa: F401  (installs the hook)

    from ui import gc_guard

    hooked = getattr(builtins, "__feature_import__", None)
    plain = getattr(builtins, "__orig_import__", None)
    if plain is not None and hooked is not None and builtins.__import__ is hooked:
        builtins.__import__ = plain
    gc_guard.hold_until_guarded(collecting)
