"""KeyDesk core: everything the program does, with no Qt (a test enforces it)."""

__version__ = "0.1.0"
