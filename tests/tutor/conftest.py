import pytest

from app.embedded import smollm2_gguf
from app.tutor.chat import LlamaChatModel


@pytest.fixture(scope="session")
def smollm2():
    """The real embedded chat model, loaded once for the whole run."""
    model = LlamaChatModel(smollm2_gguf().path, threads=2)
    model.load()
    return model
