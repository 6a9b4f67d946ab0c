"""The tutor's side of the conversation: persona, history, and the streamed reply."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from app.tutor.chat import ChatModel, Message

PROMPTS = Path(__file__).resolve().parents[2] / "assets" / "prompts" / "tutor.toml"
# A reply is at most two short sentences; stop at a blank line or an invented
# next turn, which small models like to write.
STOP = ("\n\n", "\nLearner:", "\nUser:", "<|im_end|>")
MAX_REPLY_TOKENS = 64
HISTORY_TURNS = 4  # the last exchanges kept: a small context stays fast and on topic


@lru_cache(maxsize=1)
def _prompt_file() -> dict:
    return tomllib.loads(PROMPTS.read_text(encoding="utf-8"))


@dataclass
class Conversation:
    """One practice session's dialogue with the tutor."""

    model: ChatModel
    level: str = "B1"
    scenario: str = "free talk about the learner's day"
    history: list[tuple[str, str]] = field(default_factory=list)

    def system_prompt(self) -> str:
        prompts = _prompt_file()
        hint = prompts["levels"].get(self.level, prompts["levels"]["B1"])
        return prompts["system"].format(level=self.level, scenario=self.scenario, level_hint=hint)

    def messages(self, learner_text: str) -> list[Message]:
        messages: list[Message] = [{"role": "system", "content": self.system_prompt()}]
        # The examples come first and never change, so llama.cpp reuses their
        # evaluated prefix from one turn to the next.
        for example in _prompt_file()["examples"]:
            messages.append({"role": "user", "content": example["learner"]})
            messages.append({"role": "assistant", "content": example["tutor"]})
        for said, replied in self.history[-HISTORY_TURNS:]:
            messages.append({"role": "user", "content": said})
            messages.append({"role": "assistant", "content": replied})
        messages.append({"role": "user", "content": learner_text})
        return messages

    def reply(self, learner_text: str) -> Iterator[str]:
        """Stream the tutor's reply; the exchange joins the history when it ends."""
        pieces: list[str] = []
        for piece in self.model.stream(
            self.messages(learner_text), max_tokens=MAX_REPLY_TOKENS, temperature=0.3,
            stop=STOP, repeat_penalty=1.15,
        ):
            pieces.append(piece)
            yield piece
        self.history.append((learner_text, "".join(pieces).strip()))

    def warm_up(self) -> None:
        """Evaluate the fixed prompt prefix once so the first real reply starts fast."""
        for _ in self.model.stream(self.messages("Hello!"), max_tokens=1, temperature=0.0):
            pass
