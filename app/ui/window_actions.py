"""The window's actions: problem boxes, hold-Space-to-talk, sessions (start, end
with a summary), settings and the review screens. A mixin of MainWindow, kept
apart to keep both small."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMessageBox, QTextEdit,
)

from app.session import SessionOptions
from app.ui import settings_keys as K
from app.ui.i18n import tr
from app.ui.session_dialog import SessionDialog, style_label, summary_text


# Space keeps its own meaning in these: typing, or pressing a focused button
# (the Talk button itself turns a held Space into pressed/released).
_OWN_SPACE = (QLineEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


class WindowActions:
    def show_problem(self, message: str, title: str = "Parley") -> None:
        """A non-modal box saying what is wrong and how to fix it ("problem -- fix")."""
        problem, _, fix = message.partition(" -- ")
        self.last_problem = message
        self.status.setText(problem)
        box = QMessageBox(QMessageBox.Icon.Warning, "Parley", title + ":\n" + problem
                          if title != "Parley" else problem, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("problem")
        if fix:
            box.setInformativeText(tr("How to fix it: ") + fix)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.problem_box = box

    def show_notice(self, notice: str) -> None:
        """One line in the status bar (a notice, not a problem: nothing to fix
        now), shown until the tutor tries the server again."""
        from app.tutor.openai_chat import RETRY_AFTER_S  # lazy: loads numpy

        self.notice.setText(notice)
        self.notice.setToolTip(notice)
        self.notice.show()
        self.notice_timer.start(int(RETRY_AFTER_S * 1000))

    # -- keyboard: hold Space to talk (not while typing) ---------------------------------------
    # The window's own key handlers, not an application-wide event filter: a
    # filter written in Python runs for every event of every widget (dozens
    # for one new bubble), and each call must take the GIL back from the
    # worker threads, up to a switch interval each while one runs Python;
    # that stalls the event loop when a reply's bubble appears
    # (docs/benchmarks.md, "Why the window stalled"). A key the focused
    # widget does not use comes up to its window (Qt propagates it); typing,
    # a focused button's own Space and dialogs (other windows) keep theirs.
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._talk_key(event, press=True):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self._talk_key(event, press=False):
            super().keyReleaseEvent(event)

    def _talk_key(self, event, press: bool) -> bool:
        if event.key() != Qt.Key.Key_Space or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if isinstance(QApplication.focusWidget(), _OWN_SPACE):
            return False
        if not event.isAutoRepeat():
            (self.talk.press if press else self.talk.release)()
        event.accept()
        return True

    # -- sessions, settings, review ---------------------------------------------------------------
    def _apply_session(self, options: SessionOptions) -> None:
        self.options = options
        self.presenter.reset(options)
        self.start_session.emit(options)
        style = style_label(options.correction_style)
        self.session_label.setText(
            f"<b>{html.escape(options.scenario_title)}</b> · "
            + html.escape(tr("level {level} · corrections: {style}").format(level=options.level,
                                                                             style=style)))

    def new_session(self) -> None:
        dialog = SessionDialog(self.options, self, home=self.settings.home)
        dialog.accepted.connect(lambda: self._begin(dialog.options()))
        dialog.open()

    def _begin(self, options: SessionOptions) -> None:
        if self.talk.busy:
            self.talk.barge_in()
        if self.presenter.turns:
            self.end_session.emit()
        K.write(self.qsettings, {K.SCENARIO: options.scenario_id, K.LEVEL: options.level,
                                 K.CORRECTION_STYLE: options.correction_style})
        self._apply_session(options)
        if not self.presenter.muted:
            self.presenter.speak_opening()  # the tutor starts the scenario

    def finish_session(self) -> None:
        if self.talk.busy:
            self.talk.barge_in()
        self._ending = True
        self.end_session.emit()

    def _on_session_ended(self, _session_id, summary: dict) -> None:
        if summary is None or self._closing:
            return
        box = QMessageBox(QMessageBox.Icon.Information, tr("Session summary"), summary_text(summary),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("summary")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.summary_box = box
        if self._ending:  # "End session": the next one starts empty
            self._ending = False
            self.presenter.reset(self.options)

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog  # lazy: loads Qt and numpy

        turn_end = self.mic.turn_end
        dialog = SettingsDialog(
            self.qsettings, self.devices, self,
            waits_ms=turn_end.waits_ms() if turn_end is not None else None,
            voice_ms=turn_end.sounds_finished_ms() if turn_end is not None else None)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()

    def _settings_changed(self) -> None:
        before = self.values
        self.values = K.read_all(self.qsettings)
        self._look_changed(before)
        devices = K.devices(self.values)
        self.mic.device = devices.input
        self.talk.voice_barge_in = bool(self.values[K.VOICE_BARGE_IN])
        self.player_device.emit(devices.output)
        settings = K.to_settings(self.values, self.settings)
        if settings.patience_ms != self.settings.patience_ms:
            # Takes effect at the next utterance; the models need no reload.
            self.settings = self.settings.with_(patience_ms=settings.patience_ms)
            if self.mic.turn_end is not None:
                self.mic.turn_end = replace(self.mic.turn_end, patience_ms=settings.patience_ms)
        if settings != self.settings:
            self.settings = settings
            self._set_ready(False)
            self.talk.set_ready(False)
            self.progress.show()
            self.presenter.reset(self.options)  # the models' session ends; a new one starts
            self.reconfigure.emit(settings)
        QMetaObject.invokeMethod(self.mic, "check", Qt.ConnectionType.QueuedConnection)

    def _look_changed(self, before: dict) -> None:
        """A new theme shows at once; a new language in the widgets built from now
        on, and everywhere after a restart (the status bar says so)."""
        from app.ui import i18n, theme  # lazy: loads Qt

        app = QApplication.instance()
        if before.get(K.THEME) != self.values[K.THEME]:
            theme.apply(app, str(self.values[K.THEME]))
        if before.get(K.LANGUAGE) != self.values[K.LANGUAGE]:
            i18n.install(app, str(self.values[K.LANGUAGE]))
            self.status.setText(tr("The new language shows everywhere once Parley restarts."))

    def open_review(self) -> None:
        if self.review is not None:
            self.review.show()
            self.review.raise_()
            return
        try:
            # Built by the application on the practice's own engines and store
            # (app/ui/window_parts.py); the window's shutdown also stops it.
            self.review = self.make_review(self)
        except ImportError as error:
            self.show_problem(tr("the review screens are not available ({error}) -- "
                                 "update Parley to a version that includes them").format(error=error))
            return
        except Exception as error:  # noqa: BLE001 - the conversation must survive it
            self.show_problem(tr("the review screens failed to open: {error} -- "
                                 "check the data folder in Settings").format(error=error))
            return
        self.review.show()
        self.review.raise_()


    def open_first_start(self):
        """The first start's steps (shown once; Session > Getting started again)."""
        from app.ui.first_start import FirstStart  # lazy: loads Qt

        panel = getattr(self, "home_panel", None)
        goal = panel.current.goal_minutes if panel is not None and panel.current else 10

        def save_goal(minutes: int) -> None:
            if panel is not None:
                from app.review.home import set_goal  # lazy: loads SQLAlchemy

                store = panel.services.store
                panel.tasks.run(lambda: set_goal(store, minutes), lambda _done: panel.refresh())

        if self.first_start is not None:
            self.first_start.stop_audio()
            self.first_start.tasks.wait()  # a closed one's last recording: ends within a chunk
        worker, talk = self.worker, self.talk

        def engines():
            """The practice's engines once loaded (the level talk transcribes with them)."""
            return getattr(worker, "engines", None) if talk.ready else None

        dialog = FirstStart(self.qsettings, self.settings, K.devices(self.values).input,
                            save_goal=save_goal, goal=goal, parent=self, engines=engines)
        dialog.finished.connect(lambda _code: self._first_start_done(dialog))
        self.first_start = dialog
        dialog.open()
        return dialog

    def _first_start_done(self, dialog) -> None:
        self.values = K.read_all(self.qsettings)
        chosen = dialog.chosen_level()
        if chosen and chosen != self.options.level:
            self._apply_session(replace(self.options, level=chosen))
        if dialog.model_changed:
            self._settings_changed()
