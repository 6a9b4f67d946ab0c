"""A spy on the one turn-taking driver, shared by the driver and window tests."""

from __future__ import annotations

from app.turntaking.driver import TurnDriver


class RecordingDriver(TurnDriver):
    """The real driver, remembering every instance and every end it reported."""

    made: list[RecordingDriver] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ends = []
        RecordingDriver.made.append(self)

    def feed(self, chunk, now=None):
        ended = super().feed(chunk, now)
        if ended is not None:
            self.ends.append(ended)
        return ended
