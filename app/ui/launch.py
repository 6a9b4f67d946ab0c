"""Start the window, or render it to a PNG."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.config import Settings


def _app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Parley")
    app.setOrganizationName("Parley")
    return app


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m app")
    parser.add_argument("--hands-free", action="store_true", help="start in hands-free mode")
    args = parser.parse_args(argv)
    app = _app()
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


def screenshot(out: Path) -> int:
    """The window mid-conversation (a sample exchange, no models loaded)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _app()
    from app.ui.main_window import MainWindow
    from app.ui.sample import fill_sample

    window = MainWindow(Settings.from_env(), load_models=False)
    fill_sample(window)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out))
    window._closing = True
    window.close()
    print(out)
    return 0
