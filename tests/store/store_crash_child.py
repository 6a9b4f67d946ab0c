"""Child process for test_store_crash: save one turn, then die inside the second.

Usage: store_crash_child.py HOME READY_FILE POINT, where POINT is
``before_commit`` (rows flushed, WAVs staged, transaction open) or
``before_rename`` (committed, WAVs not yet renamed into place). The child
writes READY_FILE when it reaches POINT and then blocks until it is killed.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from store_helpers import make_record

from app.store import Store, audio_files, open_store


def block(ready: Path) -> None:
    ready.write_text("ready")
    threading.Event().wait()  # until SIGKILL


def hang_before_commit(ready: Path) -> None:
    """Make the next save_turn stop (rows flushed, WAVs staged, not committed)."""
    insert = Store._insert_turn

    def insert_then_hang(self, session, *args):
        turn_id = insert(self, session, *args)
        session.flush()
        block(ready)
        return turn_id

    Store._insert_turn = insert_then_hang


def main(home: Path, ready: Path, point: str) -> None:
    store = open_store(home)
    session_id = store.start_session()
    first = store.save_turn(make_record(session_id, "My first turn is safe"))
    ids = {"session_id": session_id, "turn_id": first.turn_id}
    (home / "first.json").write_text(json.dumps(ids))

    if point == "before_commit":
        hang_before_commit(ready)
    else:
        audio_files.publish = lambda staged: block(ready)

    store.save_turn(make_record(session_id, "The second turn never finishes"))
    raise SystemExit("the child was supposed to be killed")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
