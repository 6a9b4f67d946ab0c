"""Hints: two short things the learner could say next, when stuck.

The chat model writes them under a JSON schema; they are kept only when both
are short, distinct, plain answers. Otherwise safe templates are used, since
a wrong hint teaches a mistake.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from app.tutor.chat import ChatModel
from app.tutor.edits import normalised, words

# What a learner says when stuck: "help", "I don't know", "what can I say".
HELP_REQUEST = re.compile(
    r"^\W*(help( me)?( please)?|hint|i don'?t know( what to say)?|i do not know|"
    r"what (can|should|do) i say|i don'?t know what (else )?to say|"
    r"sorry i don'?t understand|can you help me)\W*$",
    re.IGNORECASE)
HINT_SCHEMA = {
    "type": "object",
    "properties": {"answers": {"type": "array", "minItems": 2, "maxItems": 2,
                               "items": {"type": "string", "maxLength": 80}}},
    "required": ["answers"],
}
HINT_SYSTEM = ("You help an English learner answer a question. Give two different short, "
               "simple answers the learner could say. Each answer is one sentence.")
HINT_EXAMPLE = ("What did you do last weekend?",
                ["I visited my grandparents.", "I stayed at home and watched a film."])
_BAD = re.compile(r"\b(ai|language model|assistant|learner|answer)\b", re.IGNORECASE)


def hints_for(model: ChatModel | None, tutor_line: str, level: str,
              fallbacks: Sequence[str]) -> list[str]:
    if model is not None and words(tutor_line):
        messages = [
            {"role": "system", "content": HINT_SYSTEM + f" Level {level}."},
            {"role": "user", "content": HINT_EXAMPLE[0]},
            {"role": "assistant", "content": json.dumps({"answers": HINT_EXAMPLE[1]})},
            {"role": "user", "content": tutor_line},
        ]
        try:
            raw = model.complete(messages, max_tokens=60, temperature=0.2,
                                 json_schema=HINT_SCHEMA, repeat_penalty=1.1)
            answers = [str(a).strip() for a in json.loads(raw)["answers"]][:2]
        except (ValueError, KeyError, TypeError):
            answers = []
        if _usable(answers, tutor_line):
            return answers
    return list(fallbacks[:2])


def _usable(answers: list[str], tutor_line: str) -> bool:
    if len(answers) != 2 or normalised(answers[0]) == normalised(answers[1]):
        return False
    return all(
        2 <= len(words(a)) <= 12 and not _BAD.search(a)
        and normalised(a) != normalised(tutor_line)
        and normalised(a) not in {normalised(e) for e in HINT_EXAMPLE[1]}
        for a in answers
    )
