"""The tutor's model server is down: the application falls back to the embedded
model and the window's status bar says so, on the GUI thread. A real closed
port on 127.0.0.1 (nothing listens there), the real models, the real app's
composition root (app/ui/application.py)."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from app.config import Settings
from app.ui.main_window import MainWindow

pytestmark = pytest.mark.model  # loads a real model


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends


@pytest.mark.timeout(240)
def test_server_down_shows_the_fallback_notice_in_the_status_bar(qtbot, parley_home,
                                                                monkeypatch):
    from app.ui.application import Application

    threads = []
    show_notice = MainWindow.show_notice

    def on_gui_thread(window, notice):
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        show_notice(window, notice)

    monkeypatch.setattr(MainWindow, "show_notice", on_gui_thread)
    port = closed_port()
    url = f"http://127.0.0.1:{port}/v1"
    settings = Settings.from_env(home=parley_home).with_(llm_url=url, llm_timeout_s=3)
    application = Application(settings, hands_free=False)
    window = application.window
    qtbot.addWidget(window)
    window.show()
    try:
        # The server is tried when the tutor's model loads, on the practice thread.
        qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=120000)
        text = window.notice.text()
        assert f"127.0.0.1:{port}" in text and "cannot be reached" in text and "embedded model" in text
        assert text == application.engines.chat.notices[0] and "\n" not in text
        assert threads == [True]
        # The embedded model took over: the window gets ready and answers.
        qtbot.waitUntil(lambda: window.talk.ready, timeout=180000)
        assert not application.engines.chat.using_server
    finally:
        window.close()


@pytest.mark.timeout(60)
def test_engines_rebuilt_for_new_settings_tell_the_window_too(qtbot, parley_home):
    """A settings change rebuilds the engines on the practice thread
    (PracticeWorker.make_engines is the application's): their notices still
    reach the status bar, from a thread that is not the GUI's."""
    import threading

    from app.ui.application import Application

    settings = Settings.from_env(home=parley_home)
    application = Application(settings, hands_free=False, load_models=False)
    window = application.window
    qtbot.addWidget(window)
    try:
        url = f"http://127.0.0.1:{closed_port()}/v1"
        engines = application.workers.practice.make_engines(settings.with_(llm_url=url))
        teller = threading.Thread(target=engines.chat.health.tell, args=("the server is down",))
        teller.start()
        teller.join()
        qtbot.waitUntil(lambda: window.notice.text() == "the server is down", timeout=5000)
        assert window.notice.isVisibleTo(window)
    finally:
        window.close()
