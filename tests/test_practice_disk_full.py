"""A practice's first turn that cannot be saved for lack of space leaves no
empty session behind (issue 27, fault 12): the session row used to be
committed on its own, before the turn's save failed."""

from __future__ import annotations

import errno
import os

import pytest

from app.audio.wavio import load_utterance
from app.config import Settings
from app.engines import Engines
from app.errors import StorageError
from app.practice import Practice
from app.store import audio_files, open_store

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    loaded = Engines(Settings.from_env(home=tmp_path_factory.mktemp("disk-full")))
    loaded.load()
    return loaded


def full_disk(path, _data) -> None:
    # As tests/store/test_store_failures.py fills the disk: the recording's write fails.
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def test_a_first_turn_that_does_not_fit_leaves_no_session(engines, parley_home, monkeypatch,
                                                          learner_clips):
    pcm = load_utterance(learner_clips[0].wav)
    with open_store(parley_home) as store:
        practice = Practice(engines, store, speak=False)
        monkeypatch.setattr(audio_files, "_write_synced", full_disk)
        with pytest.raises(StorageError, match="disk is full"):
            practice.run_turn(pcm)
        assert store.list_sessions() == [] and practice.session_id is None
        monkeypatch.undo()  # space again: the same practice goes on and saves
        outcome = practice.run_turn(pcm)
        assert [(s.id, s.turn_count) for s in store.list_sessions()] == [(outcome.session_id, 1)]
        practice.end()
