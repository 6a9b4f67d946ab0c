"""Audio in and out: WAV files, resampling, devices (PortAudio), and voice activity.

Submodules import their heavy dependencies (sounddevice, soundfile, onnxruntime,
faster_whisper) only inside the functions that need them, so importing this
package is cheap and works on machines without PortAudio.
"""
