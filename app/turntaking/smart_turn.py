"""Pipecat's Smart Turn v3.2: does the voice sound like a finished turn?

An audio model (Whisper-tiny's encoder and a small classifier, 8.7 MB ONNX,
BSD-2-Clause, by Daily) that reads the last 8 s of the learner's voice and
gives P(complete): intonation, final lengthening, a breath, the "and" still
in the voice. :class:`app.turntaking.turn_end.TurnEndPolicy` asks it only
where the words sound unfinished and the learner's rhythm is not yet known
(docs/decisions/0012-smart-turn-for-unfinished-words.md).

Its weights come from a pip package and nothing is downloaded at run time:
the only one on PyPI that carries them is ``pipecat-ai`` 1.14.0, which cannot
be installed beside Parley's lock (it pins protobuf < 7 and soundfile ~=
0.13.1). So ``scripts/setup.sh`` downloads that wheel, hash-checked
(``scripts/lock/smart-turn.txt``), and takes out of it only the ONNX file
and the package's licence (:func:`install`, ``python -m
app.turntaking.smart_turn install WHEEL``), into the checkout's ``models/``
folder; the file is used only when its SHA-256 is :data:`SHA256`.

No file, or a corrupt one: :meth:`SmartTurn.p_complete` gives None, one log
line says why, and turns end as they did before. onnxruntime and
faster-whisper are imported only when the model loads.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import zipfile
from pathlib import Path

import numpy as np

from app.audio.constants import ASR_RATE as RATE

log = logging.getLogger(__name__)

FOLDER = "smart-turn-v3.2"  # under the models folder
FILENAME = "smart-turn-v3.2-cpu.onnx"
SIZE = 8_679_182
SHA256 = "2bb026316b14a660486a75b1733cd3fbab8c2fd0314dc9af7be49f8cca967e4f"
LICENCE_FILE = "LICENSE-pipecat-ai.txt"
# Where it is inside the pip package that carries it (scripts/lock/smart-turn.txt).
CARRIER = "pipecat-ai 1.14.0"
WHEEL_MEMBER = "pipecat/audio/turn/smart_turn/data/smart-turn-v3.2-cpu.onnx"
WHEEL_LICENCE = "pipecat_ai-1.14.0.dist-info/licenses/LICENSE"
LICENCE = "BSD-2-Clause (Smart Turn v3.2 by Daily, in the pip package pipecat-ai 1.14.0)"
WINDOW_S = 8  # the model hears the last 8 s, zero-padded in front


def model_paths() -> list[Path]:
    """Where the ONNX file is looked for, in order: ``PARLEY_SMART_TURN``
    (a file), the learner's models folder, the checkout's ``models/``
    (where scripts/setup.sh puts it)."""
    from app.config import models_home
    from app.models_catalog import REPO_MODELS

    explicit = os.environ.get("PARLEY_SMART_TURN")
    if explicit:
        return [Path(explicit).expanduser()]
    return list(dict.fromkeys((models_home() / FOLDER / FILENAME,
                               REPO_MODELS / FOLDER / FILENAME)))


def find_model() -> Path | None:
    return next((path for path in model_paths() if path.is_file()), None)


def verified(path: Path) -> bool:
    from app.models_catalog import file_sha256  # lazy: the catalog's own imports

    return path.is_file() and path.stat().st_size == SIZE and file_sha256(path) == SHA256


def install(wheel: Path, folder: Path) -> Path:
    """Take the ONNX file and the licence out of ``wheel`` into ``folder``/FOLDER,
    verified; nothing else of the package is kept. Idempotent: a verified
    file already there is kept. Raises ValueError for a wheel without it or a
    file that does not match its hash."""
    target = folder / FOLDER
    onnx = target / FILENAME
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        missing = [m for m in (WHEEL_MEMBER, WHEEL_LICENCE) if m not in names]
        if missing:
            raise ValueError(f"{wheel.name} holds no {', '.join(missing)}")
        target.mkdir(parents=True, exist_ok=True)
        licence = archive.read(WHEEL_LICENCE).decode("utf-8")
        (target / LICENCE_FILE).write_text(
            f"Smart Turn v3.2 ({FILENAME}), taken from the pip package {CARRIER}\n"
            f"({WHEEL_MEMBER}), SHA-256 {SHA256}.\n\n{licence}", encoding="utf-8")
        if verified(onnx):
            return onnx
        partial = onnx.with_name(onnx.name + ".part")
        with archive.open(WHEEL_MEMBER) as source, partial.open("wb") as sink:
            while block := source.read(1 << 20):
                sink.write(block)
    if not verified(partial):
        partial.unlink()
        raise ValueError(f"{WHEEL_MEMBER} in {wheel.name} does not match its pinned SHA-256")
    partial.replace(onnx)
    return onnx


class SmartTurn:
    """P(complete) of the learner's voice so far. Cheap to make: the model
    loads in :meth:`load` (the practice's warm-up, off the GUI thread) or at
    the first :meth:`p_complete`. Thread-safe."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._session = None
        self._features = None
        self._tried = False

    @property
    def available(self) -> bool:
        return self._session is not None

    def load(self) -> bool:
        """Load the model once; False (and one log line) when it cannot be."""
        with self._lock:
            if self._tried:
                return self._session is not None
            self._tried = True
            path = self.path or find_model()
            if path is None or not path.is_file():
                log.info("Smart Turn is not installed (%s): unfinished sentences wait as before;"
                         " bash scripts/setup.sh installs it", path or model_paths()[-1])
                return False
            if not verified(path):
                log.warning("Smart Turn at %s does not match its SHA-256: not used", path)
                return False
            try:
                import onnxruntime as ort  # lazy: loads onnxruntime
                from faster_whisper.feature_extractor import FeatureExtractor  # lazy

                options = ort.SessionOptions()
                # One thread: it runs on the turn's worker between recognition
                # and generation, never beside them (docs/decisions/0008-thread-budgets.md),
                # and does not spin on cores the others need.
                options.intra_op_num_threads = options.inter_op_num_threads = 1
                options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                self._session = ort.InferenceSession(
                    str(path), sess_options=options, providers=["CPUExecutionProvider"])
                self._features = FeatureExtractor(feature_size=80)
            except Exception as error:  # noqa: BLE001 - a broken runtime or file can raise anything
                log.warning("Smart Turn could not be loaded from %s: %s", path, error)
                self._session = None
                return False
            self.path = path
            return True

    def warm_up(self) -> None:
        """Load, and run once: the first inference is the slow one."""
        if self.load():
            self.p_complete(np.zeros(RATE, np.float32))

    def p_complete(self, pcm: np.ndarray) -> float | None:
        """P(the turn is complete) from the voice (16 kHz mono); None: no model."""
        if not self.load():
            return None
        try:
            mel = features(pcm, self._features)
            output = self._session.run(None, {"input_features": mel[None]})[0]
            return float(np.asarray(output).reshape(-1)[0])
        except Exception as error:  # noqa: BLE001 - never let it break the turn it runs in
            with self._lock:
                self._session = None  # one line, then as if not installed
            log.warning("Smart Turn failed (%s): no longer asked in this session", error)
            return None

    __call__ = p_complete


def features(pcm: np.ndarray, extractor=None) -> np.ndarray:
    """Whisper's 80-band log-mel of the last 8 s, zero-padded in front and
    normalised, as Smart Turn's own code makes it: (80, 800) float32."""
    if extractor is None:
        from faster_whisper.feature_extractor import FeatureExtractor  # lazy

        extractor = FeatureExtractor(feature_size=80)
    audio = np.asarray(pcm, np.float32).reshape(-1)[-WINDOW_S * RATE:]
    audio = np.pad(audio, (WINDOW_S * RATE - audio.size, 0))
    audio = (audio - audio.mean()) / np.sqrt(audio.var() + 1e-7)
    return extractor(audio, padding=0)[:, :WINDOW_S * 100].astype(np.float32)


def main(argv: list[str] | None = None) -> int:
    """``install WHEEL [--into FOLDER]``: the ONNX and licence out of the wheel
    (scripts/setup.sh); ``check [--into FOLDER]``: exit 0 when a verified copy is there."""
    import argparse

    from app.models_catalog import REPO_MODELS

    parser = argparse.ArgumentParser(prog="python -m app.turntaking.smart_turn")
    sub = parser.add_subparsers(dest="command", required=True)
    i = sub.add_parser("install")
    i.add_argument("wheel", type=Path)
    c = sub.add_parser("check")
    for p in (i, c):
        p.add_argument("--into", type=Path, default=REPO_MODELS, help="the models folder")
    args = parser.parse_args(argv)
    if args.command == "check":
        return 0 if verified(args.into / FOLDER / FILENAME) else 1
    if not args.wheel.is_file():
        print(f"error: no such wheel: {args.wheel}", file=sys.stderr)
        return 2
    try:
        path = install(args.wheel, args.into)
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Smart Turn v3.2: {path} ({SIZE / 1e6:.1f} MB, SHA-256 verified; {LICENCE})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
