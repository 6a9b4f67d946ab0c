"""The look (pytest-qt, offscreen, no models): every control has an accessible
name, Tab walks the window's controls in a sensible order, the theme and the
interface language switch, the pages render without clipped text at 100 %
and 200 %, and the first start walks through (the microphone step on the
virtual microphone)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QHeaderView, QLineEdit,
    QWidget,
)

from app.store import CorrectionRecord, TurnRecord, open_store

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def seed(home) -> None:
    fix = CorrectionRecord("go", "went", "Use the past tense for yesterday.", "verb tense")
    with open_store(home) as store:
        session = store.start_session(scenario="Free talk", level="B1", correction_style="explicit")
        store.save_turn(TurnRecord(session_id=session, transcript="Yesterday I go to the cinema.",
                                   reply="What film did you see?", input_mode="text", corrections=[fix]))
        store.save_turn(TurnRecord(session_id=session, transcript="A film about space.",
                                   reply="I love space films!", input_mode="text"))


@pytest.fixture
def window(qtbot, parley_home):
    from app.ui.main_window import MainWindow

    seed(parley_home)
    w = MainWindow(load_models=False, check_mic=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.home_panel.current is not None, timeout=30000)
    w._set_ready(True)
    w.bar.set_mic_available(True)
    yield w
    w.close()


def _inside(widget, kinds) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root) -> list[str]:
    """Controls a screen reader would announce without a name."""
    missing = []
    for widget in [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS)]:
        # A table's header, a spin box's or combo box's own line edit and popup list: parts of one control.
        if isinstance(widget, QHeaderView) or _inside(widget, (QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(widget, QAbstractButton) and widget.objectName().startswith("qt_"):
            continue  # Qt's internal buttons (a scroll area's corner, a calendar's arrows)
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not (widget.accessibleName() or name.strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}")
    return missing


def test_every_control_has_an_accessible_name(window, qtbot):
    from app.ui.settings_dialog import SettingsDialog

    assert not (missing := unnamed(window)), "\n".join(missing)
    settings = SettingsDialog(window.qsettings, [], window)
    qtbot.addWidget(settings)
    assert not (missing := unnamed(settings)), "\n".join(missing)
    first = window.open_first_start()
    qtbot.waitUntil(lambda: first.model.list.count() > 0, timeout=20000)
    assert not (missing := unnamed(first)), "\n".join(missing)
    first.reject()
    window.open_review()
    review = window.review
    for index in range(review.tabs.count()):
        review.tabs.setCurrentIndex(index)
        qtbot.wait(50)
    review.open_session(window.home_panel.current.last_session_id)
    qtbot.waitUntil(lambda: bool(review.session.cards), timeout=20000)
    assert not (missing := unnamed(review)), "\n".join(missing)


def test_tab_walks_the_window_in_order(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.bar.talk.setFocus()
    qtbot.waitUntil(lambda: window.bar.talk.hasFocus(), timeout=2000)
    walked = [window.bar.talk]
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is window.bar.talk:
            break
        walked.append(now)
    else:
        pytest.fail("Tab never came back to the talk button")
    names = [w.accessibleName() for w in walked]
    # The talk button first, then typing, then the talk options; every control once.
    assert names[:5] == ["Talk", "Message", "Send message", "Hands-free mode", "Mute the tutor's voice"]
    panel = window.home_panel
    for control in (window.new_button, panel.continue_button, panel.topic_button, panel.goal_button):
        if control.isVisible():
            assert control in walked, control.accessibleName()
    assert len(walked) == len(set(map(id, walked)))
    assert all(w.isVisible() and w.isEnabled() for w in walked)


SWITCH = """
from PySide6.QtWidgets import QApplication
from app.ui import i18n, theme
from app.ui.main_window import MainWindow

