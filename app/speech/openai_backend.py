"""Speech recognition with openai-whisper on PyTorch: the reference backend.

Slower than faster-whisper (about 2x its int8 speed on CPU) but it is the
original implementation, useful to cross-check results and for GPU users who
already have PyTorch. It runs a checkpoint converted from the same CTranslate2
weights (app.speech.convert), so both backends agree word for word.

``torch`` and ``whisper`` are imported inside functions only.
"""

from __future__ import annotations

import base64
import gzip
import pickle
import threading
from pathlib import Path

import numpy as np

from app.errors import ModelCorruptError, ModelMissingError, ParleyError
from app.speech.types import Transcriber, Transcript, make_word

INSTALL_HINT = "pip install --no-deps openai-whisper==20250625 tiktoken numba more-itertools tqdm"


class OpenAIWhisperTranscriber(Transcriber):
    """Whisper from a ``.pt`` checkpoint. With ``convert_from`` (a CTranslate2
    folder) a missing checkpoint is created by conversion on first load."""

    backend = "openai-whisper"

    def __init__(
        self,
        model_path: Path,
        *,
        threads: int,
        device: str = "cpu",
        beam_size: int = 1,
        convert_from: Path | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(model_path, threads=threads, device=device, beam_size=beam_size, name=name)
        self.convert_from = Path(convert_from) if convert_from is not None else None
        self._model = None
        # openai-whisper installs per-call hooks on the shared model for its key/value
        # cache; it does not promise that two calls at once are safe, so run one at a time.
        self._busy = threading.Lock()

    def _load(self) -> None:
        if not self.model_path.exists() and self.convert_from is not None:
            from app.speech.convert import convert_ct2_to_openai  # lazy: loads numpy

            convert_ct2_to_openai(self.convert_from, self.model_path)
        if not self.model_path.is_file():
            raise ModelMissingError(
                f"openai-whisper checkpoint {self.model_path} does not exist",
                "convert one: python -m app models convert-whisper SRC_FOLDER DST.pt",
            )
        try:
            import torch  # lazy: loads torch
            # lazy: loads openai-whisper
            import whisper  # noqa: F401  (checks the install before any work)
        except ImportError as error:
            raise ParleyError(
                f"openai-whisper is not installed ({error.name})", INSTALL_HINT
            ) from error
        if self.device == "cuda" and not torch.cuda.is_available():
            raise ParleyError(
                "no CUDA GPU is available for speech recognition", "set the device to cpu"
            )
        torch.set_num_threads(self.threads)
        self._model = _load_checkpoint(self.model_path, self.device)
        _warm_up_timing()

    def _transcribe(
        self, audio: np.ndarray, initial_prompt: str | None, duration_s: float,
        should_stop=None,
    ) -> Transcript:
        # openai-whisper decodes in one call: ``should_stop`` is asked before
        # and after it (Transcriber.transcribe), not inside.
        import torch  # lazy: loads torch
        import whisper  # lazy: loads openai-whisper

        # The setting is process-wide, so it is renewed on each call in case
        # another transcriber set its own. More threads than the budget makes
        # torch collapse when other engines share the cores.
        with self._busy, torch.no_grad():
            if torch.get_num_threads() != self.threads:
                torch.set_num_threads(self.threads)
            result = whisper.transcribe(
                self._model,
                audio,
                language="en",
                task="transcribe",
                temperature=0.0,  # greedy or beam, never sampling: as faster_backend
                beam_size=self.beam_size if self.beam_size > 1 else None,
                fp16=self.device == "cuda",
                word_timestamps=True,
                condition_on_previous_text=False,
                initial_prompt=initial_prompt,
                verbose=None,  # no printing, no progress bar
            )
        words = tuple(
            make_word(w["word"], w["start"], w["end"], w["probability"])
            for segment in result["segments"]
            for w in segment.get("words", ())
        )
        return Transcript(result["text"].strip(), words, duration_s, "en")


def _load_checkpoint(path: Path, device: str):
    """What ``whisper.load_model(path)`` does, plus our alignment heads.

    load_model ignores extra keys and only knows alignment heads for OpenAI's
    own downloads, so word timings would use a poor default; reading the file
    once here avoids loading 75-500 MB twice.
    """
    import torch  # lazy: loads torch
    import whisper  # lazy: loads openai-whisper

    def corrupt(why: str) -> ModelCorruptError:
        return ModelCorruptError(
            f"{path} is not a usable openai-whisper checkpoint ({why})",
            "delete it and convert again: python -m app models convert-whisper SRC_FOLDER DST.pt",
        )

    try:
        checkpoint = torch.load(path, map_location=device, weights_only=True)
        if not isinstance(checkpoint, dict) or "model_state_dict" not in checkpoint:
            raise corrupt("no model_state_dict in it")
        dims = whisper.model.ModelDimensions(**checkpoint["dims"])
        model = whisper.model.Whisper(dims)
        model.load_state_dict(checkpoint["model_state_dict"])
    except (
        RuntimeError,
        ValueError,
        OSError,
        EOFError,
        KeyError,
        TypeError,
        pickle.UnpicklingError,
    ) as error:
        raise corrupt(f"{type(error).__name__}: {error}") from error
    heads = checkpoint.get("alignment_heads")
    if heads:
        try:
            model.set_alignment_heads(_heads_dump(heads, dims.n_text_layer, dims.n_text_head))
        except (IndexError, TypeError, ValueError) as error:
            raise corrupt(f"bad alignment_heads {heads!r}") from error
    elif path.stem in getattr(whisper, "_ALIGNMENT_HEADS", {}):
        # An OpenAI download ("tiny.en.pt" ...): its heads are known by name.
        model.set_alignment_heads(whisper._ALIGNMENT_HEADS[path.stem])
    return model.to(device)


def _heads_dump(pairs: list[list[int]], layers: int, heads: int) -> bytes:
    """[layer, head] pairs in the encoding set_alignment_heads reads (a gzipped
    boolean layers x heads mask in base85, as openai-whisper ships them)."""
    mask = np.zeros((layers, heads), dtype=bool)
    for layer, head in pairs:
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


def _warm_up_timing() -> None:
    # Word timestamps use Numba-compiled DTW; compiling on the first turn would
    # add about a second to the learner's first answer, so compile it in load().
    from whisper.timing import dtw_cpu  # lazy: loads openai-whisper

    dtw_cpu(np.zeros((2, 2), dtype=np.float64))
