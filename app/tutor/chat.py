"""The chat-model interface, and its llama.cpp implementation.

Any GGUF chat model works: llama.cpp reads the chat template from the file.
The model is loaded by :meth:`ChatModel.load`, never by the constructor, so a
window or a benchmark can create engines cheaply and load them when it chooses.
"""

from __future__ import annotations

import ctypes
import json
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.errors import ModelCorruptError, ModelMissingError
from app.tutor.prompt_fit import fit_messages
from app.words import normalise

log = logging.getLogger(__name__)

Message = dict[str, str]  # {"role": "system"|"user"|"assistant", "content": ...}


@dataclass
class GenerationStats:
    """Running totals, so a caller can measure its own calls by difference."""

    calls: int = 0
    tokens: int = 0
    prompt_s: float = 0.0  # until the first token: reading the prompt
    generation_s: float = 0.0  # from the first token on
    # Each call's time to its first token, in order. Only ever appended to, so
    # a copy made with dataclasses.replace finds its own calls by `answered`.
    prompt_times: list[float] = field(default_factory=list)
    answered: int = 0

    def since(self, before: "GenerationStats") -> "GenerationStats":
        return GenerationStats(self.calls - before.calls, self.tokens - before.tokens,
                               self.prompt_s - before.prompt_s,
                               self.generation_s - before.generation_s,
                               self.prompt_times[before.answered:self.answered],
                               self.answered - before.answered)

    @property
    def first_prompt_s(self) -> float:
        """Time to first token of the first call (a retry's is not counted)."""
        return self.prompt_times[0] if self.prompt_times else 0.0

    @property
    def tokens_per_s(self) -> float:
        return (self.tokens - self.calls) / self.generation_s if self.generation_s > 0 else 0.0


def count_pieces(pieces: Iterator[str], stats: GenerationStats) -> Iterator[str]:
    """Pass the pieces through, adding the call's timings to ``stats``: the time
    to the first piece (reading the prompt), then the generation time."""
    stats.calls += 1
    started, first = time.monotonic(), None
    try:
        for piece in pieces:
            if first is None:
                first = time.monotonic()
                stats.prompt_s += first - started
                stats.prompt_times.append(first - started)
                stats.answered += 1
            stats.tokens += 1
            yield piece
    finally:
        if first is not None:
            stats.generation_s += time.monotonic() - first
        close = getattr(pieces, "close", None)
        if close is not None:
            close()  # a reader that left early stops the generation behind it


class ChatModel(ABC):
    """A chat model that streams its reply token by token."""

    name: str = "chat model"

    @property
    def stats(self) -> GenerationStats:
        """Running totals of this model's generations (a practice turn reads
        its timings from them); zeros for a model that does not count."""
        return self.__dict__.setdefault("stats", GenerationStats())

    @stats.setter
    def stats(self, value: GenerationStats) -> None:
        self.__dict__["stats"] = value

    @abstractmethod
    def load(self) -> None:
        """Load the weights (slow); safe to call twice."""

    @abstractmethod
    def stream(
        self,
        messages: Sequence[Message],
        *,
        max_tokens: int = 80,
        temperature: float = 0.3,
        stop: Sequence[str] = (),
        json_schema: dict | None = None,
        repeat_penalty: float = 1.1,
        seed: int | None = None,
        grammar: str | None = None,
    ) -> Iterator[str]:
        """Yield the reply in pieces as they are generated.

        ``json_schema`` constrains the output to JSON matching the schema
        (grammar-constrained decoding), instead of parsing free text;
        ``grammar`` to a llama.cpp GBNF grammar (a model or server that has
        no grammars writes freely: the caller checks the text anyway).
        ``seed`` makes sampling reproducible; a new seed gives a new reply.
        """

    def complete(self, messages: Sequence[Message], **options) -> str:
        return "".join(self.stream(messages, **options))

    def end_of_message_probability(self, text: str) -> float | None:
        """P(the learner's message ends after ``text``), or None when this
        model cannot tell (see app.turntaking.turn_end)."""
        return None

    def with_own_cache(self, slot: str) -> "ChatModel":
        """This model with a prompt cache of its own, so ``slot``'s prompts never
        evict the others'. A model without a prompt cache is its own view."""
        return self


