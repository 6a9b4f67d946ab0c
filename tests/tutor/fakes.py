"""A scripted chat model for tests of the regenerate and fallback paths: the
one in tests/fakes.py, beside the other fakes, under the name these tests use."""

from __future__ import annotations

from tests.fakes import FakeChat as Fake

__all__ = ["Fake"]
