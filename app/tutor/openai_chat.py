"""The tutor's brain on an OpenAI-compatible server (Ollama, llama-server, LM
Studio, vLLM, llama-cpp-python's server), behind the same ChatModel interface.

A server the learner set up may be down, busy or slow. Every request is
bounded: a connection gets a few seconds, the first answer and every later
piece ``timeout_s``. :class:`ServerWithFallback` then tells the learner in one
line and answers with the embedded model instead, so a turn never hangs on
the network. The server is tried again after ``retry_after_s``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from app.errors import ParleyError
from app.tutor.chat import ChatModel, GenerationStats, Message, count_pieces

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.0
DEFAULT_TIMEOUT_S = 15.0
RETRY_AFTER_S = 60.0
# How to ask for JSON, best first: a schema the server enforces, then llama.cpp's
# JSON mode with the schema alongside (llama-cpp-python's server knows only this),
# then a plain reply (the caller parses and checks what comes back).
JSON_MODES = ("json_schema", "json_object", None)


class ServerError(ParleyError):
    """The OpenAI-compatible server is unreachable, too slow, or refused the request."""


class ServerChatModel(ChatModel):
    """A chat model served over the OpenAI chat-completions API, streamed."""

    def __init__(self, base_url: str, model: str | None = None, api_key: str | None = None,
                 *, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model or ""
        self.name = f"{self.model or 'server model'} @ {self.base_url}"
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.stats = GenerationStats()
        self._client = None
        self._answered = False  # the server has answered once: load() is done
        self._json_mode = 0  # index into JSON_MODES: downgraded when a server refuses one

    @property
    def loaded(self) -> bool:
        return self._answered

    def load(self) -> None:
        """Connect, and ask for one token: a server that is down or cannot run
        the model says so now, not in the learner's first turn."""
        if self._client is None:
            import openai  # lazy: loads openai

            # Local servers need no key; the client library insists on one.
            # openai.Timeout is the client's own type: httpx.Timeout before
            # openai 3, httpx2.Timeout after; a timeout of another HTTP
            # library's type is refused.
            self._client = openai.OpenAI(
                base_url=self.base_url, api_key=self.api_key or "no-key", max_retries=0,
                timeout=openai.Timeout(self.timeout_s,
                                       connect=min(CONNECT_TIMEOUT_S, self.timeout_s)))
        if self._answered:
            return
        if not self.model:
            self.model = self._first_model()
            self.name = f"{self.model} @ {self.base_url}"
        for _ in self.stream([{"role": "user", "content": "Hi"}], max_tokens=1):
            pass
        self._answered = True

    def _first_model(self) -> str:
        try:
            models = self._client.models.list().data
        except Exception as error:  # noqa: BLE001 -- every failure becomes one clear line
            raise self._error(error) from error
        if not models:
            raise ServerError(f"the server at {self.base_url} lists no models",
                              "load a model on the server, or name one in Settings")
        return models[0].id

    def stream(self, messages: Sequence[Message], *, max_tokens: int = 80,
               temperature: float = 0.3, stop: Sequence[str] = (),
               json_schema: dict | None = None, repeat_penalty: float = 1.1,
               seed: int | None = None, grammar: str | None = None) -> Iterator[str]:
        # llama.cpp's servers and vLLM read these; others ignore them.
        extra = {"repeat_penalty": repeat_penalty, **({"grammar": grammar} if grammar else {})}
        request = dict(model=self.model, messages=list(messages), max_tokens=max_tokens,
                       temperature=temperature, stream=True, extra_body=extra)
        if stop:
            request["stop"] = list(stop)[:4]  # the OpenAI API takes at most four
        if seed is not None:
            request["seed"] = seed
        return count_pieces(self._pieces(request, json_schema), self.stats)

    def choose_function(self, messages: Sequence[Message], tools: list[dict]):
        """One of ``tools`` (the OpenAI ``tools`` parameter) chosen by the
        server's model: (name, arguments), or None when it called none.
        NotImplemented when this server does not take tools: the caller then
        asks for JSON under a schema instead (app/tutor/requests.py)."""
        import openai  # lazy: loads openai

        if self._client is None or not self.model:
            self.load()
        try:
            answer = self._client.chat.completions.create(
                model=self.model, messages=list(messages), tools=tools, tool_choice="auto",
                temperature=0.0, max_tokens=64)
        except openai.APIStatusError:
            return NotImplemented
        except Exception as error:  # noqa: BLE001 -- every failure becomes one clear line
            raise self._error(error) from error
        calls = answer.choices[0].message.tool_calls if answer.choices else None
        if not calls:
            return None
        try:
            arguments = json.loads(calls[0].function.arguments or "{}")
        except ValueError:
            return None
        return calls[0].function.name, arguments

    def _pieces(self, request: dict, json_schema: dict | None) -> Iterator[str]:
        if self._client is None or not self.model:
            self.load()
            request["model"] = self.model
        chunks = self._open(request, json_schema)
        deadline = _Deadline(self.timeout_s, request["max_tokens"])
        try:
            for chunk in chunks:
                if not chunk.choices:
                    continue
                piece = chunk.choices[0].delta.content
                if piece:
                    yield piece
                deadline.check(self.base_url)
        except ServerError:
            raise
        except Exception as error:  # noqa: BLE001 -- a dropped stream: one clear line
            raise self._error(error) from error
        finally:
            chunks.close()  # stop the server generating for a reader that left

    def _open(self, request: dict, json_schema: dict | None):
        import openai  # lazy: loads openai

        while True:
            mode = JSON_MODES[self._json_mode] if json_schema else None
            try:
                return self._client.chat.completions.create(
                    **request, **_response_format(mode, json_schema))
            except openai.APIStatusError as error:
                if mode is None:
                    raise self._error(error) from error
                # This server refuses that form of JSON output (llama-cpp-python's
                # answers 500 to "json_schema"): remember, and ask the next way.
                self._json_mode += 1
            except Exception as error:  # noqa: BLE001
                raise self._error(error) from error

    def _error(self, error: Exception) -> ServerError:
        import openai  # lazy: loads openai

        where = f"the chat server at {self.base_url}"
        if isinstance(error, openai.APITimeoutError) or _is_transport(error, "TimeoutException"):
            return ServerError(f"{where} did not answer within {self.timeout_s:g} s",
                               "check that it is not busy, or raise the server timeout")
        if isinstance(error, openai.AuthenticationError):
            return ServerError(f"{where} refused the API key", "check the key in Settings")
        if isinstance(error, openai.NotFoundError):
            return ServerError(f"{where} has no model '{self.model}' (or the URL lacks /v1)",
                               "check the server URL and model name in Settings")
        if isinstance(error, openai.APIStatusError):
            return ServerError(f"{where} answered HTTP {error.status_code}",
                               "check the server's log")
        if isinstance(error, openai.APIConnectionError) or _is_transport(error, "TransportError"):
            return ServerError(f"{where} cannot be reached",
                               "start the server, or check its URL in Settings")
        return ServerError(f"{where} failed ({type(error).__name__})", "check the server's log")


