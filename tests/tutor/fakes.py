"""A scripted chat model for tests of the regenerate and fallback paths."""

from __future__ import annotations

from app.tutor.chat import ChatModel


class Fake(ChatModel):
    """Returns the scripted replies in order (the last one again when they run out),
    and records every call's options."""

    name = "fake"

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.calls: list[dict] = []

    def load(self) -> None:
        pass

    def stream(self, messages, **options):
        self.calls.append({"messages": list(messages), **options})
        text = self.replies[min(len(self.calls), len(self.replies)) - 1]
        # In pieces, as a real model streams.
        for i in range(0, len(text), 5):
            yield text[i:i + 5]
