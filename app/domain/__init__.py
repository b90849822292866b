"""Plain data shared by every layer. Imports nothing else of the application.

Import from the modules themselves (``app.domain.errors``, ``app.domain.events``): this
package imports neither, so a ``KeyDeskError`` does not bring the event types (and their
dataclasses) into a window's first paint.
"""
