#!/usr/bin/env python3
"""Render the README's screenshots of the main pages (offscreen, on the demo's simulators).

    .venv/bin/python installer/screenshots.py [--lang en] [--out resources/screenshots]

Opens the demo window (nothing of your real settings is read or written), signs the
demo's admin in, fills each page the way a clerk would see it (a card read, rooms
loaded, live Monitor rows, the readers in Settings, a reader tested in the set-up
assistant)
and saves one PNG per page. Run it again after changing a window; look at the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1180, 760)


def wait(app, until: Callable[[], bool], seconds: float = 20.0) -> bool:
    """Let Qt run until ``until()`` holds (False after ``seconds``: shot as it is)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.02)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", help="en, pt-BR or zh-CN")
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A scratch home: the demo writes its event store and logs there, never in yours.
    os.environ["KEYDESK_HOME"] = tempfile.mkdtemp(prefix="keydesk-screens-")
    os.environ.setdefault("KEYDESK_AUDIT_KEY", "00" * 32)
    sys.path.insert(0, str(ROOT))

    import logging

    from app import logsetup
    from app.operators import demo as operators_demo
    from ui.application import KeyDeskSession, ensure_qapp

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logsetup.configure(logging.INFO)  # as the window runs: Help → Show log has lines
    app = ensure_qapp(offscreen=True)
    session = KeyDeskSession(demo=True, language=args.lang)
    try:
        operators_demo.sign_in(session.services.operators, "admin")
        window = session.window
        window.desk_lock.refresh()
        window.resize(*SIZE)
        window.show()
        suffix = "" if args.lang == "en" else f"-{args.lang}"

        def shot(widget, name: str) -> None:
            app.processEvents()
            path = out / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            print(path)

        front = window.show_page("front_desk")
        cards = front.panels[0]
        wait(app, lambda: cards.service.state.value == "connected")
        cards.rooms.setText("101")
        cards.issue()
        wait(app, lambda: cards.read_button.isEnabled() and bool(cards.result.title.text()))
        shot(window, "front-desk-cards")

        rooms_index = next(i for i, g in enumerate(front.gates)
                           if g.objectName() == "tab_RoomsPanel")
        front.tabs.setCurrentIndex(rooms_index)
        rooms = front.gates[rooms_index].content()
        wait(app, lambda: rooms.proxy.rowCount() > 0)
        shot(window, "front-desk-rooms")

        monitor = window.show_page("monitor")
        monitor.banner._beep = lambda: None  # a screenshot makes no sound
        wait(app, lambda: monitor.table.model.rowCount() >= 8)
        shot(window, "monitor")

        locks = window.show_page("locks")
        locks.import_from_cloud()
        locks.scan()
        wait(app, locks.scan_button.isEnabled, 15.0)
        shot(window, "locks")

        window.show_explanation("cloud_api", "5310")
        shot(window, "explain")

        settings = window.open_settings("readers")
        shot(window, "settings-readers")

        audit = window.show_page("audit")
        wait(app, lambda: audit.model.rowCount() > 0)
        shot(window, "audit")

        wizard = window.run_setup_assistant()
        wait(app, wizard.isVisible)
        while wizard.currentPage() is not wizard.readers_page:
            wizard.next()
        readers = wizard.readers_page.readers  # the demo's two, as Settings has them
        readers.table.selectRow(0)
        readers.test()
        wait(app, lambda: not readers.jobs.running and bool(readers.tested))
        shot(wizard, "setup-assistant-readers")
        wizard.reject()

        log_view = window.show_log()
        shot(log_view, "log-view")
        log_view.close()
        del settings
    finally:
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
