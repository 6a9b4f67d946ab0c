"""The installed PySide6 keeps Python's reference counts straight.

PySide6 6.12.0 dropped a reference to ``True`` on every ``Signal.emit()``. The
window emits thousands of signals a session (levels, tokens, events), and
after about 30 hands-free turns the interpreter died: "Fatal Python error:
bool_dealloc: deallocating True or False" (or none_dealloc). pyproject.toml
excludes that version; this test catches any other that does the same.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

EMITS = 500


class Emitter(QObject):
    value = Signal(object)
    pair = Signal(object, object)
    bare = Signal()


def _counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def test_emitting_signals_leaves_reference_counts_alone(qapp):
    emitter = Emitter()
    received = []
    emitter.value.connect(received.append)
    emitter.pair.connect(lambda a, b: received.append(a))
    emitter.bare.connect(lambda: received.append(None))
    before = _counts()
    for _ in range(EMITS):
        emitter.value.emit(None)
        emitter.pair.emit(True, None)
        emitter.bare.emit()
    assert len(received) == 3 * EMITS
    received.clear()
    after = _counts()
    # A leak loses one reference per emit (1,500 here); allow only the noise
    # of objects the interpreter created or freed meanwhile.
    drift = [a - b for a, b in zip(after, before)]
    assert all(abs(d) < 50 for d in drift), f"True, False, None reference drift: {drift}"