class LlamaChatModel(ChatModel):
    """llama-cpp-python over a GGUF file, on the CPU or with layers offloaded to a GPU."""

    def __init__(
        self, path: str | Path, *, threads: int = 2, n_gpu_layers: int = 0, n_ctx: int = 2048,
        batch_threads: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.name = self.path.stem
        self.threads = threads  # for generating, one token at a time
        self.batch_threads = batch_threads or threads  # for reading the prompt
        self.n_gpu_layers = n_gpu_layers
        self.n_ctx = n_ctx
        self._llama = None
        # llama.cpp contexts are not thread-safe; one generation at a time.
        self._lock = threading.Lock()
        self._grammars: dict[str, object] = {}
        self._token_counts: dict[str, int] = {}
        self.stats = GenerationStats()
        # The context's KV cache belongs to one cache slot at a time (see
        # SharedWeightsChat); the others wait here, copied out.
        self._slot = MAIN_SLOT
        self._parked: dict[str, _ParkedCache] = {}

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self) -> None:
        if self._llama is not None:
            return
        if not self.path.is_file():
            raise ModelMissingError(
                f"chat model not found: {self.path}",
                "pick an existing .gguf file in Settings, or unset PARLEY_LLM_MODEL "
                "to use the embedded SmolLM2",
            )
        _check_gguf_magic(self.path)
        from llama_cpp import Llama  # lazy: loads llama.cpp

        try:
            self._llama = self._open(Llama)
        except (ValueError, RuntimeError, OSError) as error:
            if self.n_gpu_layers != 0:
                # The GPU could not take the layers (too little memory, a driver
                # problem): the CPU still can, more slowly.
                log.warning("could not load %s on the GPU (%s); using the CPU",
                            self.path.name, error)
                self.n_gpu_layers = 0
                try:
                    self._llama = self._open(Llama)
                    return
                except (ValueError, RuntimeError, OSError):
                    pass
            raise ModelCorruptError(
                f"chat model {self.path.name} could not be loaded ({type(error).__name__})",
                "the file is damaged or not a GGUF chat model: download it again or pick another",
            ) from error

    def _open(self, llama_class):
        return llama_class(model_path=str(self.path), n_threads=self.threads,
                           n_threads_batch=self.batch_threads, n_gpu_layers=self.n_gpu_layers,
                           n_ctx=self.n_ctx, verbose=False)

    def stream(self, messages, **options):
        return self._stream(messages, slot=MAIN_SLOT, stats=self.stats, **options)

    def count_tokens(self, text: str) -> int:
        # Remembered: the system prompt, examples and history come back every
        # turn: tokenising them all again took 1 ms a generation (7 ms on the
        # busy 2 cores), remembered 0.1 ms.
        count = self._token_counts.get(text)
        if count is None:
            self.load()
            count = len(self._llama.tokenize(text.encode("utf-8", errors="replace"),
                                             add_bos=False, special=False))
            if len(self._token_counts) >= 512:
                self._token_counts.clear()
            self._token_counts[text] = count
        return count

    def with_own_cache(self, slot: str) -> "SharedWeightsChat":
        """This model, with a prompt cache of its own (see SharedWeightsChat)."""
        return SharedWeightsChat(self, slot)

    def _stream(self, messages, *, slot: str, stats: GenerationStats, max_tokens=80,
                temperature=0.3, stop=(), json_schema=None, repeat_penalty=1.1, seed=None,
                grammar=None):
        self.load()
        if json_schema:
            grammar = self._grammar(json.dumps(json_schema, sort_keys=True), schema=True)
        elif grammar:
            grammar = self._grammar(grammar)
        # Room for the reply, or llama.cpp refuses the prompt (app/tutor/prompt_fit.py).
        messages = fit_messages(messages, self.n_ctx - max_tokens, self.count_tokens)
        with self._lock:
            self._switch_cache(slot)
            chunks = self._llama.create_chat_completion(
                list(messages),
                max_tokens=max_tokens,
                temperature=temperature,
                stop=list(stop) or None,
                grammar=grammar,
                repeat_penalty=repeat_penalty,
                stream=True,
                **({"seed": seed} if seed is not None else {}),
            )
            pieces = (chunk["choices"][0]["delta"].get("content") for chunk in chunks)
            yield from count_pieces((piece for piece in pieces if piece), stats)

    def end_of_message_probability(self, text: str) -> float | None:
        """P(the learner's sentence or message ends right after their
        (normalised) words): the next-token probability of the chat template's
        end-of-message token plus a full stop, question or exclamation mark.
        A 135M model rarely ends an unpunctuated message at once, but it puts
        0.4-0.6 on a full stop after a finished sentence and under 0.02 after
        "I would like a". In a prompt cache of its own: one evaluation of the
        few tokens the cache does not hold. None for a template without
        ChatML's <|im_end|> (SmolLM2 and Qwen have it)."""
        self.load()
        llama = self._llama
        ends = [llama.tokenize(mark, add_bos=False, special=True)
                for mark in (b"<|im_end|>", b".", b"?", b"!")]
        if len(ends[0]) != 1:
            return None
        ids = sorted({tokens[0] for tokens in ends if len(tokens) == 1})
        prompt = (f"<|im_start|>system\n{TURN_END_SYSTEM}<|im_end|>\n"
                  f"<|im_start|>user\n{normalise(text)}").encode()
        tokens = llama.tokenize(prompt, add_bos=False, special=True)
        with self._lock:
            self._switch_cache(TURN_END_SLOT)
            held = llama.input_ids[:llama.n_tokens]
            same = 0  # the prompt's prefix the cache already holds
            while same < min(held.size, len(tokens) - 1) and held[same] == tokens[same]:
                same += 1
            llama.n_tokens = same
            llama.eval(tokens[same:])
            logits = np.ctypeslib.as_array(llama._ctx.get_logits(), shape=(llama.n_vocab(),))
            logits = logits.astype(np.float64)
        logits -= logits.max()
        probabilities = np.exp(logits)
        return float(probabilities[ids].sum() / probabilities.sum())

    def _switch_cache(self, slot: str) -> None:
        """Give the context's KV cache to ``slot`` (the lock is held): park the
        current slot's evaluated tokens, bring back the slot's own. llama-cpp-
        python then finds the slot's prompt prefix already evaluated, as if
        it had a context of its own."""
        if slot == self._slot:
            return
        import llama_cpp  # lazy: loads llama.cpp

        llama, ctx = self._llama, self._llama._ctx.ctx
        if llama.n_tokens:
            size = llama_cpp.llama_state_seq_get_size(ctx, 0)
            buffer = (ctypes.c_uint8 * size)()
            written = llama_cpp.llama_state_seq_get_data(ctx, buffer, size, 0)
            self._parked[self._slot] = _ParkedCache(buffer, written,
                                                    llama.input_ids[:llama.n_tokens].copy())
        llama._ctx.kv_cache_seq_rm(0, 0, -1)
        llama.n_tokens = 0
        parked = self._parked.pop(slot, None)
        if parked is not None and llama_cpp.llama_state_seq_set_data(
                ctx, parked.buffer, parked.size, 0):
            llama.input_ids[:parked.tokens.size] = parked.tokens
            llama.n_tokens = int(parked.tokens.size)
        # The logits are not the parked prompt's: llama-cpp-python re-reads its last token.
        llama._requires_eval = True
        self._slot = slot

    def _grammar(self, key: str, schema: bool = False):
        """The compiled grammar of a JSON schema (``schema``) or of GBNF text, kept."""
        from llama_cpp import LlamaGrammar  # lazy: loads llama.cpp

        if key not in self._grammars:
            self._grammars[key] = (LlamaGrammar.from_json_schema(key, verbose=False) if schema
                                   else LlamaGrammar.from_string(key, verbose=False))
        return self._grammars[key]


