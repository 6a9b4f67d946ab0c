"""Schema migrations, run from code: no alembic.ini is needed at run time.

The scripts live in the package (``app/store/migrations``), so an installed
Parley upgrades a user's old database when it opens it.

Developers write a new revision with :mod:`app.devtools.new_revision`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.store.db import make_engine, writer

MIGRATIONS = Path(__file__).with_name("migrations")
# Tables SQLite's FTS5 module creates for the full-text index; the ORM does
# not model them, so schema comparisons must not see them.
FTS_PREFIX = "turns_fts"


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Autogenerate filter: leave the full-text index tables out of comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIX))


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # New revision files are named after their (readable) revision id.
    config.set_main_option("file_template", "%%(rev)s")
    if url:
        config.set_main_option("sqlalchemy.url", url)
    return config


def _run(engine_or_url: Engine | str, action: str, revision: str) -> None:
    owned = not isinstance(engine_or_url, Engine)
    engine = make_engine(engine_or_url) if owned else engine_or_url
    try:
        # One IMMEDIATE transaction for all steps: two Parley processes
        # opening an old database cannot both migrate it, and a failed step
        # rolls everything back.
        with writer(engine).begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            getattr(command, action)(config, revision)
    finally:
        if owned:
            engine.dispose()


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest schema)."""
    _run(engine_or_url, "upgrade", revision)


def downgrade(engine_or_url: Engine | str, revision: str = "base") -> None:
    _run(engine_or_url, "downgrade", revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every schema revision this Parley can read (and upgrade from)."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()

