"""Start the window, or render it to a PNG."""

from __future__ import annotations

import argparse
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
    parser.parse_args(argv)
    app = _app()
    from app.ui.main_window import MainWindow

    window = MainWindow(Settings.from_env())
    window.show()
    return app.exec()


def screenshot(out: Path) -> int:
    app = _app()
    from app.ui.main_window import MainWindow

    window = MainWindow(Settings.from_env(), load_models=False)
    window.show()
    app.processEvents()
    window.grab().save(str(out))
    window.close()
    print(out)
    return 0
