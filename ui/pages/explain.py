"""The Explain page."""

from __future__ import annotations

from ui.pages.placeholder import PlaceholderPage


class ExplainPage(PlaceholderPage):
    heading = "Explain"
    coming = "Look up any vendor code and see what it means and what to do next."