def _is_transport(error: Exception, kind: str) -> bool:
    """Whether ``error`` is the HTTP library's ``kind`` of error. openai wraps
    these in its own classes, except mid-stream before openai 3, where the
    HTTP library's error comes through as it is. That library is httpx or
    httpx2 depending on openai's version, so it is recognised by its class
    names rather than imported."""
    return any(cls.__name__ == kind and cls.__module__.split(".")[0] in ("httpx", "httpx2")
               for cls in type(error).__mro__)


def _response_format(mode: str | None, schema: dict | None) -> dict:
    if mode == "json_schema":
        return {"response_format": {"type": "json_schema",
                                    "json_schema": {"name": "answer", "schema": schema}}}
    if mode == "json_object":
        return {"response_format": {"type": "json_object", "schema": schema}}
    return {}


class _Deadline:
    """A stream that trickles (each piece within the read timeout, but slowly)
    must end too: allow ``timeout_s`` for the first piece, then a generous
    rate of at least 2 tokens a second for the rest."""

    def __init__(self, timeout_s: float, max_tokens: int) -> None:
        self.until = time.monotonic() + timeout_s + max_tokens / 2

    def check(self, where: str) -> None:
        if time.monotonic() > self.until:
            raise ServerError(f"the chat server at {where} is answering too slowly",
                              "check that it is not busy")