MAIN_SLOT = "main"
TURN_END_SLOT = "turn-end"  # end_of_message_probability's prompts
TURN_END_SYSTEM = "You are a friendly English tutor. The learner speaks."


@dataclass
class _ParkedCache:
    buffer: object  # ctypes array holding llama.cpp's sequence state
    size: int
    tokens: object  # numpy array: the token ids the state holds


class SharedWeightsChat(ChatModel):
    """The same loaded model and llama.cpp context, with a prompt cache of its own.

    Corrections use the chat model with their own prompt. Sharing the cache,
    each correction evicted the tutor's evaluated prompt (first token 0.2 s ->
    2 s when the gentle style corrects before replying). A second Llama
    context kept both warm, but maps the weights a second time and has its
    own buffers: 120 MB more resident memory for SmolLM2-135M. Here the one
    context's KV cache is swapped instead: the slot not in use is copied out
    (about 20 MB for a 900-token prompt) and copied back when needed.
    """

    def __init__(self, owner: LlamaChatModel, slot: str) -> None:
        self.owner, self.slot = owner, slot
        self.name = owner.name
        self.stats = GenerationStats()

    @property
    def loaded(self) -> bool:
        return self.owner.loaded

    def load(self) -> None:
        self.owner.load()

    def stream(self, messages, **options):
        return self.owner._stream(messages, slot=self.slot, stats=self.stats, **options)

    def end_of_message_probability(self, text: str) -> float | None:
        return self.owner.end_of_message_probability(text)  # in the turn-end slot, as always

    def with_own_cache(self, slot: str) -> "SharedWeightsChat":
        return self.owner.with_own_cache(slot)


def _check_gguf_magic(path: Path) -> None:
    """llama.cpp aborts the whole process on some malformed files, so check the
    header before handing the file over."""
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise ModelCorruptError(
            f"{path.name} is not a GGUF model file",
            "pick a .gguf chat model (llama.cpp format), or download the file again",
        )
