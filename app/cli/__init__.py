"""The headless commands (``keydesk explain``, ``card``, ``cloud``, ``monitor``, ``sim`` ...).

The window commands (``keydesk``, ``demo``, ``self-test``) are added by ``ui.entry``, so
nothing here imports Qt.
"""

from app.cli.main import build_parser, run

__all__ = ["build_parser", "run"]
