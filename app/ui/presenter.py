"""Turns the practice worker's events into bubbles and audio. What a session
adds up to is the practice worker's business (app.session.session_summary,
from the saved turns); this only counts the turns shown.

Events of a turn the learner interrupted are dropped (the worker may still
deliver a few before it notices the cancellation), so a stopped reply never
resumes playing.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from app import events as ev
from app.session import SessionOptions
from app.ui.conversation_view import ConversationView, LearnerBubble, TutorBubble
from app.audio.wavio import from_int16

ASR_RATE = 16000
SLOW = 0.75


@dataclass(eq=False)
class _Turn:
    learner: LearnerBubble
    tutor: TutorBubble | None = None
    dropped: bool = False  # interrupted: its remaining events are ignored


class TurnPresenter(QObject):
    enqueue_audio = Signal(object, int)  # -> PlayerWorker.enqueue (streamed reply)
    play_audio = Signal(object, int)  # -> PlayerWorker.play (replays)
    synthesize = Signal(object, str, float)  # -> PracticeWorker.synthesize
    audio_forwarded = Signal()
    turn_saved = Signal(int, int)  # session id, turn id

    def __init__(self, view: ConversationView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.options = SessionOptions()
        self.muted = False
        # Turns sent and not ended, oldest first: the worker runs them in order,
        # so its events always belong to the oldest.
        self.pending: deque[_Turn] = deque()
        self._keys: dict[int, TutorBubble] = {}
        self.reset()

    @property
    def learner(self) -> LearnerBubble | None:
        return self.pending[0].learner if self.pending else None

    @property
    def tutor(self) -> TutorBubble | None:
        return self.pending[0].tutor if self.pending else None

    # -- session --------------------------------------------------------------------
    def reset(self, options: SessionOptions | None = None) -> None:
        self.options = options or self.options
        self.turns = 0  # saved in this session
        for turn in self.pending:  # still running: their bubbles go with the view
            turn.dropped = True
        self.view.clear()
        self._keys.clear()
        if self.options.opening:
            self._new_tutor(self.options.opening).finish(self.options.opening)

    def show_opening(self, text: str) -> None:
        """The opening line the session really starts with (memory may follow
        something up in place of the scenario's line); only before the first turn."""
        if not text or self.turns:
            return
        first = next(iter(self.view.tutor_bubbles()), None)
        if first is None:
            self._new_tutor(text).finish(text)
        elif first.text.text() != text:
            first.finish(text)

    def speak_opening(self) -> None:
        """Say the scenario's first line (synthesised on the practice worker)."""
        opening = next(iter(self.view.tutor_bubbles()), None)
        if opening is not None and not self.turns:
            self._replay_tutor(id(opening), 1.0)

    # -- turn lifecycle ---------------------------------------------------------------
    def turn_sent(self, pcm, text: str) -> None:
        learner = LearnerBubble(text or "…", pcm)
        learner.replay.connect(lambda b=learner: self._replay_learner(b))
        self.view.add(learner)
        self.pending.append(_Turn(learner))

    def interrupted(self) -> None:
        """The running turn was cancelled: drop the rest of its events."""
        if self.pending:
            self.pending[0].dropped = True

    def retract(self) -> None:
        """The newest turn was taken back before its end (the learner went
        on): it leaves the view, and its remaining events are dropped; the
        worker still ends it (turn_cancelled -> turn_ended)."""
        if not self.pending:
            return
        turn = self.pending[-1]
        turn.dropped = True
        for bubble in (turn.learner, turn.tutor):
            if bubble is not None and bubble in self.view.bubbles:
                self.view.remove(bubble)

    def turn_ended(self, saved: bool) -> None:
        """After turn_finished / turn_cancelled / failed (each comes after its events)."""
        if not self.pending:
            return
        turn = self.pending.popleft()
        if turn.learner not in self.view.bubbles:
            return  # the view was cleared (a new session) while it ran
        if not saved and turn.learner.text.text() == "…":
            self.view.remove(turn.learner)  # nothing was recognised
        if turn.tutor is not None:
            turn.tutor.set_replayable(True)

    def on_event(self, event: ev.Event) -> None:
        turn = self.pending[0] if self.pending else None
        if turn is None or turn.dropped:
            return
        if isinstance(event, ev.TranscriptReady) and self.learner is not None:
            self.learner.set_text(event.transcript.text)
        elif isinstance(event, ev.ReplyToken):
            if turn.tutor is None:
                turn.tutor = self._new_tutor()
            self.tutor.append(event.text)
        elif isinstance(event, ev.ReplyAudio):
            if turn.tutor is None:
                turn.tutor = self._new_tutor()
            self.tutor.add_audio(event.pcm, event.sample_rate)
            if not self.muted:
                self.enqueue_audio.emit(event.pcm, event.sample_rate)
                self.audio_forwarded.emit()
        elif isinstance(event, ev.ReplyDone):
            if turn.tutor is None:
                turn.tutor = self._new_tutor()
            self.tutor.finish(event.text)
        elif isinstance(event, ev.CorrectionsReady):
            if (event.result.changed and self.learner is not None
                    and self.options.corrections.shows_inline):
                self.learner.show_correction(event.result)
        elif isinstance(event, ev.TurnSaved):
            self.turns += 1
            self.turn_saved.emit(event.session_id, event.turn_id)

    # -- bubbles and replays ------------------------------------------------------------
    def _new_tutor(self, text: str = "") -> TutorBubble:
        bubble = TutorBubble(text)
        key = id(bubble)
        self._keys[key] = bubble
        bubble.replay.connect(lambda: self._replay_tutor(key, 1.0))
        bubble.replay_slow.connect(lambda: self._replay_tutor(key, SLOW))
        self.view.add(bubble)
        return bubble

    def _replay_learner(self, bubble: LearnerBubble) -> None:
        if bubble.pcm is not None:
            self.play_audio.emit(from_int16(bubble.pcm), ASR_RATE)

    def _replay_tutor(self, key: int, rate: float) -> None:
        bubble = self._keys.get(key)
        if bubble is None:
            return
        pcm = bubble.audio(rate)
        if pcm is not None:
            self.play_audio.emit(pcm, bubble.sample_rate)
        else:
            self.synthesize.emit((key, rate), bubble.text.text(), rate)

    def on_synthesized(self, key, pcm, sample_rate: int) -> None:
        bubble_key, rate = key
        bubble = self._keys.get(bubble_key)
        if bubble is None:
            return
        bubble.set_audio(pcm, sample_rate, rate)
        self.play_audio.emit(pcm, sample_rate)
