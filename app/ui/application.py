"""The composition root: what the desktop app is made of, and the order it stops in.

:class:`Application` builds, in order: Qt, the settings (the learner's, from
QSettings, unless given), the engines (given, or ``Engines.from_settings``:
nothing loads here, the practice worker loads the models on its thread), the
main window with its three workers and their threads (the practice worker opens
the store), and the review window when the learner asks for it, on the same
engines and settings. Everything it built is stopped in one fixed order by
:meth:`Application.shutdown`:

1. end the session and save it;
2. stop audio (microphone, reply, the review window's playback);
3. quit and join every thread and pool, with no time limit;
4. close the stores;
5. delete the widgets, while Qt and Python are both whole;
6. quit Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.engines import Engines
from app.ui import settings_keys as K
from app.ui.main_window import MainWindow


def qt_application() -> QApplication:
    """The one QApplication, named for QSettings."""
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Parley")
    app.setOrganizationName("Parley")
    # The same name and icon as the app-menu entry (app/desktop_entry.py), so a
    # desktop shell groups the window under it.
    from app.ui.app_icon import app_icon

    app.setDesktopFileName("parley")
    app.setWindowIcon(app_icon())
    return app


class Application:
    def __init__(self, settings: Settings | None = None, *, engines: Engines | None = None,
                 hands_free: bool | None = None, load_models: bool = True) -> None:
        self.qt = qt_application()
        self.settings = settings or K.to_settings(K.read_all(K.open_settings()))
        # Cheap: each engine loads its model on first use or in Engines.load().
        self.engines = engines if engines is not None else Engines.from_settings(self.settings)
        self.window = MainWindow(self.settings, engines=self.engines, hands_free=hands_free,
                                 load_models=load_models)

    def run(self) -> int:
        """Show the window and run until it closes; then shut down. The exit code."""
        self.window.show()
        code = self.qt.exec()
        self.shutdown()
        return code

    def shutdown(self) -> None:
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
