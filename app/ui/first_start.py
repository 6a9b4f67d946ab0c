"""The first start: four short steps, each skippable, shown once (Session >
Getting started shows them again).

1. The microphone: a few seconds recorded with the level as a ring, then
   played back, so the learner hears what the tutor will hear.
2. The level (A2 to C1), in the learner's words, chosen or found by a
   one-minute talk (app/ui/level_talk.py) and then kept or changed.
3. A daily goal in minutes.
4. The tutor model, with the speed measured on this machine
   (app/models_list.py; "Measure" times the chosen one now).

Recording, playback and measuring run on the tasks' pools
(app/ui/review/tasks.py), never on the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
)

from app.tutor.styles import LEVELS
from app.ui import settings_keys as K
from app.ui import theme
from app.ui.i18n import tr
from app.ui.level_talk import record
from app.ui.review.tasks import Tasks
from app.ui.theme.widgets import LISTENING, TalkButton

CHECK_SECONDS = 4.0
HEARD_DB = -45.0  # a peak above this is a voice, not the room
GOALS = (5, 10, 15, 20)


def level_text(level: str) -> str:
    return {"A2": tr("I can talk about everyday things, slowly and simply."),
            "B1": tr("I can keep a conversation going on familiar topics."),
            "B2": tr("I can talk easily about most topics, with some mistakes."),
            "C1": tr("I speak fluently and want to sound natural.")}.get(level, "")


def model_label(entry) -> str:
    """A tutor model's line (app/models_list.py ModelEntry.label) in the interface's language."""
    size = tr("{mb:.0f} MB").format(mb=entry.size_mb) if entry.size_mb else tr("size unknown")
    speed = (tr("{speed:.0f} tokens/s here").format(speed=entry.tokens_per_s) if entry.tokens_per_s
             else tr("speed not measured"))
    state = "" if entry.available or entry.path else " " + tr("(not installed)")
    return f"{entry.title}{state} · {size} · {speed}"


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("title")
    label.setWordWrap(True)
    return label


def _text(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class MicStep(QWidget):
    heard = Signal(float)  # the recording's peak, dBFS
    level = Signal(float)  # from the recording thread, queued to the GUI thread

    def __init__(self, tasks: Tasks, device=None, parent=None) -> None:
        super().__init__(parent)
        self.tasks, self.device = tasks, device
        self.pcm = None
        self.stop = threading.Event()
        self.button = TalkButton()
        self.button.setAccessibleName(tr("Test my microphone"))
        self.button.setToolTip(tr("Record a few seconds, then hear them played back"))
        self.button.clicked.connect(self.record)
        self.result = _text(tr("Press the button and say: “Hello, my name is …”"), "muted")
        self.result.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.replay = QPushButton(tr("Play it again"))
        theme.set_icon(self.replay, "play")
        self.replay.setAccessibleName(tr("Play my recording again"))
        self.replay.clicked.connect(self.play)
        self.replay.setEnabled(False)
        self.level.connect(self.button.set_level)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("Can the tutor hear you?")))
        layout.addWidget(_text(tr("Parley listens to you speak. Record a few seconds to check "
                                  "your microphone; you will hear them played back.")))
        layout.addStretch(1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.result)
        layout.addWidget(self.replay, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def record(self) -> None:
        if self.button.state == LISTENING:
            return
        self.stop.clear()
        self.button.set_state(LISTENING)
        self.result.setText(tr("Listening… say a sentence"))
        device, stop, level = self.device, self.stop, self.level
        self.tasks.run(lambda: record(device, stop, level.emit, CHECK_SECONDS),
                       self._recorded, self._failed, pool="media")

    def _recorded(self, result) -> None:
        from app.audio.wavio import peak_dbfs  # lazy: loads numpy

        pcm, rate = result
        self.button.set_state("idle")
        self.pcm, self.rate = pcm, rate
        peak = peak_dbfs(pcm) if pcm.size else -120.0
        if peak > HEARD_DB:
            self.result.setText(tr("We heard you. Listen to the playback: is it clear?"))
        else:
            self.result.setText(tr("We heard almost nothing. Check the microphone in your "
                                   "system's sound settings, or in Parley's Settings."))
        self.replay.setEnabled(bool(pcm.size))
        self.heard.emit(peak)
        if pcm.size and not self.stop.is_set():
            self.play()

    def _failed(self, message: str) -> None:
        self.button.set_state("idle")
        self.result.setText(tr("The microphone did not work: {problem}").format(
            problem=message.partition(" -- ")[0]))

    def play(self) -> None:
        if self.pcm is None or not self.pcm.size:
            return
        pcm, rate, device = self.pcm, self.rate, None

        def playback():
            from app.audio.player import Player  # lazy: loads PortAudio

            with Player(device) as player:
                player.play(pcm, rate)
                player.wait(timeout=CHECK_SECONDS + 2)
            return True

        self.tasks.run(playback, None, self._failed, pool="media")


class LevelStep(QWidget):
    def __init__(self, current: str, tasks: Tasks | None = None, device=None, engines=None,
                 parent=None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("How well do you speak English?")))
        layout.addWidget(_text(tr("The tutor matches its words and speed to your level. "
                                  "You can change it for any session."), "muted"))
        for level in LEVELS:
            button = QRadioButton(f"{level}  ·  {level_text(level)}")
            button.setAccessibleName(tr("Level {level}").format(level=level))
            button.setProperty("level", level)
            button.setChecked(level == current)
            self.group.addButton(button)
            layout.addWidget(button)
        self.talk = None
        if tasks is not None:
            from app.ui.level_talk import LevelTalk

            self.talk = LevelTalk(tasks, device, engines)
            self.talk.estimated.connect(self.choose)
            layout.addSpacing(theme.space(1))
            layout.addWidget(self.talk)
        layout.addStretch(1)

    def choose(self, level: str) -> None:
        for button in self.group.buttons():
            if button.property("level") == level:
                button.setChecked(True)

    def level(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("level")) if checked is not None else ""


class GoalStep(QWidget):
    def __init__(self, current: int = 10, parent=None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("A daily goal")))
        layout.addWidget(_text(tr("A little every day works best. Home shows how far you are "
                                  "today; you can change the goal there."), "muted"))
        row = QHBoxLayout()
        for minutes in GOALS:
            button = QPushButton(tr("{n} min").format(n=minutes))
            button.setCheckable(True)
            button.setAccessibleName(tr("{n} minutes a day").format(n=minutes))
            button.setProperty("minutes", minutes)
            button.setChecked(minutes == current)
            button.toggled.connect(lambda on, b=button: b.setProperty("primary", on) or self._restyle(b))
            self._restyle(button, minutes == current)
            self.group.addButton(button)
            row.addWidget(button)
        layout.addLayout(row)
        layout.addStretch(1)

    @staticmethod
    def _restyle(button, on: bool | None = None) -> None:
        if on is not None:
            button.setProperty("primary", on)
        button.style().unpolish(button)
        button.style().polish(button)

    def minutes(self) -> int:
        checked = self.group.checkedButton()
        return int(checked.property("minutes")) if checked is not None else 10


class ModelStep(QWidget):
    def __init__(self, tasks: Tasks, settings, current: str, parent=None) -> None:
        super().__init__(parent)
        self.tasks, self.settings = tasks, settings
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Tutor models"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.measure_button = QPushButton(tr("Measure its speed"))
        self.measure_button.setAccessibleName(tr("Measure the chosen model's speed on this machine"))
        self.measure_button.clicked.connect(self.measure)
        self.note = _text("", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(_title(tr("Your tutor's brain")))
        layout.addWidget(_text(tr("A larger model answers better but slower. The speed is "
                                  "measured on this computer: about 15 tokens a second feels "
                                  "like a conversation."), "muted"))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.measure_button)
        layout.addLayout(row)
        self.current = current
        self.picked = False  # the learner chose a model in the list
        self.entries = []
        self.list.currentItemChanged.connect(self._picked)  # by mouse or keyboard
        self.load()

    def load(self) -> None:
        from app.models_list import list_models  # lazy: reads the model folders

        self.tasks.run(list_models, self._show)

    def _show(self, entries) -> None:
        self.entries = entries
        self.list.blockSignals(True)  # filling the list is not the learner's pick
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(model_label(entry))
            item.setToolTip(entry.source)
            item.setData(Qt.ItemDataRole.UserRole, entry.spec)
            if not entry.available and entry.path is None and "not installed" in entry.source:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
            if entry.spec == self.current or (not self.current and self.list.count() == 1):
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def chosen(self) -> str:
        """The model the learner picked here; the one already set if they did not."""
        item = self.list.currentItem()
        if item is None or not self.picked:
            return self.current
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _picked(self, *_args) -> None:
        self.picked = True

    def measure(self) -> None:
        spec = self.chosen()
        entry = next((e for e in self.entries if e.spec == spec), None)
        if entry is None:
            return
        self.measure_button.setEnabled(False)
        self.note.setText(tr("Measuring… (loads the model once)"))
        settings = self.settings

        def run():
            from app.models_list import measure  # lazy: loads llama.cpp

            return measure(entry, settings, settings.home)

        def done(_entry) -> None:
            self.measure_button.setEnabled(True)
            self.note.setText(tr("{speed:.0f} tokens a second here").format(speed=_entry.tokens_per_s or 0))
            self.current, self.picked = spec, True
            self.load()

        def failed(message: str) -> None:
            self.measure_button.setEnabled(True)
            self.note.setText(message.partition(" -- ")[0])

        self.tasks.run(run, done, failed, pool="media")


class FirstStart(QDialog):
    """The four steps; ``finished`` when done or skipped (never shown again)."""

    leaving = False  # the window is shutting down

    def __init__(self, qsettings, settings, device=None, save_goal=None, goal: int = 10,
                 parent=None, engines=None) -> None:
        """``engines``: () -> the window's loaded Engines, or None while they load
        (the level talk waits for them)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Welcome to Parley"))
        self.setObjectName("firstStart")
        self.resize(600, 480)
        self.qsettings, self.save_goal, self.start_goal = qsettings, save_goal, goal
        values = K.read_all(qsettings)
        self.start_model = str(values[K.LLM_MODEL])
        self.model_changed = False
        # No Qt parent: a recording's or playback's answer may still be queued
        # when the window deletes this dialog; the tasks then outlive it (the
        # window joins them at shutdown) and their answer finds them whole.
        self.tasks = Tasks()
        self.mic = MicStep(self.tasks, device)
        self.level = LevelStep(str(values[K.LEVEL]), self.tasks, device, engines)
        self.goal = GoalStep(goal)
        self.model = ModelStep(self.tasks, settings, self.start_model)
        self.steps = QStackedWidget()
        for step in (self.mic, self.level, self.goal, self.model):
            step.layout().setSpacing(theme.space(1.5))
            self.steps.addWidget(step)
        self.counter = QLabel()
        self.counter.setObjectName("muted")
        self.skip = QPushButton(tr("Skip setup"))
        self.skip.setAccessibleName(tr("Skip the setup and start"))
        self.back = QPushButton(tr("Back"))
        self.back.setAccessibleName(tr("Previous step"))
        self.next = QPushButton(tr("Next"))
        self.next.setProperty("primary", True)
        self.next.setAccessibleName(tr("Next step"))
        self.next.setDefault(True)
        self.skip.clicked.connect(self.accept)
        self.back.clicked.connect(lambda: self.go(self.steps.currentIndex() - 1))
        self.next.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.counter)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.space(3), theme.space(3), theme.space(3), theme.space(2))
        layout.setSpacing(theme.space(2))
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.go(0)

    def go(self, index: int) -> None:
        index = max(0, min(index, self.steps.count() - 1))
        self.steps.setCurrentIndex(index)
        self.counter.setText(tr("Step {n} of {total}").format(n=index + 1, total=self.steps.count()))
        self.back.setEnabled(index > 0)
        last = index == self.steps.count() - 1
        self.next.setText(tr("Start talking") if last else tr("Next"))
        self.next.setAccessibleName(tr("Finish and start talking") if last else tr("Next step"))

    def _next(self) -> None:
        if self.steps.currentIndex() == self.steps.count() - 1:
            self.accept()
        else:
            self.go(self.steps.currentIndex() + 1)

    def stop_audio(self) -> None:
        """End the microphone check's recording and the level talk (within a chunk)."""
        self.mic.stop.set()
        if self.level.talk is not None:
            self.level.talk.close_down()

    def chosen_level(self) -> str:
        return self.level.level()

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name: accept, reject and close end here
        """Save what was chosen (a skipped step keeps its default) and never show again."""
        self.stop_audio()
        if self.leaving:  # the app is closing: nothing chosen, nothing saved
            super().done(code)
            return
        values: dict[str, object] = {K.FIRST_START_DONE: True}
        if self.chosen_level():
            values[K.LEVEL] = self.chosen_level()
        model = self.model.chosen()
        if model and model != self.start_model:
            values[K.LLM_MODEL] = model
            self.model_changed = True
        K.write(self.qsettings, values)
        if self.save_goal is not None and self.goal.minutes() != self.start_goal:
            self.save_goal(self.goal.minutes())
        super().done(code)  # a recording ends within a chunk; the window joins the tasks at exit
