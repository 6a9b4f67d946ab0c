"""The chat model as a language model: how much more likely a sentence becomes
with an edit (Bryant & Briscoe 2018, "Language model based grammatical error
correction without annotated training data").

Only the tokens from the first one an edit changes to the end of the sentence
are read again: the sentence is read once, and each variant reuses the KV
cache of the prefix it shares with it, so a candidate costs a few tokens of
prompt processing, not a whole sentence. The scorer shares the tutor's loaded
weights and llama.cpp context (SharedWeightsChat's cache swap), so memory
stays flat.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SLOT = "gec-scoring"
# The text scored follows the opening of a user turn: learner sentences are
# what the chat model saw as user messages in training.
LEAD_IN = "<|im_start|>user\n"
# Tokens after a change that are scored with it (see _window_ends).
AFTER = 3


@dataclass
class ScoringStats:
    calls: int = 0
    tokens: int = 0  # tokens read (prompt processing)
    seconds: float = 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


class LlamaScorer:
    """Log-probability differences under a LlamaChatModel (or a SharedWeightsChat view of one)."""

    def __init__(self, chat) -> None:
        self.owner = getattr(chat, "owner", chat)
        self.stats = ScoringStats()

    @staticmethod
    def supports(chat) -> bool:
        from app.tutor.chat import LlamaChatModel  # lazy: loads numpy

        return isinstance(getattr(chat, "owner", chat), LlamaChatModel)

    def load(self) -> None:
        self.owner.load()

    def fits(self, text: str, margin: int = 32) -> bool:
        """Whether ``text`` (and variants a few tokens longer) can be read in
        one pass of the model's context: a longer one would fail to decode."""
        self.owner.load()
        llama = self.owner._llama
        lead = llama.tokenize(LEAD_IN.encode(), add_bos=True, special=True)
        body = llama.tokenize(text.encode(), add_bos=False, special=False)
        return len(lead) + len(body) + margin <= llama.n_ctx()

    def gains(self, original: str, variants: Sequence[str]) -> list[float]:
        """For each variant, log P(variant) - log P(original), in nats."""
        if not variants:
            return []
        self.owner.load()
        llama = self.owner._llama
        lead = llama.tokenize(LEAD_IN.encode(), add_bos=True, special=True)
        base = lead + llama.tokenize(original.encode(), add_bos=False, special=False)
        others = [lead + llama.tokenize(v.encode(), add_bos=False, special=False)
                  for v in variants]
        started = time.perf_counter()
        with self.owner._lock:
            self.owner._switch_cache(SLOT)
            try:
                base_lp = self._decode(llama, base, 0)
                gains = [0.0] * len(others)
                shared = [_shared_prefix(base, tokens, floor=len(lead)) for tokens in others]
                # Longest shared prefix first: each variant then overwrites only
                # cache positions that no later variant reads (later ones share less).
                for i in sorted(range(len(others)), key=lambda i: -shared[i]):
                    tokens, start = others[i], shared[i]
                    end_v, end_b = _window_ends(base, tokens, start)
                    llama._ctx.kv_cache_seq_rm(0, start, -1)
                    tail = self._decode(llama, tokens[start:end_v], start,
                                        first_row=base_lp.rows[start - 1])
                    gains[i] = tail.total - float(base_lp.token_lp[start:end_b].sum())
                    self.stats.tokens += end_v - start
            finally:
                llama._ctx.kv_cache_seq_rm(0, 0, -1)
                llama.n_tokens = 0
                llama._requires_eval = True
        self.stats.calls += 1
        self.stats.tokens += len(base)
        self.stats.seconds += time.perf_counter() - started
        return gains

    def _decode(self, llama, tokens: list[int], n_past: int, first_row=None) -> "_Decoded":
        """Read ``tokens`` at position ``n_past``; the log-probability of each
        token given what precedes it (``first_row``: the log-probabilities for
        the first token, from an earlier read; None at the sentence start)."""
        import llama_cpp  # lazy: loads llama.cpp

        batch = llama._batch
        rows = []
        for start in range(0, len(tokens), llama.n_batch):
            chunk = tokens[start:start + llama.n_batch]
            batch.set_batch(chunk, n_past=n_past + start, logits_all=True)
            llama._ctx.decode(batch)
            pointer = llama_cpp.llama_get_logits(llama._ctx.ctx)
            logits = np.ctypeslib.as_array(pointer, shape=(len(chunk), llama.n_vocab()))
            rows.append(_log_softmax(logits))
        rows = np.concatenate(rows) if rows else np.zeros((0, llama.n_vocab()), np.float32)
        token_lp = np.zeros(len(tokens), np.float64)
        for i in range(len(tokens)):
            previous = rows[i - 1] if i > 0 else first_row
            if previous is not None:
                token_lp[i] = previous[tokens[i]]
        return _Decoded(rows, token_lp)


@dataclass
class _Decoded:
    rows: np.ndarray  # log-probabilities of the next token, one row per token read
    token_lp: np.ndarray  # log-probability of each token read

    @property
    def total(self) -> float:
        return float(self.token_lp.sum())


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _window_ends(base: list[int], variant: list[int], shared: int) -> tuple[int, int]:
    """Where the scored window ends in the variant and in the base: the changed
    tokens and the next AFTER of the shared tail (the words right after an edit
    are where a wrong one shows; further on, the two readings differ little)."""
    tail = 0
    while (tail < min(len(base), len(variant)) - shared
           and base[len(base) - 1 - tail] == variant[len(variant) - 1 - tail]):
        tail += 1
    after = min(AFTER, tail)
    end_v, end_b = len(variant) - tail + after, len(base) - tail + after
    if end_v <= shared:  # read at least one token of the variant
        end_v, end_b = end_v + 1, end_b + 1
    return end_v, end_b


def _shared_prefix(a: list[int], b: list[int], floor: int) -> int:
    n = min(len(a), len(b))
    i = floor
    while i < n and a[i] == b[i]:
        i += 1
    # At least one token of the variant is read, so it has logits of its own.
    return min(i, len(b) - 1)
