"""Start the window."""

from __future__ import annotations

import argparse
import os
import sys


def qt_application():
    """The one QApplication, named for QSettings."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Parley")
    app.setOrganizationName("Parley")
    # The same name and icon as the app-menu entry (app/desktop_entry.py), so a
    # desktop shell groups the window under it.
    from app.ui.app_icon import app_icon

    app.setDesktopFileName("parley")
    app.setWindowIcon(app_icon())
    return app


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m app")
    parser.add_argument("--hands-free", action="store_true", help="start in hands-free mode")
    args = parser.parse_args(argv)
    app = qt_application()
    from app.ui.main_window import MainWindow

    window = MainWindow(hands_free=True if args.hands_free else None)
    window.show()
    code = app.exec()
    # Everything is saved by now: each turn is committed when it ends and
    # settings are synced when written. PySide6's own clean-up at interpreter
    # exit can segfault on wrappers of already-deleted widgets (seen in the
    # test process), so the window ends the process itself.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
