"""The OpenAI-compatible server backend, against a real server on 127.0.0.1:
llama-cpp-python's server serving the embedded SmolLM2. Down and slow servers
are real sockets too: a closed port, and one that accepts and never answers."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import openai  # noqa: F401 -- imported here, so no timing below includes the import
import pytest

from app.config import Settings
from app.embedded import smollm2_gguf
from app.tutor.backends import create_chat_model
from app.tutor.conversation import Conversation
from app.tutor.openai_chat import ServerChatModel, ServerError, ServerWithFallback

SAY_HELLO = [{"role": "user", "content": "Say hello."}]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """python -m llama_cpp.server on a free port, serving SmolLM2 as 'smollm2'.
    Its log goes to a file: a pipe nobody reads fills up and stalls the server."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf().path),
         "--model_alias", "smollm2", "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "2048", "--n_threads", "1", "--n_threads_batch", "2"],
        stdout=subprocess.DEVNULL, stderr=log.open("wb"),
        # Sleeping OpenMP threads: spinning ones collapse on a busy machine.
        env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as answer:
                    assert json.load(answer)["data"]
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("llama_cpp.server did not start: "
                                       + log.read_text(errors="replace")[-2000:]) from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def silent_server():
    """A port that accepts connections and never answers (a hung server)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_streams_a_reply_from_a_real_server(server_url):
    model = ServerChatModel(server_url, "smollm2")
    model.load()
    pieces = list(model.stream(SAY_HELLO, max_tokens=16, temperature=0.0))
    assert len(pieces) > 1 and "".join(pieces).strip()
    assert model.stats.calls == 2 and model.stats.tokens >= len(pieces)  # the probe, then this
    assert model.stats.first_prompt_s > 0


def test_model_name_defaults_to_the_first_the_server_lists(server_url):
    model = ServerChatModel(server_url)
    model.load()
    assert model.model == "smollm2" and model.name.startswith("smollm2 @ ")


def test_json_output_follows_the_schema(server_url):
    model = ServerChatModel(server_url, "smollm2")
    schema = {"type": "object", "properties": {"corrected": {"type": "string"}},
              "required": ["corrected"]}
    raw = model.complete([{"role": "user", "content": "Fix: He go home."}],
                         json_schema=schema, max_tokens=40, temperature=0.0)
    assert isinstance(json.loads(raw)["corrected"], str)


def test_conversation_runs_on_the_server(server_url, smollm2):
    chat = create_chat_model(Settings().with_(llm_url=server_url, llm_server_model="smollm2"))
    assert isinstance(chat, ServerWithFallback)
    chat.load()
    talk = Conversation(chat, level="B1", scenario="free talk")
    reply = "".join(talk.reply("I lost my wallet on the bus this morning."))
    assert reply.strip()
    assert chat.using_server and chat.notices == [] and chat.stats.calls >= 1


def test_a_server_that_is_down_falls_back_at_once_with_a_clear_message(smollm2):
    url = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there
    told: list[tuple[float, str]] = []
    chat = ServerWithFallback(ServerChatModel(url, "any", timeout_s=30), smollm2,
                              on_notice=lambda notice: told.append((time.monotonic(), notice)))
    started = time.monotonic()
    chat.load()
    reply = chat.complete(SAY_HELLO, max_tokens=8)
    assert reply.strip() and not chat.using_server
    assert [notice for _, notice in told] == chat.notices and len(told) == 1
    when, notice = told[0]
    # A refused connection is known at once: nothing near the 30 s timeout is
    # waited (2.4 s was measured with the 2 cores at load average 17).
    assert when - started < 10
    assert "cannot be reached" in notice and url in notice and "embedded model" in notice


def test_a_server_that_never_answers_falls_back_within_the_timeout(silent_server, smollm2):
    told: list[float] = []
    chat = ServerWithFallback(ServerChatModel(silent_server, "any", timeout_s=1.5), smollm2,
                              on_notice=lambda notice: told.append(time.monotonic()))
    started = time.monotonic()
    reply = chat.complete(SAY_HELLO, max_tokens=8)
    assert reply.strip()
    # The timeout, and not much more: the request was abandoned, not waited out.
    assert 1.4 < told[0] - started < 4, told[0] - started
    assert "did not answer within 1.5 s" in chat.notices[0]
    # Within the retry pause the server is not asked again: no second wait, no second notice.
    before = chat.server.stats.calls
    chat.complete(SAY_HELLO, max_tokens=4)
    assert chat.server.stats.calls == before and len(chat.notices) == 1


def test_the_server_is_tried_again_after_the_pause(server_url, smollm2):
    chat = ServerWithFallback(ServerChatModel(server_url, "smollm2"), smollm2, retry_after_s=0.2)
    chat.load()
    chat.health.failed(ServerError("pretend it was down"), 0.2, "SmolLM2")
    assert not chat.using_server
    time.sleep(0.3)
    before = chat.server.stats.calls
    assert chat.complete(SAY_HELLO, max_tokens=4).strip()
    assert chat.server.stats.calls == before + 1


def test_a_wrong_model_name_is_named_in_the_error(server_url):
    model = ServerChatModel(server_url.removesuffix("/v1") + "/nothing-here/v1", "smollm2")
    with pytest.raises(ServerError) as caught:
        model.load()
    assert "has no model 'smollm2' (or the URL lacks /v1)" in str(caught.value)


def test_cache_views_share_the_server_state(smollm2):
    url = f"http://127.0.0.1:{_free_port()}/v1"
    chat = ServerWithFallback(ServerChatModel(url, "any", timeout_s=2), smollm2)
    view = chat.with_own_cache("corrections")
    view.complete(SAY_HELLO, max_tokens=4)
    assert not chat.using_server and len(chat.notices) == 1  # one failure, told once
    tried = chat.server.stats.calls
    chat.load()  # as Engines loads another view after the failure: no new attempt, no wait
    assert len(chat.notices) == 1 and chat.server.stats.calls == tried


@pytest.mark.model  # loads the embedded SmolLM2
def test_turn_end_is_scored_by_the_embedded_model_while_the_server_answers(server_url):
    from app.turntaking.turn_end import FINISHED_MS, HESITANT_MS, SURE_END, turn_end_options

    settings = Settings.from_env().with_(llm_url=server_url, llm_server_model="smollm2")
    chat = create_chat_model(settings)
    chat.load()
    assert chat.complete(SAY_HELLO, max_tokens=4).strip()
    assert not chat.fallback.loaded  # the server answers: nothing local loaded for that
    options = turn_end_options(chat)
    assert options.score is not None
    served = chat.server.stats.calls
    finished = options.score("My grandfather has lived in Florida all his life.")
    broken = options.score("I would like a")
    # The same evidence as with the embedded model alone (tests/turntaking/test_turn_end.py).
    assert 0 <= broken < 0.1 < finished <= 1
    assert chat.fallback.loaded and chat.server.stats.calls == served  # the server was not asked
    assert chat.using_server and chat.notices == []
    # A view (as Engines gives the corrections) scores the same, with the same loaded model.
    view = chat.with_own_cache("corrections")
    assert view.end_of_message_probability("I would like a") == pytest.approx(broken, abs=1e-3)
    # A finished sentence then ends the turn after the short silence, without
    # the pitch; one scored only in the could-end band waits a little longer
    # (docs/decisions/0011-patient-at-could-be-sentences.md).
    policy = options.policy()
    tag = policy.begin()
    policy.heard(tag, "My grandfather has lived in Florida all his life.")
    assert policy.required_ms() == (FINISHED_MS if finished >= SURE_END else HESITANT_MS)


def test_a_llama_cpp_server_takes_a_gbnf_grammar(server_url):
    from app.tutor import follow_up

    model = ServerChatModel(server_url, "smollm2")
    text = "".join(model.stream(follow_up.messages("we painted the kitchen yellow"),
                                max_tokens=follow_up.MAX_TOKENS, temperature=0.0,
                                grammar=follow_up.GRAMMAR))
    assert text.startswith(follow_up.OPENERS) and text.endswith("?"), text
