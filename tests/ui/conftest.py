"""Fixtures for the window tests: private QSettings, one real Engines per test
module, the virtual speaker's monitor and the virtual microphone."""

from __future__ import annotations

import subprocess
import threading

import pytest
from pulse_helpers import SpeakerCapture
from PySide6.QtCore import QSettings

from app.config import Settings


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    """Never the learner's real configuration: INI files under tmp_path."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(scope="module")
def ui_engines():
    """The real models, loaded once per module (each test gets its own store), on
    a thread at the practice worker's priority, as the app loads them."""
    from app.engines import Engines
    from app.ui.worker import lower_thread_priority

    engines = Engines(Settings.from_env())
    errors: list[BaseException] = []

    def load() -> None:
        lower_thread_priority()
        try:
            engines.load()
        except BaseException as error:  # noqa: BLE001 - re-raised below
            errors.append(error)

    loader = threading.Thread(target=load)
    loader.start()
    loader.join()
    if errors:
        raise errors[0]
    return engines


@pytest.fixture
def speaker(pulse):
    capture = SpeakerCapture()
    yield capture
    capture.close()


def play_into_mic(wav) -> subprocess.Popen:
    return subprocess.Popen(["paplay", "--device=micfeed", str(wav)])


def wait_listening(qtbot, window, timeout: int = 10000) -> None:
    """Hands-free listening, with the microphone already recording: the
    state changes when a capture is queued, and the mic thread opens the
    device a moment later (on a loaded machine, seconds)."""
    qtbot.waitUntil(lambda: window.talk.state == "listening" and window.mic.capturing,
                    timeout=timeout)


def open_window(qtbot, engines, **kwargs):
    from app.ui.main_window import MainWindow

    window = MainWindow(engines=engines, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # A wait, not a timing: on a machine loaded by other jobs, warming the
    # module's models up in a new window took over 30 s.
    qtbot.waitUntil(lambda: window.talk.ready and window.talk.mic_ok, timeout=120000)
    return window


@pytest.fixture
def make_window(qtbot, ui_engines):
    """make_window(hands_free=...) -> a MainWindow on the module's engines, ready."""
    return lambda **kwargs: open_window(qtbot, ui_engines, **kwargs)


@pytest.fixture
def mic(pulse):
    """mic(wav) plays a WAV into the virtual microphone; returns the paplay process."""
    procs = []

    def play(wav):
        procs.append(play_into_mic(wav))
        return procs[-1]

    yield play
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session", autouse=True)
def delete_windows_before_exit():
    """Delete every top-level widget while Qt and Python are both still whole,
    as the application does before it quits Qt (app/ui/application.py)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
