"""Alembic environment for Parley's store.

Run through :mod:`app.store.migrate`, which hands over an open connection in
``config.attributes["connection"]`` inside one transaction, so a migration that
fails half-way leaves the database as it was. Without one (a developer running
the CLI), it connects to the ``sqlalchemy.url`` main option itself.
"""

from __future__ import annotations

from alembic import context

from app.store.db import make_engine, writer
from app.store.migrate import include_name
from app.store.models import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not import the models (they change); the UTC
    # conversion lives in Python, the column itself is a plain DATETIME.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        include_name=include_name,
        render_item=render_item,
        # SQLite alters tables by copying them; batch mode writes that for us.
        render_as_batch=True,
        # SQLite does roll back DDL; alembic just assumes it does not.
        transactional_ddl=True,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        context.run_migrations()
        return
    engine = writer(make_engine(config.get_main_option("sqlalchemy.url") or ""))
    try:
        with engine.begin() as connection:
            _configure(connection=connection)
            context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
