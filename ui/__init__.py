"""KeyDesk's window: PySide6 only. Depends on ``app``; ``app`` never depends on it."""
