"""The desktop app's one store (app/store/shared.py): one per data folder,
shared by every caller and thread, closed once by its owner."""

from __future__ import annotations

import threading

from app.store.shared import SharedStore


def test_one_store_per_folder_for_every_thread_until_closed(tmp_path):
    stores = SharedStore()
    got = []
    threads = [threading.Thread(target=lambda: got.append(stores.get(tmp_path / "a")))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first = got[0]
    assert all(store is first for store in got)  # opened (and migrated) once
    session = first.start_session()
    assert stores.get(tmp_path / "b") is not first  # a new data folder: its own
    assert stores.get(tmp_path / "a") is first
    stores.close()
    reopened = stores.get(tmp_path / "a")  # closed stores are never handed out again
    assert reopened is not first
    assert [s.id for s in reopened.list_sessions()] == [session]
    stores.close()
