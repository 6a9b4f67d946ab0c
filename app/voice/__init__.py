"""Text to speech: a :class:`~app.voice.base.Voice` per backend (Piper, pyttsx3),
a sentence splitter for streamed LLM text, and :func:`~app.voice.factory.create_voice`.

Backends (piper/onnxruntime, pyttsx3) are imported only when a voice is built.
"""
