"""Nothing leaves the machine: every dependency's telemetry and downloads are
switched off here, before any of them is imported.

``app/__init__.py`` calls :func:`apply` first, so it runs for ``python -m app``,
the ``parley`` console script, the bundle and every ``import app.…``. Each
variable is read by its library at import or when its first object is made,
and child processes inherit them.

Why each one (checked against the installed versions):

- ``ORT_DISABLE_TELEMETRY``: onnxruntime, loaded for the Piper voice, writes a
  device id and queued events under ``~/.cache/Microsoft/DeveloperTools/`` and
  about 8 s after loading starts DNS lookups for a Microsoft events host (39
  network calls in one ``bench``). This variable, set before the import,
  stops both; ``ORT_TELEMETRY_DISABLED`` (often quoted) does nothing.
- ``HF_HUB_DISABLE_TELEMETRY`` and ``DO_NOT_TRACK``: huggingface_hub, which
  faster-whisper imports (DO_NOT_TRACK is also honoured by other libraries).
- ``OTEL_SDK_DISABLED``: OpenTelemetry, which FastAPI (llama-cpp-python's
  optional server) can set up from the environment.
- ``HF_HUB_OFFLINE``, ``TRANSFORMERS_OFFLINE``, ``HF_DATASETS_OFFLINE``:
  a model name instead of a path must fail, not download.

Telemetry switches are forced on, whatever the environment says: the README
promises that nothing leaves the machine, and no setting of Parley's asks
otherwise. The offline switches are only defaults: someone who sets
``HF_HUB_OFFLINE=0`` on purpose (to let faster-whisper fetch a named model
once) keeps that choice.
"""

from __future__ import annotations

import os

TELEMETRY_OFF = {
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "OTEL_SDK_DISABLED": "true",
}
OFFLINE_DEFAULTS = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
}


def apply(environ=os.environ) -> None:
    environ.update(TELEMETRY_OFF)
    for name, value in OFFLINE_DEFAULTS.items():
        environ.setdefault(name, value)
