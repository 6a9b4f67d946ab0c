"""The audio format the app hears in, in one place.

Whisper and Silero VAD take 16 kHz mono only, so the microphone is opened at
that rate, WAV files are resampled to it, and every stage after them (the
endpointer, the cutter, echo cancellation, the pitch of a turn's end, the
saved recording) counts samples at it.
"""

ASR_RATE = 16000  # samples per second
