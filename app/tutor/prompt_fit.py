"""Every prompt fits the model's context window, whatever the learner said.

llama.cpp refuses a prompt longer than its context ("Requested tokens (3238)
exceed context window of 2048": a 20-minute recording did that, and the turn
was lost). The tutor already keeps only the history that fits, but the
learner's own line, a correction's sentence or a hint's tutor line can be any
length, so the chat model passes every prompt through :func:`fit_messages`
just before generating.

What goes, in this order, until the prompt fits:
1. the start of the newest message (the learner's line: its end is what a
   reply answers), down to a quarter of the room;
2. the oldest messages between the system prompt and the newest one;
3. more of the newest message's start, then of the system prompt's end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Message = dict[str, str]
# Chat templates wrap each message in a few tokens ("<|im_start|>user\n" ...
# "<|im_end|>\n") and add the assistant's header after the last: counted high.
TOKENS_PER_MESSAGE = 8
TOKENS_PER_PROMPT = 16
CUT_MARK = "… "


def prompt_tokens(messages: Sequence[Message], count: Callable[[str], int]) -> int:
    return TOKENS_PER_PROMPT + sum(count(m["content"]) + TOKENS_PER_MESSAGE for m in messages)


def fit_messages(messages: Sequence[Message], budget: int,
                 count: Callable[[str], int]) -> list[Message]:
    """``messages`` cut to at most ``budget`` tokens, ``count(text)`` being the
    model's token count. A prompt that fits, the common case, comes back as
    it was (the same message objects)."""
    messages = list(messages)
    costs = [count(m["content"]) + TOKENS_PER_MESSAGE for m in messages]
    total = TOKENS_PER_PROMPT + sum(costs)
    if total <= budget or not messages:
        return messages

    def cut_newest(room: int) -> None:
        nonlocal total
        newest = messages[-1]
        keep = max(0, room - TOKENS_PER_MESSAGE - count(CUT_MARK))
        text = CUT_MARK + _keep_end(newest["content"], keep, count) if keep else ""
        messages[-1] = {**newest, "content": text}
        total += count(text) + TOKENS_PER_MESSAGE - costs[-1]
        costs[-1] = count(text) + TOKENS_PER_MESSAGE

    # 1. The newest message gives up its start, down to a quarter of the room.
    floor = budget // 4
    if costs[-1] > floor:
        cut_newest(max(floor, costs[-1] - (total - budget)))
    # 2. The oldest messages after the system prompt go.
    first = 1 if messages[0].get("role") == "system" else 0
    while total > budget and len(messages) - first > 1:
        total -= costs.pop(first)
        messages.pop(first)
    # 3. Whatever it takes: the newest message, then the system prompt's end.
    if total > budget:
        cut_newest(max(0, costs[-1] - (total - budget)))
    if total > budget and first and len(messages) > 1:
        system = messages[0]
        room = max(0, costs[0] - (total - budget) - TOKENS_PER_MESSAGE)
        kept = _keep_start(system["content"], room, count)
        messages[0] = {**system, "content": kept}
    return messages


def _keep_start(text: str, tokens: int, count: Callable[[str], int]) -> str:
    """The start of ``text`` in at most ``tokens`` tokens, cut at a space."""
    if count(text) <= tokens:
        return text
    text = text[:max(0, tokens) * 16]
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if count(text[:middle]) <= tokens:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _keep_end(text: str, tokens: int, count: Callable[[str], int]) -> str:
    """The end of ``text`` in at most ``tokens`` tokens, starting at a word."""
    if count(text) <= tokens:
        return text
    # Few tokens are longer than 16 characters: the search starts there, so a
    # page-long line costs a few short tokenisations, not many long ones.
    if tokens <= 0:
        return ""
    text = text[-tokens * 16:]
    low, high = 0, len(text)
    while low < high:  # the smallest start whose tail fits
        middle = (low + high) // 2
        if count(text[middle:]) <= tokens:
            high = middle
        else:
            low = middle + 1
    tail = text[low:]
    space = tail.find(" ")
    return tail[space + 1:] if low > 0 and 0 <= space < len(tail) - 1 else tail