@dataclass
class _Health:
    """Shared by a model and its cache views: when the server failed, and what
    the learner was told."""

    down_until: float = 0.0
    notices: list[str] = field(default_factory=list)
    on_notice: Callable[[str], None] | None = None
    scorer_broken: bool = False  # the embedded model could not be loaded to score turn ends
    lock: threading.Lock = field(default_factory=threading.Lock)

    def failed(self, error: ServerError, retry_after_s: float, fallback: str) -> None:
        with self.lock:
            self.down_until = time.monotonic() + retry_after_s
        self.tell(f"{error}; the tutor uses the embedded model ({fallback}) for now, "
                  f"and tries the server again in {retry_after_s:g} s")

    def tell(self, notice: str) -> None:
        log.warning("%s", notice)
        self.notices.append(notice)
        if self.on_notice is not None:
            self.on_notice(notice)

    @property
    def up(self) -> bool:
        return time.monotonic() >= self.down_until


class ServerWithFallback(ChatModel):
    """The server's model while it answers; the embedded model when it does not.

    A failure before the first piece is invisible to the learner but for the
    notice: the same request goes to the embedded model. A failure mid-reply
    ends that reply where it stopped (the conversation's checks judge what
    came); the next call goes to the embedded model.
    """

    def __init__(self, server: ServerChatModel, fallback: ChatModel, *,
                 retry_after_s: float = RETRY_AFTER_S,
                 on_notice: Callable[[str], None] | None = None,
                 _health: _Health | None = None) -> None:
        self.server, self.fallback = server, fallback
        self.retry_after_s = retry_after_s
        self.health = _health or _Health(on_notice=on_notice)
        self.name = server.name
        self.stats = GenerationStats()

    @property
    def notices(self) -> list[str]:
        return self.health.notices

    @property
    def using_server(self) -> bool:
        return self.health.up

    @property
    def loaded(self) -> bool:
        return self.server.loaded or getattr(self.fallback, "loaded", False)

    def load(self) -> None:
        if self.health.up:  # a view loaded after the server failed does not wait again
            try:
                self.server.load()
                self.name = self.server.name
                return
            except ServerError as error:
                self.health.failed(error, self.retry_after_s, self.fallback.name)
        self.fallback.load()

    def stream(self, messages, **options) -> Iterator[str]:
        return count_pieces(self._pieces(messages, options), self.stats)

    def _pieces(self, messages, options) -> Iterator[str]:
        if self.health.up:
            started = False
            try:
                for piece in self.server.stream(messages, **options):
                    started = True
                    yield piece
                return
            except ServerError as error:
                self.health.failed(error, self.retry_after_s, self.fallback.name)
                if started:
                    return
        yield from self.fallback.stream(messages, **options)

    def choose_function(self, messages, tools: list[dict]):
        """The server's choice among ``tools`` while it answers; NotImplemented
        (JSON under a schema, from the embedded model) when it does not."""
        if not self.health.up:
            return NotImplemented
        try:
            return self.server.choose_function(messages, tools)
        except ServerError as error:
            self.health.failed(error, self.retry_after_s, self.fallback.name)
            return NotImplemented

    def end_of_message_probability(self, text: str) -> float | None:
        """Scored by the embedded model, loaded at the first call: the chat API
        gives no probability of the chat template's end-of-message token, and
        without a score the turn's end would hear the pitch alone. None (the
        pitch alone) when the embedded model cannot be loaded; that is told
        once and not tried again."""
        if self.health.scorer_broken:
            return None
        try:
            return self.fallback.end_of_message_probability(text)
        except ParleyError as error:
            self.health.scorer_broken = True
            log.warning("the end of a turn is judged by the pitch alone: %s", error)
            return None

    def with_own_cache(self, slot: str) -> "ServerWithFallback":
        """The server keeps its own caches; the embedded fallback gets a view with
        its own prompt cache, as it would without a server."""
        return ServerWithFallback(self.server, self.fallback.with_own_cache(slot),
                                  retry_after_s=self.retry_after_s, _health=self.health)