app = QApplication([])
theme.apply(app, theme.DARK)
assert app.palette().window().color().name() == theme.DARK_PALETTE.window
assert theme.DARK_PALETTE.learner in app.styleSheet()
theme.apply(app, theme.LIGHT)
assert app.palette().window().color().name() == theme.LIGHT_PALETTE.window
assert theme.LIGHT_PALETTE.learner in app.styleSheet()
assert i18n.install(app, "zh_CN") == "zh_CN"
chinese = MainWindow(load_models=False, check_mic=False)
assert chinese.send.text() == "\u53d1\u9001", chinese.send.text()  # 发送
assert chinese.bar.state.text() == "\u51c6\u5907\u597d\u4e86"  # 准备好了
assert chinese.bar.talk.accessibleName() == "\u8bf4\u8bdd"  # 说话
chinese.close()
i18n.install(app, "en")
theme.apply(app, theme.SYSTEM)
assert i18n.tr("Send") == "Send"
english = MainWindow(load_models=False, check_mic=False)
assert english.send.text() == "Send"
english.close()
print("switched")
"""


def test_theme_and_language_switch(tmp_path, parley_home):
    """Dark and light, Chinese and back. In a process of its own: the switch
    restyles, retranslates and refonts every widget of the application, and
    in the suite's shared one that includes every window earlier tests left."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PARLEY_HOME=str(parley_home), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", SWITCH], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=100)
    assert done.returncode == 0 and "switched" in done.stdout, done.stderr[-3000:]


@pytest.mark.parametrize("scale", ["1", "2"])
def test_pages_render_without_clipped_text(tmp_path, parley_home, scale):
    seed(parley_home)
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT),
               PARLEY_HOME=str(parley_home), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "app", "screenshot", str(out), "--theme", "light"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "clipped:" not in done.stderr, done.stderr
    names = {p.name for p in out.glob("*.png")}
    assert {"home-light.png", "conversation-light.png", "review-light.png", "history-light.png",
            "settings-light.png", "first-start-1-light.png", "first-start-4-light.png"} <= names
    home = QImage(str(out / "home-light.png"))
    assert home.width() == 880 * int(scale)  # drawn at the scale, not stretched


def test_clipped_text_is_found(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from app.devtools.screenshots import clipped

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    button = QPushButton("A rather long button label that cannot fit")
    label = QLabel("Two lines of wrapped words that need more height than they get here")
    label.setWordWrap(True)
    layout.addWidget(button)
    layout.addWidget(label)
    root.show()
    qtbot.waitExposed(root)
    assert clipped(root) == []
    button.setFixedWidth(60)
    label.setFixedSize(80, 12)
    found = clipped(root)
    assert len(found) == 2 and any("rather long" in line for line in found)


def test_first_start_walks_through_and_is_not_shown_again(window, qtbot):
    from app.ui import settings_keys as K

    first = window.open_first_start()
    qtbot.waitUntil(lambda: first.model.list.count() > 0, timeout=20000)
    assert first.counter.text() == "Step 1 of 4" and not first.back.isEnabled()
    qtbot.mouseClick(first.next, Qt.MouseButton.LeftButton)
    [b2] = [b for b in first.level.group.buttons() if b.property("level") == "B2"]
    b2.click()
    qtbot.mouseClick(first.next, Qt.MouseButton.LeftButton)
    [fifteen] = [b for b in first.goal.group.buttons() if b.property("minutes") == 15]
    fifteen.click()
    qtbot.mouseClick(first.next, Qt.MouseButton.LeftButton)
    assert first.next.text() == "Start talking" and first.counter.text() == "Step 4 of 4"
    assert "tokens/s" in first.model.list.item(0).text() or "not measured" in first.model.list.item(0).text()
    with qtbot.waitSignal(window.home_panel.loaded, timeout=20000):
        qtbot.mouseClick(first.next, Qt.MouseButton.LeftButton)
    values = K.read_all(window.qsettings)
    assert values[K.FIRST_START_DONE] and values[K.LEVEL] == "B2"
    assert values[K.LLM_MODEL] == "" and not first.model_changed  # the model was not touched
    assert window.options.level == "B2"
    assert window.home_panel.current.goal_minutes == 15


def test_first_start_hears_the_virtual_microphone(window, qtbot, mic):
    first = window.open_first_start()
    step = first.mic
    levels: list[float] = []
    step.level.connect(levels.append)
    wav = sorted((ROOT / "tests/data/speech/learner").glob("*.wav"))[0]
    mic(wav)
    with qtbot.waitSignal(step.heard, timeout=20000) as heard:
        qtbot.mouseClick(step.button, Qt.MouseButton.LeftButton)
    assert heard.args[0] > -45  # a voice, not the room
    assert max(levels) > -45 and step.replay.isEnabled()
    assert "heard you" in step.result.text()
    first.reject()
