"""`python -m app doctor`: what Parley finds on this machine, without loading models."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from app import embedded
from app.audio.devices import list_devices
from app.config import Settings
from app.errors import ModelMissingError

PACKAGES = ("faster-whisper", "ctranslate2", "openai-whisper", "torch", "llama-cpp-python",
            "harper-py", "piper-tts", "onnxruntime", "pyttsx3", "sounddevice", "PySide6-Essentials",
            "SQLAlchemy", "alembic",
            # the chat-server backend: openai 3 builds its client on httpx2, earlier ones on httpx
            "openai", "httpx", "httpx2")


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def _smart_turn() -> dict:
    """Smart Turn's ONNX (end of turn for unfinished-sounding words): optional,
    so a missing one is "not installed", not a fault."""
    from app.turntaking import smart_turn  # lazy: its module is light, its model is not

    path = smart_turn.find_model() or smart_turn.model_paths()[0]
    return {"role": "turn", "path": str(path), "size_mb": round(_size(path) / 1e6, 1),
            "package": f"Smart Turn v3.2 from {smart_turn.CARRIER} (scripts/setup.sh)",
            "exists": path.exists(), "optional": True}


def report(settings: Settings) -> dict:
    models = []
    for found in embedded.all_embedded():
        if isinstance(found, ModelMissingError):
            models.append({"error": str(found)})
        else:
            models.append({"role": found.role, "path": str(found.path),
                           "size_mb": round(found.size_bytes() / 1e6, 1),
                           "package": found.package, "exists": found.path.exists()})
    models.append(_smart_turn())
    for role, chosen in (("asr", settings.asr_model), ("llm", settings.llm_model)):
        if chosen:
            path = Path(chosen)
            models.append({"role": role, "path": str(path), "size_mb": round(_size(path) / 1e6, 1),
                           "package": "(chosen by the user)", "exists": path.exists()})
    try:
        devices = [vars(d) if hasattr(d, "__dict__") else d._asdict() for d in list_devices()]
    except Exception as error:  # doctor reports problems; it never fails on them
        devices = [{"error": f"{type(error).__name__}: {error}"}]
    home = settings.home
    from app.store.failures import database_integrity  # lazy: loads SQLAlchemy and libsndfile
    from app.store.store import DATABASE_NAME  # lazy: loads SQLAlchemy and libsndfile

    database = home / DATABASE_NAME
    return {
        "models": models,
        "audio_devices": devices,
        "versions": {"python": platform.python_version(),
                     **{p: _version(p) for p in PACKAGES}},
        "data_folder": {"path": str(home), "exists": home.exists(),
                        "writable": os.access(home if home.exists() else home.parent, os.W_OK)},
        "database": {"path": str(database), "exists": database.exists(),
                     "integrity": database_integrity(database, "quick_check")
                     if database.exists() else None},
        "threads": {name: getattr(settings.threads, name) for name in ("asr", "llm", "tts")},
        "tutor": tutor_backend(settings),
        "settings": {"asr_backend": settings.asr_backend, "voice": settings.voice},
    }


def tutor_backend(settings: Settings) -> dict:
    """Where the tutor's model runs: GPU offload and the server, if one is set."""
    from app.tutor.backends import gpu_layers, gpu_offload_supported  # lazy: loads numpy

    from app.brain import default_tutor

    picked = None if settings.llm_model or settings.llm_url else default_tutor(settings.home)
    return {"model": settings.llm_model or (f"{picked} (measured pick)"
                                            if picked else "embedded SmolLM2-135M"),
            "gpu_offload_supported": gpu_offload_supported(),
            "n_gpu_layers_setting": settings.n_gpu_layers,
            "n_gpu_layers": gpu_layers(settings.n_gpu_layers),
            "server_url": settings.llm_url, "server_model": settings.llm_server_model}


def format_report(info: dict) -> str:
    lines = ["Models:"]
    for m in info["models"]:
        if "error" in m:
            lines.append(f"  MISSING  {m['error']}")
        else:
            state = "ok" if m["exists"] else "absent" if m.get("optional") else "MISSING"
            lines.append(f"  {m['role']:<6} {state:<8} {m['size_mb']:>7} MB  {m['package']}: {m['path']}")
    lines.append("Audio devices:")
    if not info["audio_devices"]:
        lines.append("  none found (no microphone: text input still works)")
    for d in info["audio_devices"]:
        lines.append(f"  {d}")
    lines.append("Versions:")
    for name, installed in info["versions"].items():
        lines.append(f"  {name:<20} {installed or 'not installed'}")
    folder = info["data_folder"]
    lines.append(f"Data folder: {folder['path']} (exists: {folder['exists']}, "
                 f"writable: {folder['writable']})")
    database = info["database"]
    lines.append(f"Database: {database['path']} (integrity: "
                 f"{database['integrity'] if database['exists'] else 'none yet'})")
    lines.append(f"Threads: {info['threads']}")
    tutor = info["tutor"]
    offload = ("llama.cpp was built with GPU support" if tutor["gpu_offload_supported"]
               else "this llama.cpp build is CPU-only")
    layers = {0: "none (CPU)", -1: "all"}.get(tutor["n_gpu_layers"], str(tutor["n_gpu_layers"]))
    setting = " (automatic)" if tutor["n_gpu_layers_setting"] == -1 else ""
    lines.append(f"GPU offload: {offload}; layers on the GPU: {layers}{setting}")
    if tutor["server_url"]:
        lines.append(f"Tutor server: {tutor['server_url']} model "
                     f"{tutor['server_model'] or '(first listed)'}; embedded model as fallback")
    lines.append(f"Tutor model: {tutor['model']}  (all models: python -m app models list)")
    return "\n".join(lines)


def check_database(info: dict) -> None:
    """Raise the damaged-database StorageError when the report's integrity check failed."""
    from app.store.failures import damaged, is_damaged  # lazy: loads SQLAlchemy and libsndfile

    database = info["database"]
    if database["exists"] and is_damaged(database["integrity"]):
        found = " ".join(str(database["integrity"]).split())  # one line, however many faults
        found = found if len(found) <= 160 else found[:157] + "..."
        raise damaged(Path(database["path"]), f" (SQLite's check: {found})")
