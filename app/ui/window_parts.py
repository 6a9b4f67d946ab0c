"""What the application (app/ui/application.py) hands the windows: the main
window's workers, each on its own QThread, the one store they all share
(app/store/shared.py), and the review window built on the practice's own
engines and that store.

A bare ``MainWindow(...)`` (the tests, one window on shared engines) builds
the same parts with the same functions, so there is one way to make each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from app.config import Settings
from app.store.shared import SharedStore
from app.ui.audio_workers import MicWorker, PlayerWorker
from app.ui.settings_keys import Devices
from app.ui.worker import PracticeWorker, start_worker


@dataclass
class WindowWorkers:
    practice: PracticeWorker  # models and the store
    mic: MicWorker  # recording, turn-taking
    player: PlayerWorker  # the reply and every replay
    threads: list[QThread]  # in that order; the application joins them all
    stores: SharedStore  # the practice's, the review's and the home panel's store


def build_workers(settings: Settings, devices: Devices, engines: Any = None,
                  make_engines: Callable[[Settings], Any] | None = None,
                  stores: SharedStore | None = None) -> WindowWorkers:
    """The three workers, started. ``engines`` are the practice's (None: built
    from the settings on the worker's thread); ``make_engines`` builds them
    again when the settings change; ``stores`` (default: a new one) is the
    store every part of the window uses."""
    stores = stores if stores is not None else SharedStore()
    practice = PracticeWorker(settings, engines=engines, make_engines=make_engines,
                              stores=stores)
    mic, player = MicWorker(devices.input), PlayerWorker(devices.output)
    from app.audio import echo  # lazy: loads numpy

    if echo.available():
        # The tutor's voice, as played, is the reference the microphone's
        # echo canceller subtracts: voice barge-in works on loudspeakers.
        mic.far_end = player.far_end = echo.FarEnd()
    threads = [start_worker(w) for w in (practice, mic, player)]
    return WindowWorkers(practice, mic, player, threads, stores)


def build_review(settings: Settings, workers: WindowWorkers, parent: QWidget | None = None):
    """The review window on the practice's engines (read when first used: they
    are rebuilt when the settings change) and the shared store: one
    recogniser, one voice and one database pool in memory, with the
    practice's thread budgets."""
    from app.ui.review import ReviewWindow  # lazy: loads the review window's Qt widgets
    from app.ui.review.services import ReviewServices  # lazy: loads numpy

    practice, stores = workers.practice, workers.stores
    services = ReviewServices(settings.home, settings, engines=lambda: practice.engines,
                              store=lambda: stores.get(settings.home))
    return ReviewWindow(settings.home, parent, services=services)
