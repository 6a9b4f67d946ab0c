"""Write a new migration: ``python -m app.devtools.new_revision 0002_what_changed "message"``.

Autogenerates the difference between the ORM models and a scratch database
migrated to the current head, into ``migrations/versions/<revision id>.py``.
Read and tidy what it writes: it cannot see renames, FTS tables or triggers.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from app.store.migrate import alembic_config, upgrade


def new_revision(rev_id: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'scratch.sqlite3'}"
        upgrade(url)
        command.revision(alembic_config(url), message, autogenerate=True, rev_id=rev_id)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__)
        return 2
    new_revision(*args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
