"""Short turns are encoded on a window cut to their length, and a decode that
loops there is redone on the full 30 s window (real tiny.en, real speech)."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.speech import create_transcriber
from app.speech import short_window
from app.speech.short_window import ShortWindowWhisper, looks_like_a_loop, window_frames
from app.speech.wer import normalize, wer

pytestmark = pytest.mark.model  # loads a real model

FULL = 3000  # frames in Whisper's 30 s window


@pytest.fixture(scope="module")
def transcriber():
    transcriber = create_transcriber(threads=2)  # the app's default
    transcriber.load()
    return transcriber


@pytest.fixture
def encoded_frames(monkeypatch) -> list[int]:
    """The number of mel frames each real encoder call reads."""
    frames: list[int] = []
    encode = ShortWindowWhisper.encode

    def recording_encode(self, features):
        output = encode(self, features)
        frames.append(output.shape[1] * 2)  # the encoder halves the frame rate
        return output

    monkeypatch.setattr(ShortWindowWhisper, "encode", recording_encode)
    return frames


def read(path, start_s: float = 0.0, end_s: float | None = None):
    audio, rate = sf.read(path, dtype="float32")
    return audio[int(start_s * rate) : None if end_s is None else int(end_s * rate)]


def test_window_grows_with_the_audio_and_is_never_under_12_s():
    assert window_frames(0.5) == window_frames(7.0) == 1200
    assert window_frames(12.0) == 1700
    assert window_frames(25.0) is None and window_frames(60.0) is None  # the full window


def test_loops_are_recognised():
    assert looks_like_a_loop("the panel text and " * 8, 2.6)
    assert looks_like_a_loop("Here for the Y" + "-H" * 60, 2.5)
    assert looks_like_a_loop("one two three four five six seven eight nine ten eleven", 1.0)
    assert not looks_like_a_loop("My grandfather has lived in Florida all his life.", 5.4)
    assert not looks_like_a_loop("No, no, no.", 1.0)


def test_a_short_turn_is_encoded_on_a_short_window(transcriber, encoded_frames, native_clips):
    clip = native_clips[2]  # 3.3 s
    short = transcriber.transcribe(read(clip.wav))
    assert encoded_frames == [1200]
    assert "belly" in short.text and short.words[-1].end <= clip.duration_s + 0.1


def test_the_tail_of_a_turn_is_not_read_again_as_a_window_of_its_own(
    encoded_frames, native_clips
):
    # With beam search the decode of this 10.4 s clip ends 0.3 s before the
    # audio does; faster-whisper then read those 0.3 s again as a new window,
    # and tiny.en heard "Thank you for joining us today, and we'll see you...".
    clip = native_clips[1]
    transcript = create_transcriber(threads=2, beam_size=5).transcribe(read(clip.wav))
    assert encoded_frames == [window_frames(clip.duration_s)]
    assert wer(clip.text, transcript.text) < 0.1, transcript.text


def test_without_short_window_every_turn_costs_the_full_window(encoded_frames, native_clips):
    full = create_transcriber(threads=2, short_window=False)
    full.transcribe(read(native_clips[2].wav))
    assert encoded_frames == [FULL]


def test_a_decode_that_loops_is_redone_on_the_full_window(
    transcriber, encoded_frames, learner_clips, monkeypatch
):
    # On a 10 s window tiny.en loops on these 2.6 s of learner speech: "the
    # panel text and the panel text and ..." (measured; 12 and 15 s do not).
    monkeypatch.setattr(short_window, "MIN_WINDOW_S", 10.0)
    audio = read(learner_clips[5].wav, 0.0, 2.63)
    transcript = transcriber.transcribe(audio)
    assert encoded_frames == [1000, FULL]
    full = create_transcriber(threads=2, short_window=False).transcribe(audio)
    assert normalize(transcript.text) == normalize(full.text)
    assert not looks_like_a_loop(transcript.text, 2.63)


def test_a_loop_on_the_short_window_is_cut_at_the_token_cap(transcriber, learner_clips,
                                                              monkeypatch):
    # The same loop: the short window's decode stops at the cap, well before
    # the model's 448-token limit, and still reads as a loop, so it is redone.
    monkeypatch.setattr(short_window, "MIN_WINDOW_S", 10.0)
    audio = read(learner_clips[5].wav, 0.0, 2.63)
    texts: list[str] = []
    looks = short_window.looks_like_a_loop

    def seen(text, duration_s):
        texts.append(text)
        return looks(text, duration_s)

    monkeypatch.setattr(short_window, "looks_like_a_loop", seen)
    transcriber.transcribe(audio)
    looped = texts[0]
    assert looks(looped, 2.63)
    tokens = len(transcriber._model.hf_tokenizer.encode(looped).ids)
    assert tokens <= short_window.token_cap(2.63) < 100, looped
    assert len(looped.split()) > short_window.MAX_WORDS_PER_SECOND * 2.63 + 4


def test_the_token_cap_leaves_room_for_the_fastest_speech():
    assert short_window.token_cap(1.0) >= 12 * 2  # 6 words a second, 2 tokens a word
    assert short_window.token_cap(5.0) > short_window.token_cap(1.0)


def test_a_long_prompt_and_the_cap_stay_within_whispers_limit(transcriber, native_clips):
    # 24 s of speech (the longest a short window holds) and a prompt of more
    # than the 223 tokens faster-whisper keeps: it would refuse the decode if
    # the two passed 448 tokens.
    audio = read(native_clips[0].wav)
    long_audio = np.concatenate([audio, audio, audio])[: 24 * 16000]
    prompt = "Well, um, I was saying that we went to the market and bought apples. " * 30
    transcript = transcriber.transcribe(long_audio, initial_prompt=prompt)
    assert short_window.token_cap(24.0) == short_window.MAX_TOKEN_CAP
    assert "country" in transcript.text
