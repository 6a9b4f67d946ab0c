"""What the window does and shows when the learner asked the tutor for
something (app/actions.py): the speaking rate saved in Settings, the session
line showing the new correction style or scenario, a longer wait for the
next turn's end after "wait, I'm thinking", and the summary after "let's stop
here" (the practice worker ends the session: app/ui/worker.py).

Small and apart from the window's layout: it only listens to the practice
worker's events and updates what the window already has.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QObject

from app import events as ev
from app.ui import settings_keys as K
from app.ui.i18n import tr

# "Wait, I'm thinking": the next turn ends only after this much silence.
THINKING_PATIENCE_MS = 8000


class RequestsUi(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._usual_turn_end = None
        window.worker.event.connect(self.on_event)
        window.talk.utterance_sent.connect(self._on_utterance_sent)

    def on_event(self, event) -> None:
        if not isinstance(event, ev.RequestDone) or not event.done:
            return
        changes = event.changes
        w = self.window
        said = []
        if "voice_rate" in changes:
            rate = float(changes["voice_rate"])
            K.write(w.qsettings, {K.VOICE_RATE: rate})
            w.values[K.VOICE_RATE] = rate
            w.settings = w.settings.with_(speaking_rate=rate)
            said.append(tr("Speaking rate: {rate}× (saved in Settings)").format(rate=f"{rate:g}"))
        if "correction_style" in changes:
            w.options = replace(w.options, correction_style=changes["correction_style"])
            w.presenter.options = w.options
            said.append(tr("Corrections: {style}").format(style=changes["correction_style"]))
        if "scenario" in changes:
            w.options = replace(w.options, scenario_id=changes["scenario"],
                                scenario_title=changes.get("scenario_title", changes["scenario"]))
            w.presenter.options = w.options
            said.append(tr("Scenario: {title}").format(title=w.options.scenario_title))
        if changes.get("pause"):
            self._hold_next_turn()
            said.append(tr("Take your time: I'll wait longer for you to finish."))
        if changes.get("end_session"):
            w._ending = True  # the summary is shown, and the next session starts empty
        if "correction_style" in changes or "scenario" in changes:
            self._show_session()
        if said:
            w.status.setText(" · ".join(said))

    def _show_session(self) -> None:
        from app.ui.session_dialog import STYLE_LABELS

        o = self.window.options
        style = STYLE_LABELS.get(o.correction_style, o.correction_style)
        self.window.session_label.setText(
            f"<b>{html.escape(o.scenario_title)}</b> · "
            + tr("level {level} · corrections: {style}").format(level=o.level, style=style))

    def _hold_next_turn(self) -> None:
        mic = self.window.mic
        if mic.turn_end is None:
            return
        if self._usual_turn_end is None:
            self._usual_turn_end = mic.turn_end
        # Read by the mic worker when its next capture starts.
        mic.turn_end = replace(self._usual_turn_end, score=None, early_ms=None,
                               patience_ms=THINKING_PATIENCE_MS,
                               thinking_ms=THINKING_PATIENCE_MS)

    def _on_utterance_sent(self, *_args) -> None:
        if self._usual_turn_end is not None:
            self.window.mic.turn_end, self._usual_turn_end = self._usual_turn_end, None
