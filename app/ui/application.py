"""The composition root: what the desktop app is made of, and the order it stops in.

:class:`Application` builds, in order: Qt, the settings (the learner's, from
QSettings, unless given), the engines (given, or ``Engines.from_settings``:
nothing loads here, the practice worker loads the models on its thread), the
one store (app/store/shared.py: opened on first use by a worker thread), the
three workers and their threads (app/ui/window_parts.py), the main window,
handed those, and the review window when the learner asks for it, on the
practice's engines and the same store (no second copy).
It wires what crosses between them: the tutor's server-fallback notice
(app/tutor/openai_chat.py), from whichever thread the model runs on, reaches
the window's status bar through a signal. Everything it built is stopped in
one fixed order by :meth:`Application.shutdown`:

1. end the session and save it;
2. stop audio (microphone, reply, the review window's playback);
3. quit and join every thread and pool, with no time limit;
4. close the stores;
5. delete the widgets, while Qt and Python are both whole;
6. quit Qt.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.config import Settings
from app.engines import Engines
from app.store.shared import SharedStore
from app.ui import settings_keys as K
from app.ui.main_window import MainWindow
from app.ui.window_parts import build_review, build_workers


def qt_application() -> QApplication:
    """The one QApplication, named for QSettings."""
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Parley")
    app.setOrganizationName("Parley")
    # The same name and icon as the app-menu entry (app/desktop_entry.py), so a
    # desktop shell groups the window under it.
    from app.ui.app_icon import app_icon  # lazy: loads Qt

    app.setDesktopFileName("parley")
    app.setWindowIcon(app_icon())
    apply_look(app, K.read_all(K.open_settings()))
    return app


def apply_look(app: QApplication, values: dict) -> None:
    """The learner's theme (light, dark, or the system's) and interface language."""
    from app.ui import i18n, theme  # lazy: loads Qt

    i18n.install(app, str(values[K.LANGUAGE]))
    theme.apply(app, str(values[K.THEME]))


class Notices(QObject):
    """One-line notices from the engines' threads, delivered on the GUI thread."""

    notice = Signal(str)


class Application:
    def __init__(self, settings: Settings | None = None, *, engines: Engines | None = None,
                 hands_free: bool | None = None, load_models: bool = True,
                 measure_machine: bool = False) -> None:
        self.qt = qt_application()
        values = K.read_all(K.open_settings())
        self.settings = settings or K.to_settings(values)
        self.notices = Notices()
        # Cheap: each engine loads its model on first use or in Engines.load().
        self.engines = self.wire(engines) if engines is not None else self.make_engines(self.settings)
        # The one store, opened on first use by a worker thread (app/store/shared.py).
        self.stores = SharedStore()
        self.workers = build_workers(self.settings, K.devices(values), self.engines,
                                     make_engines=self.make_engines, stores=self.stores)
        self.window = MainWindow(self.settings, hands_free=hands_free, load_models=False,
                                 check_mic=load_models, workers=self.workers,
                                 make_review=self.make_review)
        # A bound method of a widget: queued to the GUI thread whatever thread
        # emits. Wired before the models load: loading already tries the server.
        self.notices.notice.connect(self.window.show_notice)
        if load_models:
            self.window.start_loading()
        # The first start measures which tutor and Whisper this machine
        # affords (app/brain.py), in a child process: never on this thread.
        self.measuring = None
        if measure_machine:
            from app.brain import start_first_measurement

            self.measuring = start_first_measurement(self.settings.home)
            if self.measuring is not None:
                threading.Thread(target=self._measured, args=(self.measuring,),
                                 name="brain-measure", daemon=True).start()

    def _measured(self, process) -> None:
        """Waits for the first measurement (on its own thread) and says what it picked."""
        from app.brain import BRAIN_FILE, load_pick

        code = process.wait()
        (self.settings.home / (BRAIN_FILE + ".running")).unlink(missing_ok=True)
        pick = load_pick(self.settings.home)
        if code == 0 and pick is not None:
            review = (f", reviews by {pick.review}" if pick.review and pick.review != pick.tutor
                      else "")
            self.notices.notice.emit(f"Measured this computer: the tutor {pick.tutor} and "
                                     f"Whisper {pick.ear}{review} from the next start on")

    def make_engines(self, settings: Settings) -> Engines:
        """The engines the settings name, wired; also when the settings change
        (called then on the practice worker's thread)."""
        return self.wire(Engines.from_settings(settings))

    def wire(self, engines: Engines) -> Engines:
        health = getattr(engines.chat, "health", None)  # a server with the embedded fallback
        if health is not None:
            health.on_notice = self.notices.notice.emit
        return engines

    def make_review(self, parent: QWidget):
        """The review window, on the practice's current engines and store."""
        return build_review(self.window.settings, self.workers, parent)

    def run(self) -> int:
        """Show the window and run until it closes; then shut down. The exit code."""
        self.window.show()
        if not K.read(K.open_settings(), K.FIRST_START_DONE):
            # The first start's four steps, once, over the window (skippable).
            QTimer.singleShot(0, self.window.open_first_start)
        code = self.qt.exec()
        self.shutdown()
        return code

    def shutdown(self) -> None:
        if self.measuring is not None and self.measuring.poll() is None:
            self.measuring.terminate()  # measured again at the next start
            self.measuring.wait()
        # 1-4: the window ends the session, stops audio, joins its threads and
        # the review window's pools, and closes the stores (MainWindow.shutdown).
        self.window.shutdown()
        # 5. Delete the widgets now: left to the interpreter's exit, PySide
        #    destroys their wrappers in no particular order.
        for widget in self.qt.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.qt.processEvents()
        # 6. Quit Qt.
        self.qt.quit()
