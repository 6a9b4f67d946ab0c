"""Fuzz WAV headers (issue 27): whatever a file handed to `turn` or
`transcribe` holds, reading it gives float32 mono samples or one
AudioFileError line, never another exception, and the file is left as it was."""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.audio.wavio import ASR_RATE, load_utterance
from app.errors import AudioFileError

FIELDS = ("riff_size", "tag", "channels", "rate", "byte_rate", "align", "bits", "fmt_size",
          "data_size")


@st.composite
def wav_files(draw) -> bytes:
    """A sound RIFF/WAVE file, then up to three of its header fields set to any value."""
    tag, bits = draw(st.sampled_from([(1, 8), (1, 16), (1, 24), (1, 32), (3, 32), (3, 64)]))
    channels = draw(st.integers(1, 3))
    rate = draw(st.sampled_from([8000, 16000, 22050, 44100, 48000]))
    payload = draw(st.binary(min_size=0, max_size=600))
    field = {"tag": tag, "channels": channels, "rate": rate, "bits": bits,
             "align": channels * bits // 8, "byte_rate": rate * channels * bits // 8,
             "fmt_size": 16, "data_size": len(payload), "riff_size": 36 + len(payload)}
    for name in draw(st.sets(st.sampled_from(FIELDS), max_size=3)):
        wide = name in ("riff_size", "rate", "byte_rate", "fmt_size", "data_size")
        field[name] = draw(st.sampled_from([0, 1, 2**31 - 1, 2**32 - 1]
                                           if wide else [0, 1, 0xFFFF]) |
                           st.integers(0, 2**32 - 1 if wide else 0xFFFF))
    f = field
    fmt = struct.pack("<HHIIHH", f["tag"], f["channels"], f["rate"], f["byte_rate"],
                      f["align"], f["bits"])
    return (b"RIFF" + struct.pack("<I", f["riff_size"]) + b"WAVE"
            + b"fmt " + struct.pack("<I", f["fmt_size"]) + fmt
            + b"data" + struct.pack("<I", f["data_size"]) + payload)


def read(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "take.wav"
        path.write_bytes(data)
        try:
            return load_utterance(path)
        finally:
            assert path.read_bytes() == data  # read, never touched


@settings(max_examples=100, deadline=None)
@given(st.one_of(wav_files(), st.binary(max_size=200)))
@example(b"")
@example(b"RIFF\x00\x00\x00\x00WAVE")
def test_any_wav_reads_as_samples_or_one_clear_line(data):
    try:
        pcm = read(data)
    except AudioFileError as error:
        assert len(str(error).splitlines()) == 1 and "take.wav" in str(error)
    else:
        assert pcm.dtype == np.float32 and pcm.ndim == 1 and np.isfinite(pcm).all()
        assert pcm.size > 0


def test_a_real_recording_still_reads(learner_clips):
    assert load_utterance(learner_clips[0].wav).size > ASR_RATE // 2
