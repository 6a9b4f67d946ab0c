"""Scripted engines for the fast test tier, in the manner of simonw/llm's MockModel.

Each fake implements the real interface (app.speech Transcriber, app.tutor.chat
ChatModel, app.voice Voice, and what a turn asks of the grammar rules and the
corrector), answers from a script, and records every call, so a test can
drive a whole practice turn without loading a model:

    engines = fake_engines(tmp_path, replies=["What did you watch?"])
    Practice(engines, open_store(home), speak=False).run_turn(None, text="...")
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.config import Settings
from app.engines import Engines
from app.speech.types import Transcript, Transcriber, Word
from app.tutor.chat import ChatModel, count_pieces
from app.tutor.corrections import CorrectionResult
from app.tutor.edits import Edit
from app.voice.base import Voice


def _scripted(script: list, calls: int):
    """The script's answer to the ``calls``-th call: in order, the last one again
    when they run out."""
    return script[min(calls, len(script)) - 1]


class FakeChat(ChatModel):
    """Returns the scripted replies in order (the last one again when they run
    out), streamed in 5-character pieces as a real model streams, and records
    every call's messages and options. Counts its calls in ``stats``."""

    name = "fake"

    def __init__(self, *replies: str, end_probability: float | None = None) -> None:
        self.replies = list(replies) or ["What did you do next?"]
        self.calls: list[dict] = []
        self.end_probability = end_probability
        self.loads = 0

    def load(self) -> None:
        self.loads += 1

    def stream(self, messages, **options):
        self.calls.append({"messages": list(messages), **options})
        text = _scripted(self.replies, len(self.calls))
        pieces = (text[i:i + 5] for i in range(0, len(text), 5))
        return count_pieces(pieces, self.stats)

    def end_of_message_probability(self, text: str) -> float | None:
        return self.end_probability


class FakeTranscriber(Transcriber):
    """Hears the scripted transcripts in order (the last one again when they
    run out), one word a second; records each call's length and prompt."""

    backend = "fake"

    def __init__(self, *texts: str) -> None:
        super().__init__(Path("fake"), threads=1, name="fake")
        self.texts = list(texts) or ["yesterday I go to the cinema"]
        self.calls: list[dict] = []

    def _load(self) -> None:
        pass

    def _transcribe(self, audio, initial_prompt, duration_s, should_stop=None) -> Transcript:
        self.calls.append({"samples": len(audio), "initial_prompt": initial_prompt})
        text = _scripted(self.texts, len(self.calls))
        words = tuple(Word(w, float(i), i + 0.9, 0.9) for i, w in enumerate(text.split()))
        return Transcript(text, words, duration_s)


class FakeVoice(Voice):
    """Says each text as a tone: a short silence, then 10 ms of sound a word.
    Records every text it was asked to say."""

    backend = "fake"

    def __init__(self, sample_rate: int = 16000, lead_in_s: float = 0.05) -> None:
        super().__init__()
        self._sample_rate = sample_rate
        self.lead_in_s = lead_in_s
        self.said: list[str] = []

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    def _load(self) -> None:
        pass

    def _synthesize(self, text: str):
        self.said.append(text)
        silence = np.zeros(int(self.lead_in_s * self._sample_rate), np.float32)
        sound = np.full(len(text.split()) * self._sample_rate // 100, 0.5, np.float32)
        yield np.concatenate([silence, sound])


class FakeGrammar:
    """The grammar rules, scripted: ``fixes`` maps a line to its fixed form
    (a line not in it is left as it is); records every line checked."""

    def __init__(self, fixes: dict[str, str] | None = None) -> None:
        self.fixes = dict(fixes or {})
        self.checked: list[str] = []

    def load(self) -> None:
        pass

    def check(self, sentence: str) -> tuple[str, list[Edit]]:
        self.checked.append(sentence)
        fixed = self.fixes.get(sentence, sentence)
        edits = [] if fixed == sentence else [Edit(sentence, fixed, "a rule", "grammar", "rules")]
        return fixed, edits


class FakeCorrector:
    """The corrector, scripted: ``edits`` maps a line to the edits found in it;
    records every line it was asked to correct."""

    def __init__(self, edits: dict[str, list[Edit]] | None = None) -> None:
        self.edits = dict(edits or {})
        self.corrected: list[str] = []

    def correct(self, text: str) -> CorrectionResult:
        self.corrected.append(text)
        edits = list(self.edits.get(text, []))
        fixed = text
        for edit in edits:
            fixed = fixed.replace(edit.original, edit.corrected, 1)
        return CorrectionResult(text, fixed, edits)


def fake_engines(home: Path, *, replies=(), transcripts=(), fixes=None, edits=None) -> Engines:
    """Engines made of fakes only: nothing to load, a turn in milliseconds."""
    chat = FakeChat(*replies)
    return Engines(Settings.from_env(home=home), transcriber=FakeTranscriber(*transcripts),
                   chat=chat, voice=FakeVoice(), grammar=FakeGrammar(fixes),
                   corrector=FakeCorrector(edits), scorer_model=chat)


def script_recast(monkeypatch, text: str = "", calls: list | None = None) -> None:
    """The recast without spaCy (a model): ``text`` is said back first, or
    none when it is empty; each call's (said, corrected) goes to ``calls``."""
    from app.tutor import recast as recasting
    from app.tutor import tone

    def scripted(said, corrected=None, level="B1", turn=0):
        if calls is not None:
            calls.append((said, corrected))
        kind = recasting.RECAST if text else recasting.NONE
        return recasting.Recast(kind, text, tone.NEUTRAL, "", text)

    monkeypatch.setattr(recasting, "recast", scripted)
    monkeypatch.setattr(recasting, "load", lambda: None)
