"""The window without models: screenshot, review fallback, keyboard and
accessibility, the correction diff."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit

pytestmark = pytest.mark.model  # loads a real model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot):
    from app.ui.main_window import MainWindow

    w = MainWindow(load_models=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.timeout(30)
def test_ui_learner_bubble_shows_the_correction_gently(window):
    from app.devtools.screenshots import ShownTurn, show_turns
    from app.tutor.edits import Edit

    show_turns(window, [ShownTurn("Yesterday I go to the cinema.", "What did you see?",
                                  "Yesterday I went to the cinema.",
                                  [Edit("go", "went", "Use the past tense for yesterday.", "verb tense")])])
    learner = window.view.learner_bubbles()[0]
    diff = learner.correction.text()
    assert "<s" in diff and ">go</s>" in diff and "went" in diff and "<u" in diff
    # The reason: on hover, and under the bubble's "Why?" after a click.
    assert learner.correction.toolTip() == learner.reason.text() == "Use the past tense for yesterday."
    assert learner.why.isVisibleTo(learner) and not learner.reason.isVisibleTo(learner)
    learner.why.click()
    assert learner.reason.isVisibleTo(learner)
    assert window.view.tutor_bubbles()[-1].text.text() == "What did you see?"


@pytest.mark.timeout(30)
def test_ui_diff_marks_removed_and_added_words():
    from app.ui.conversation_view import diff_html

    html = diff_html("She go to school yesterday.", "She went to school yesterday.")
    assert html.startswith("She ") and "<s" in html and ">go</s>" in html and ">went</b>" in html
    assert diff_html("Same words.", "Same words.") == "Same words."


@pytest.mark.timeout(30)
def test_ui_review_missing_is_explained(window, monkeypatch):
    monkeypatch.setitem(sys.modules, "app.ui.review", None)  # import fails
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.shortcut().toString() == "Ctrl+R")
    action.trigger()
    assert window.problem_box is not None
    assert "review" in window.problem_box.text().lower()


@pytest.mark.timeout(30)
def test_ui_controls_have_accessible_names_and_no_fixed_colours(window):
    controls = window.findChildren(QAbstractButton) + window.findChildren(QLineEdit)
    unnamed = [c for c in controls if c.isVisibleTo(window) and not c.accessibleName()
               and not isinstance(c, QCheckBox) and c.objectName() != "qt_scrollarea_viewport"]
    assert not unnamed, [type(c).__name__ + ":" + getattr(c, "text", lambda: "")() for c in unnamed]
    assert not window.styleSheet()
    # Talk is reachable by keyboard: Space (outside the text box) and the menus.
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.menuBar().actions()[0]))}
    assert {"Ctrl+N", "Ctrl+E", "Ctrl+R", "Ctrl+H", "Ctrl+M", "Esc"} <= shortcuts


@pytest.mark.timeout(30)
def test_ui_review_opens_when_present(window):
    pytest.importorskip("app.ui.review.window")
    window.open_review()
    assert window.problem_box is None, window.last_problem
    assert window.review.isVisible()
    window.review.close()


@pytest.mark.timeout(30)
def test_ui_new_session_dialog_applies_the_choice(window, qtbot):
    from app.ui.session_dialog import SessionDialog

    window.new_session()
    dialog = window.findChild(SessionDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.level.setCurrentText("A2")
    dialog.style.setCurrentIndex(dialog.style.findData("summary"))
    dialog.scenario.setCurrentIndex(dialog.scenario.count() - 1)
    dialog.accept()
    assert window.options.level == "A2" and window.options.correction_style == "summary"
    assert "A2" in window.session_label.text()
    if window.options.opening:  # the tutor opens the scenario
        assert window.view.tutor_bubbles()[0].text.text() == window.options.opening


@pytest.mark.timeout(60)
@pytest.mark.parametrize("broken", ["missing", "corrupt"])
def test_ui_broken_tutor_model_is_explained(qtbot, tmp_path, monkeypatch, broken):
    from app.ui.main_window import MainWindow

    model = tmp_path / "tutor.gguf"
    if broken == "corrupt":
        model.write_bytes(b"this is not a GGUF file" * 100)
    monkeypatch.setenv("PARLEY_LLM_MODEL", str(model))
    window = MainWindow(check_mic=False)
    qtbot.addWidget(window)
    window.show()
    assert window.progress.isVisible()  # the window is up while the models load
    qtbot.waitUntil(lambda: window.problem_box is not None, timeout=45000)
    assert "gguf" in window.problem_box.text().lower() or "model" in window.problem_box.text().lower()
    assert window.problem_box.informativeText().startswith("How to fix it:")
    assert not window.entry.isEnabled()
    window.open_settings()  # what does not need the models still works
    from app.ui.settings_dialog import SettingsDialog

    assert window.findChild(SettingsDialog).isVisible()


@pytest.mark.timeout(30)
def test_ui_settings_dialog_from_the_window_applies_devices(window, qtbot):
    from app.ui import settings_keys as K
    from app.ui.settings_dialog import SettingsDialog

    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.output_device.setCurrentText("VirtualSpeaker")
    dialog.input_device.setCurrentText("VirtualMic")
    dialog.accept()
    assert K.read_all()[K.OUTPUT_DEVICE] == "VirtualSpeaker"
    assert window.mic.device == "VirtualMic"
    qtbot.waitUntil(lambda: window.player.device == "VirtualSpeaker", timeout=5000)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("style,shown", [("explicit", True), ("gentle", False),
                                         ("summary", False), ("off", False)])
def test_ui_correction_style_decides_what_is_shown(window, style, shown):
    import dataclasses

    import numpy as np

    from app import events as ev
    from app.tutor.corrections import CorrectionResult
    from app.tutor.edits import Edit

    p = window.presenter
    p.reset(dataclasses.replace(window.options, correction_style=style))
    p.turn_sent(np.zeros(16000, np.float32), "")
    result = CorrectionResult("She go home.", "She went home.",
                              [Edit("go", "went", "Use the past tense.", "verb tense")])
    for event in (ev.TranscriptReady(type("T", (), {"text": "She go home.", "words": ()})()),
                  ev.ReplyToken("Nice!"), ev.ReplyDone("Nice!"), ev.CorrectionsReady(result),
                  ev.TurnSaved(1, 1, {})):
        p.on_event(event)
    p.turn_ended(True)
    learner = window.view.learner_bubbles()[-1]
    assert (not learner.correction.isHidden()) is shown
    assert p.turns == 1  # the summary is the worker's, from the saved turns (tests/test_session.py)


@pytest.mark.timeout(30)
def test_ui_space_talks_unless_the_focused_widget_uses_it(window, qtbot):
    """Space reaches the window's own handler from a widget that has no use
    for it (the conversation), not from the text box (a typed space) or a
    focused button (it clicks it). No application-wide event filter: that
    ran Python for every event of every widget and stalled the window."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    calls = []
    window.talk.press, window.talk.release = (lambda: calls.append("press"),
                                              lambda: calls.append("release"))

    def space(widget, press: bool, auto: bool = False) -> None:
        kind = QEvent.Type.KeyPress if press else QEvent.Type.KeyRelease
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Space,
                                                 Qt.KeyboardModifier.NoModifier, " ", auto))

    window.activateWindow()
    qtbot.waitActive(window)
    window.view.setFocus()
    space(window.view, True)
    space(window.view, False, auto=True)  # a held key repeats: no new turn
    space(window.view, True, auto=True)
    space(window.view, False)
    assert calls == ["press", "release"]
    calls.clear()
    for widget in (window.entry, window.bar.mute):
        widget.setEnabled(True)  # as once the models are loaded
    window.entry.setFocus()
    qtbot.waitUntil(lambda: window.entry.hasFocus(), timeout=2000)
    space(window.entry, True)
    space(window.entry, False)
    assert calls == [] and window.entry.text() == " "
    muted = window.bar.mute.isChecked()
    window.bar.mute.setFocus()
    qtbot.waitUntil(lambda: window.bar.mute.hasFocus(), timeout=2000)
    space(window.bar.mute, True)
    space(window.bar.mute, False)
    assert calls == [] and window.bar.mute.isChecked() != muted
