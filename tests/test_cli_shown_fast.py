"""`transcribe` and `turn` print what a model heard or wrote: a control
character in it comes out as a visible \\uXXXX (app/shown.py), as in every
other command that prints the learner's data."""

from __future__ import annotations

import numpy as np

from fakes import FakeTranscriber

from app import cli
from app.audio.wavio import write_wav

HOSTILE = "I went \x1b]0;pwned\x07\x1b[31mhome\u202e\x9b2J"


def test_transcribe_shows_escapes(tmp_path, monkeypatch, capsys):
    import app.speech.factory as factory

    wav = write_wav(tmp_path / "said.wav", (0.1 * np.sin(np.arange(16000) / 8)).astype(np.float32), 16000)
    monkeypatch.setattr(factory, "create_transcriber", lambda *a, **k: FakeTranscriber(HOSTILE))
    assert cli.main(["transcribe", str(wav)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in ("\x1b", "\x07", "\x9b", "\u202e")), repr(out)
    assert "\\u001b]0;pwned" in out and out.startswith("I went ")
