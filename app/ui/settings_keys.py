"""Every persisted GUI setting in one place: its QSettings key, default and
how it maps onto :class:`app.config.Settings`.

Settings live in an INI file (QSettings.IniFormat, user scope) on every
platform, so tests can redirect them with ``QSettings.setPath`` and never touch
the learner's real configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QSettings

from app.audio.echo import available as echo_available
from app.config import Settings, thread_budget

ORGANIZATION = APPLICATION = "Parley"

# key -> default. Strings, ints and floats only (INI files store text).
INPUT_DEVICE = "audio/input_device"      # "" = system default, else a device name
OUTPUT_DEVICE = "audio/output_device"
ASR_BACKEND = "speech/backend"           # faster-whisper | openai-whisper
ASR_MODEL = "speech/model"               # "" = embedded default
VERBATIM = "speech/verbatim"             # keep fillers (um, uh) for the fluency review
LLM_MODEL = "tutor/model"                # any GGUF or catalog id; "" = embedded default
GPU_LAYERS = "tutor/gpu_layers"          # -1 = automatic (all if llama.cpp can offload)
LLM_URL = "tutor/server_url"             # OpenAI-compatible server; "" = none
LLM_SERVER_MODEL = "tutor/server_model"  # "" = the first model the server lists
LLM_KEY = "tutor/server_key"
VOICE_BACKEND = "voice/backend"          # piper | pyttsx3
VOICE_NAME = "voice/voice"               # Piper .onnx path or pyttsx3 voice id; "" = default
VOICE_RATE = "voice/rate"
DATA_FOLDER = "data/folder"              # "" = PARLEY_HOME or the platform default
HANDS_FREE = "talk/hands_free"
MUTED = "talk/muted"
VOICE_BARGE_IN = "talk/voice_barge_in"  # hands-free: speaking interrupts the tutor
PATIENCE_MS = "talk/patience_ms"  # most a trailing-off sentence waits before the tutor answers
# Threads per engine; 0 = automatic (its share of the cores, ThreadBudget.for_cores).
ASR_THREADS = "engines/asr_threads"
LLM_THREADS = "engines/llm_threads"
TTS_THREADS = "engines/tts_threads"
THEME = "look/theme"                     # system | light | dark
LANGUAGE = "look/language"               # system | en | zh_CN (the interface; the tutor stays English)
FIRST_START_DONE = "look/first_start_done"  # the first start's steps were shown (or skipped)
SCENARIO = "session/scenario"
LEVEL = "session/level"
CORRECTION_STYLE = "session/correction_style"

DEFAULTS: dict[str, object] = {
    INPUT_DEVICE: "", OUTPUT_DEVICE: "",
    ASR_BACKEND: "faster-whisper", ASR_MODEL: "", VERBATIM: False,
    LLM_MODEL: "", GPU_LAYERS: -1, LLM_URL: "", LLM_SERVER_MODEL: "", LLM_KEY: "",
    VOICE_BACKEND: "piper", VOICE_NAME: "", VOICE_RATE: 1.0,
    DATA_FOLDER: "",
    # Voice barge-in is on by default where the echo canceller is installed:
    # the tutor's voice from the loudspeakers cannot interrupt it.
    HANDS_FREE: False, MUTED: False, VOICE_BARGE_IN: echo_available(), PATIENCE_MS: 2500,
    SCENARIO: "free-talk", LEVEL: "B1", CORRECTION_STYLE: "explicit",
    ASR_THREADS: 0, LLM_THREADS: 0, TTS_THREADS: 0,
    THEME: "system", LANGUAGE: "system", FIRST_START_DONE: False,
}


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def read(qs: QSettings, key: str):
    """The stored value converted to its default's type."""
    default = DEFAULTS[key]
    value = qs.value(key, default)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    try:
        return type(default)(value)
    except (TypeError, ValueError):
        return default


def write(qs: QSettings, values: dict[str, object]) -> None:
    for key, value in values.items():
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        qs.setValue(key, value)
    qs.sync()


def read_all(qs: QSettings | None = None) -> dict[str, object]:
    qs = qs or open_settings()
    return {key: read(qs, key) for key in DEFAULTS}


@dataclass(frozen=True)
class Devices:
    input: str | None
    output: str | None


def devices(values: dict[str, object]) -> Devices:
    return Devices(str(values[INPUT_DEVICE]) or None, str(values[OUTPUT_DEVICE]) or None)


def voice_spec(backend: str, name: str) -> str:
    if backend == "pyttsx3":
        return f"pyttsx3:{name}" if name else "pyttsx3"
    return name or "piper"


def to_settings(values: dict[str, object], base: Settings | None = None) -> Settings:
    """The engines' settings: PARLEY_* variables win (tests, power users), then
    what the settings dialog stored, then the defaults."""
    env = os.environ
    home = env.get("PARLEY_HOME") or str(values[DATA_FOLDER]) or None
    changes = dict(
        asr_backend=env.get("PARLEY_ASR_BACKEND") or str(values[ASR_BACKEND]),
        asr_model=env.get("PARLEY_ASR_MODEL") or str(values[ASR_MODEL]) or None,
        llm_model=env.get("PARLEY_LLM_MODEL") or str(values[LLM_MODEL]) or None,
        voice=env.get("PARLEY_VOICE") or voice_spec(str(values[VOICE_BACKEND]), str(values[VOICE_NAME])),
        speaking_rate=min(4.0, max(0.25, float(values[VOICE_RATE]))),
        n_gpu_layers=int(env.get("PARLEY_GPU_LAYERS") or values[GPU_LAYERS]),
        llm_url=env.get("PARLEY_LLM_URL") or str(values[LLM_URL]) or None,
        llm_server_model=env.get("PARLEY_LLM_SERVER_MODEL") or str(values[LLM_SERVER_MODEL]) or None,
        llm_api_key=env.get("PARLEY_LLM_KEY") or str(values[LLM_KEY]) or None,
        verbatim=bool(values[VERBATIM]),
        patience_ms=int(env.get("PARLEY_PATIENCE_MS") or values[PATIENCE_MS]),
        threads=thread_budget(asr=int(values[ASR_THREADS]), llm=int(values[LLM_THREADS]),
                              tts=int(values[TTS_THREADS])),
    )
    if home:
        changes["home"] = Path(home).expanduser()
    base = base or Settings()
    known = {f.name for f in fields(Settings)}
    return base.with_(**{k: v for k, v in changes.items() if k in known})
