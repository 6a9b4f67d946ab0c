"""The tutor's chat model, chosen from Settings: a GGUF run in-process by
llama.cpp (the embedded SmolLM2, a catalog model, or any file), or an
OpenAI-compatible server with that GGUF as its fallback.

Nothing here loads a model; :meth:`ChatModel.load` does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from app.config import Settings
from app.models_catalog import resolve
from app.tutor.chat import ChatModel, LlamaChatModel

SMALL_MODEL_BYTES = 400_000_000
AUTO_GPU_LAYERS = -1


@lru_cache(maxsize=1)
def gpu_offload_supported() -> bool:
    """Whether this llama.cpp build can put layers on a GPU (CUDA, Metal, Vulkan...)."""
    try:
        import llama_cpp  # lazy: loads llama.cpp

        return bool(llama_cpp.llama_supports_gpu_offload())
    except (ImportError, OSError, AttributeError):
        return False


def gpu_layers(setting: int) -> int:
    """Layers to offload: the setting, or for "automatic" (-1) every layer when
    llama.cpp was built with GPU support and none otherwise."""
    if setting == AUTO_GPU_LAYERS:
        return -1 if gpu_offload_supported() else 0  # llama.cpp's -1: all layers
    return max(0, setting)


def create_local_chat(settings: Settings) -> LlamaChatModel:
    path = resolve(settings.llm_model)
    generate_threads = settings.threads.llm
    if ("llm" not in settings.threads.chosen and path.is_file()
            and path.stat().st_size < SMALL_MODEL_BYTES):
        # A small model's per-token work is too little to share: SmolLM2-135M
        # generates faster on one thread than on two sleeping OpenMP threads,
        # and spinning ones collapse under load
        # (docs/decisions/0008-thread-budgets.md).
        # Reading the prompt still gets every thread. A count the learner
        # chose (Settings, PARLEY_LLM_THREADS) is used as given.
        generate_threads = 1
    return LlamaChatModel(path, threads=generate_threads, batch_threads=settings.threads.llm,
                          n_gpu_layers=gpu_layers(settings.n_gpu_layers),
                          n_ctx=settings.llm_context)


def create_chat_model(settings: Settings,
                      on_notice: Callable[[str], None] | None = None) -> ChatModel:
    """The tutor's chat model. With a server URL set, the server answers and the
    local model (loaded only if the server fails) stands in when it cannot."""
    local = create_local_chat(settings)
    if not settings.llm_url:
        return local
    from app.tutor.openai_chat import ServerChatModel, ServerWithFallback  # lazy: loads numpy

    server = ServerChatModel(settings.llm_url, settings.llm_server_model,
                             settings.llm_api_key, timeout_s=settings.llm_timeout_s)
    return ServerWithFallback(server, local, on_notice=on_notice)

