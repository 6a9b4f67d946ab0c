"""Child process for the fault-injection suite: do one thing to a real store,
stop at a chosen moment, and wait there to be killed (or told to go on).

Usage: fault_child.py HOME READY_FILE EXPERIMENT

- ``first_turn_before_commit``: a new session, its first turn killed before
  the commit (what a crash in the first turn of a practice leaves).
- ``after_commit_wait``: a turn committed, its renames held until a file
  ``go`` appears in HOME; then prints the saved turn as JSON and exits 0.
- ``delete_before_commit`` / ``delete_after_commit``: delete session 1, killed
  after its folder was renamed, before or after the commit.
- ``restore_before_commit`` / ``restore_after_commit``: restore HOME/../backup.tar
  (two sessions) into HOME, killed with the recordings of the second session
  staged before its commit, or after the first session's commit, before its
  recordings are renamed.

- ``write_limit``: a turn saved after the kernel's file-size limit
  (RLIMIT_FSIZE) is set below one recording, so writing its WAV really fails
  as on a full disk; prints the error line and exits 3.

The child writes READY_FILE when it reaches the moment.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "store"))

from store_crash_child import block, hang_before_commit  # noqa: E402
from store_helpers import make_record  # noqa: E402

from app.store import Store, audio_files, open_store  # noqa: E402
from app.store import store as store_module  # noqa: E402


def first_turn_before_commit(store: Store, ready: Path) -> None:
    hang_before_commit(ready)
    store.save_turn(make_record(store.start_session(), "never committed"))


def after_commit_wait(store: Store, ready: Path) -> None:
    publish = audio_files.publish

    def wait_then_publish(staged):
        ready.write_text("ready")
        while not (store.home / "go").exists():
            time.sleep(0.02)
        publish(staged)

    audio_files.publish = wait_then_publish
    saved = store.save_turn(make_record(1, "committed, renamed late"))
    print(json.dumps({"turn_id": saved.turn_id, "learner_audio": str(saved.learner_audio)}))


def delete(store: Store, ready: Path, after_commit: bool) -> None:
    if after_commit:
        store_module.shutil.rmtree = lambda *_a, **_k: block(ready)
    else:
        replace = os.replace

        def replace_then_hang(src, dst):
            replace(src, dst)
            if Path(dst).name.startswith(audio_files.DELETING):
                block(ready)

        store_module.os.replace = replace_then_hang
    store.delete_session(1)


def restore(home: Path, ready: Path, after_commit: bool) -> None:
    from app.store import merge
    from app.store.backup import restore as run_restore

    if after_commit:
        audio_files.publish = lambda _staged: block(ready)
    else:
        merge_session = merge._Merge.merge_session
        calls = []

        def merge_then_hang(self, old):
            merge_session(self, old)
            calls.append(old.id)
            if len(calls) == 2:
                self.session.flush()
                block(ready)

        merge._Merge.merge_session = merge_then_hang
    run_restore(home, home.parent / "backup.tar")


def write_limit(store: Store) -> None:
    import resource
    import signal

    from app.errors import StorageError

    session_id = store.start_session()
    store.save_turn(make_record(session_id, "saved before the drive filled up"))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    try:
        store.save_turn(make_record(session_id, "this one does not fit"))
    except StorageError as error:
        print(error)
        raise SystemExit(3) from None


def main(home: Path, ready: Path, experiment: str) -> None:
    if experiment.startswith("restore_"):
        restore(home, ready, experiment == "restore_after_commit")
        raise SystemExit("the child was supposed to be killed")
    store = open_store(home)
    if experiment == "first_turn_before_commit":
        first_turn_before_commit(store, ready)
    elif experiment == "after_commit_wait":
        after_commit_wait(store, ready)
        return
    elif experiment == "write_limit":
        write_limit(store)
    elif experiment.startswith("delete_"):
        delete(store, ready, experiment == "delete_after_commit")
    raise SystemExit(f"the child was supposed to be killed ({experiment})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
