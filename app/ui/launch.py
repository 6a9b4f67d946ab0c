"""Start the window: ``python -m app [--hands-free]``."""

from __future__ import annotations

import argparse


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m app")
    parser.add_argument("--hands-free", action="store_true", help="start in hands-free mode")
    args = parser.parse_args(argv)
    from app.ui.application import Application  # lazy: loads Qt, SQLAlchemy and libsndfile

    return Application(hands_free=True if args.hands_free else None, measure_machine=True).run()
