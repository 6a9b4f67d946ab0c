"""Microphones and speakers, through PortAudio (sounddevice).

``import sounddevice`` fails with OSError when the PortAudio library is missing,
and PortAudio enumerates devices once, when it is first imported: a sound server
started later is not seen until the process restarts. So sounddevice is imported
only here, on first use, and every failure becomes an :class:`AudioDeviceError`
that says what to do. :func:`list_devices` never raises: a settings page can
always show "no devices".

:class:`~app.audio.recorder.Recorder` and :class:`~app.audio.player.Player`
live in their own modules, which import this one (never the other way round).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from app.errors import AudioDeviceError

log = logging.getLogger(__name__)

DeviceSpec = int | str | None  # PortAudio index, part of a device name, or the default

_NO_MIC_FIX = (
    "connect a microphone or enable it in the system sound settings, then restart Parley"
    " (on Linux, check that PulseAudio or PipeWire is running: `pactl info`)"
)
_NO_SPEAKER_FIX = (
    "connect speakers or headphones or enable them in the system sound settings, then restart"
    " Parley (on Linux, check that PulseAudio or PipeWire is running: `pactl info`)"
)
_PORTAUDIO_FIX = (
    "install the PortAudio library (Debian/Ubuntu: sudo apt install libportaudio2;"
    " macOS: brew install portaudio) and restart Parley"
)


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    inputs: int  # max input channels
    outputs: int  # max output channels
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False


def sounddevice_module() -> ModuleType:
    """``import sounddevice``, or AudioDeviceError when PortAudio is not installed."""
    try:
        import sounddevice  # lazy: loads PortAudio
    except OSError as error:  # "PortAudio library not found"
        raise AudioDeviceError(f"no audio devices: {error}", _PORTAUDIO_FIX) from error
    except ImportError as error:
        raise AudioDeviceError(
            "no audio devices: the sounddevice package is missing", "run: pip install sounddevice"
        ) from error
    return sounddevice


def list_devices() -> list[AudioDevice]:
    """Every PortAudio device; [] when PortAudio or the devices are missing."""
    try:
        sd = sounddevice_module()
        raw = sd.query_devices()
        default_in, default_out = _default_indices(sd)
    except Exception as error:  # noqa: BLE001 - a device listing must never crash the UI
        log.info("no audio devices: %s", error)
        return []
    return [
        AudioDevice(
            index=int(d["index"]),
            name=str(d["name"]),
            inputs=int(d["max_input_channels"]),
            outputs=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default_input=int(d["index"]) == default_in,
            is_default_output=int(d["index"]) == default_out,
        )
        for d in raw
    ]


def _default_indices(sd: Any) -> tuple[int, int]:
    try:
        pair = sd.default.device
        return int(pair[0]), int(pair[1])
    except Exception:  # noqa: BLE001
        return -1, -1


def _find(spec: DeviceSpec, kind: str) -> AudioDevice | None:
    devices = list_devices()
    usable = [d for d in devices if (d.inputs if kind == "input" else d.outputs) > 0]
    if spec is None:
        flag = "is_default_input" if kind == "input" else "is_default_output"
        default = next((d for d in usable if getattr(d, flag)), None)
        # PortAudio may report no default while devices exist: take the first.
        return default or (usable[0] if usable else None)
    if isinstance(spec, int) or (isinstance(spec, str) and spec.isdigit()):
        return next((d for d in usable if d.index == int(spec)), None)
    wanted = str(spec).lower()
    exact = [d for d in usable if d.name.lower() == wanted]
    return (exact or [d for d in usable if wanted in d.name.lower()] or [None])[0]


def default_input() -> AudioDevice | None:
    return _find(None, "input")


def _require(spec: DeviceSpec, kind: str) -> AudioDevice:
    what, fix = ("microphone", _NO_MIC_FIX) if kind == "input" else ("speaker", _NO_SPEAKER_FIX)
    sounddevice_module()  # a missing PortAudio gets its own fix line
    found = _find(spec, kind)
    if found is not None:
        return found
    if spec is None:
        raise AudioDeviceError(f"no {what} found", fix)
    names = [d.name for d in list_devices() if (d.inputs if kind == "input" else d.outputs)]
    raise AudioDeviceError(
        f"{what} '{spec}' not found",
        f"choose one of: {', '.join(names)}" if names else fix,
    )


def require_input(device: DeviceSpec = None) -> AudioDevice:
    """The chosen (or default) microphone; AudioDeviceError("no microphone found") if none."""
    return _require(device, "input")


def require_output(device: DeviceSpec = None) -> AudioDevice:
    return _require(device, "output")


def close_stream(stream: Any, timeout: float = 2.0) -> bool:
    """abort() + close() a PortAudio stream without risking a hang: a driver that
    stopped responding could block these calls, so they run on a helper thread."""

    def _close() -> None:
        try:
            stream.abort()
        except Exception:  # noqa: BLE001 - already stopped or broken: closing is what matters
            pass
        try:
            stream.close()
        except Exception as error:  # noqa: BLE001
            log.debug("closing audio stream: %s", error)

    worker = threading.Thread(target=_close, name="parley-audio-close", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        log.warning("audio stream did not close within %.1f s; left to the driver", timeout)
        return False
    return True
