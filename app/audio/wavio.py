"""WAV files in and out, and the level helpers the recorder and the checks share.

Everything here works on float32 mono arrays in [-1, 1]. Reading a learner's
file raises :class:`AudioFileError` with a fix, never a bare libsndfile error,
because the GUI shows ``str(error)`` as is.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

from app.audio.constants import ASR_RATE
from app.audio.resample import resample
from app.errors import AudioFileError

__all__ = [
    "ASR_RATE",
    "SILENCE_DBFS",
    "is_silent",
    "load_utterance",
    "peak_dbfs",
    "read_wav",
    "resample",
    "rms_dbfs",
    "write_wav",
]

# A recording whose loudest sample stays below -50 dBFS holds no usable speech:
# a muted or unplugged microphone gives digital silence or a -60..-90 dBFS hiss,
# while speech at any sane gain peaks above -30 dBFS.
SILENCE_DBFS = -50.0
_FLOOR_DBFS = -120.0


def _to_dbfs(value: float) -> float:
    return max(_FLOOR_DBFS, 20.0 * float(np.log10(value))) if value > 0 else _FLOOR_DBFS


def rms_dbfs(pcm: np.ndarray) -> float:
    """RMS level in dBFS (full-scale sine = -3 dB); -120 for empty or digital silence."""
    pcm = np.asarray(pcm, dtype=np.float32)
    if pcm.size == 0:
        return _FLOOR_DBFS
    return _to_dbfs(float(np.sqrt(np.mean(np.square(pcm, dtype=np.float64)))))


def peak_dbfs(pcm: np.ndarray) -> float:
    pcm = np.asarray(pcm, dtype=np.float32)
    return _to_dbfs(float(np.max(np.abs(pcm)))) if pcm.size else _FLOOR_DBFS


def is_silent(pcm: np.ndarray, threshold_dbfs: float = SILENCE_DBFS) -> bool:
    """True when even the loudest sample is below threshold_dbfs (peak, not RMS,
    so one short quiet word in a long recording still counts as sound)."""
    return peak_dbfs(pcm) < threshold_dbfs


def _mono(data: np.ndarray) -> np.ndarray:
    data = np.asarray(data, dtype=np.float32)
    if data.ndim == 2:
        data = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    return np.ascontiguousarray(data, dtype=np.float32)


# Sample rates real recordings have: telephone-band 8 kHz and below to studio 384 kHz.
MIN_RATE, MAX_RATE = 4_000, 384_000


def read_wav(path: str | os.PathLike) -> tuple[np.ndarray, int]:
    """(float32 mono samples, sample rate). Stereo is averaged to mono."""
    # lazy: loads libsndfile
    import soundfile as sf  # cffi + libsndfile: only when a file is read

    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"audio file not found: {path}", "check the path and the file name")
    if path.is_dir():
        raise AudioFileError(f"{path} is a folder, not an audio file", "pass a .wav file")
    try:
        data, sr = sf.read(str(path), dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, OSError) as error:
        raise AudioFileError(
            f"cannot read {path.name} as audio ({error})",
            "save it as a WAV file (16-bit PCM, mono, 16 kHz is best) and try again",
        ) from error
    if not np.isfinite(data).all():
        # Only float WAVs can hold these. Left in, NaN reads as silence (every
        # level comparison is False) and inf as noise; either way the learner
        # would get a wrong reason, so the file gets its own.
        bad = int(data.size - np.count_nonzero(np.isfinite(data)))
        raise AudioFileError(
            f"{path.name} is damaged: {bad} of its {data.size} samples are not numbers "
            "(NaN or infinity)",
            "export the recording again as a WAV file (16-bit PCM is safest)",
        )
    if not MIN_RATE <= sr <= MAX_RATE:
        # A rate no recorder makes: resampled to 16 kHz, a header that says
        # 1 Hz turns 300 samples into 5 minutes of audio, and seconds of work.
        raise AudioFileError(
            f"{path.name} says its sample rate is {sr} Hz, which no recording has "
            f"(expected {MIN_RATE}-{MAX_RATE} Hz)",
            "export the recording again as a WAV file (16-bit PCM, mono, 16 kHz is best)",
        )
    return _mono(data), int(sr)


def load_utterance(path: str | os.PathLike, threshold_dbfs: float = SILENCE_DBFS) -> np.ndarray:
    """A learner's recording as float32 mono 16 kHz, ready for ASR.

    Raises AudioFileError when the file is missing, not audio, empty or silent,
    so the learner hears why nothing was recognised instead of an empty transcript.
    """
    pcm, sr = read_wav(path)
    name = Path(path).name
    if pcm.size == 0:
        raise AudioFileError(
            f"{name} contains no audio (0 samples)", "record again and speak before stopping"
        )
    if is_silent(pcm, threshold_dbfs):
        raise AudioFileError(
            f"{name} is silent (peak {peak_dbfs(pcm):.0f} dBFS)",
            "check that the microphone is not muted and its input level is up, then record again",
        )
    return resample(pcm, sr, ASR_RATE) if sr != ASR_RATE else pcm


def to_int16(pcm: np.ndarray) -> np.ndarray:
    """Audio kept in memory for replay: half the size of float32, and the same
    16 bits the saved WAV files hold."""
    return (np.clip(np.asarray(pcm, dtype=np.float32), -1.0, 1.0) * 32767).astype(np.int16)


def from_int16(pcm: np.ndarray) -> np.ndarray:
    return pcm.astype(np.float32) / 32767


def write_wav(path: str | os.PathLike, pcm: np.ndarray, sr: int) -> Path:
    """Write 16-bit PCM WAV atomically: a temp file in the same folder, fsync, then
    os.replace, so a crash or full disk never leaves a truncated recording behind."""
    import soundfile as sf  # lazy: loads libsndfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = np.clip(np.asarray(pcm, dtype=np.float32).reshape(-1), -1.0, 1.0)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            sf.write(handle, data, int(sr), subtype="PCM_16", format="WAV")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        # Leave the old file (if any) untouched and no temp litter behind.
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path
