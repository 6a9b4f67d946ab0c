"""ahead(): a generator run on a worker thread, ahead of its reader."""

import threading

import pytest

from app.prefetch import ahead


def test_items_come_in_order_and_the_next_is_computed_while_the_reader_works():
    reader_busy = threading.Event()
    second_made_while_busy = []

    def source():
        yield 1
        second_made_while_busy.append(reader_busy.wait(5))
        yield 2

    items = []
    for item in ahead(source()):
        items.append(item)
        if item == 1:
            reader_busy.set()  # the reader is "speaking" item 1 ...
            threading.Event().wait(0.05)
    assert items == [1, 2] and second_made_while_busy == [True]


def test_the_workers_error_is_raised_to_the_reader():
    def source():
        yield 1
        raise ValueError("broken model")

    with pytest.raises(ValueError, match="broken model"):
        list(ahead(source()))


def test_a_reader_that_stops_early_stops_and_joins_the_worker():
    closed = threading.Event()

    def source():
        try:
            for i in range(1000):
                yield i
        finally:
            closed.set()

    stream = ahead(source())
    assert next(stream) == 0
    stream.close()
    assert closed.is_set()
    assert not [t for t in threading.enumerate() if t.name == "ahead"]


def test_a_hold_keeps_the_worker_waiting_after_the_first_item_until_it_is_set():
    voice_started = threading.Event()
    asked = []

    def source():
        yield "recast"
        asked.append(voice_started.is_set())
        yield "question"

    stream = ahead(source(), hold=voice_started)
    assert next(stream) == "recast"
    threading.Event().wait(0.2)
    assert asked == []  # the model has not been asked while the voice starts
    voice_started.set()
    assert next(stream) == "question" and asked == [True]


def test_hold_again_waits_for_the_second_items_audio_too():
    voice_out = threading.Event()
    asked = []

    def source():
        yield "Good question."
        yield "I'd recommend the old town."
        asked.append(voice_out.is_set())
        yield "It is lovely."

    stream = ahead(source(), hold=voice_out, hold_again=lambda: True)
    assert next(stream) == "Good question."
    voice_out.set()  # the first piece's audio is out
    assert next(stream) == "I'd recommend the old town."
    threading.Event().wait(0.2)
    assert asked == []  # the model waits while the voice renders its first sentence
    voice_out.set()
    assert next(stream) == "It is lovely." and asked == [True]
