"""One store for the desktop app's data folder, shared by every part of it.

The practice worker, the review window and the home panel share one
:class:`~app.store.store.Store` rather than three connection pools on one
database and three things to close. The application builds one
:class:`SharedStore` and hands it to all of them: the store opens on first use,
on whichever worker thread asks first (never the GUI thread: opening migrates),
and is closed once, by the application's shutdown, after every thread that
used it has been joined. A change of data folder opens the new folder's store
beside the old one, which a page may still be reading; both close at shutdown.
"""

from __future__ import annotations

import threading
from pathlib import Path

from app.store.store import Store, open_store


class SharedStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[Path, Store] = {}

    def get(self, home: Path) -> Store:
        """The store of ``home``, opened (and migrated) on the first call."""
        home = Path(home)
        with self._lock:
            store = self._open.get(home)
            if store is None:
                store = self._open[home] = open_store(home)
            return store

    def close(self) -> None:
        with self._lock:
            stores, self._open = list(self._open.values()), {}
        for store in stores:
            store.close()
