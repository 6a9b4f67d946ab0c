"""The migrations build exactly the schema the ORM models describe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from app.store import open_store
from app.store.db import make_engine
from app.store.migrate import (
    current_revision,
    downgrade,
    head_revision,
    include_name,
    upgrade,
)
from app.store.models import Base


@pytest.fixture
def engine(tmp_path: Path):
    engine = make_engine(tmp_path / "blank.sqlite3")
    yield engine
    engine.dispose()


def schema_diffs(engine: Engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        return compare_metadata(context, Base.metadata)


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_head_is_the_fluent_review_revision():
    assert head_revision() == "0006_fluent_review"


def test_blank_database_migrates_to_head_matching_the_models(engine):
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert {"sessions", "turns", "corrections", "drills", "turns_fts", "learner_facts",
            "forgotten_facts", "learner_settings", "practice_questions", "fluent_turns",
            "shadowings"} <= table_names(engine)
    assert schema_diffs(engine) == []


def test_comparison_does_see_differences(engine):
    # Guards the test above: an unmigrated database must show diffs.
    assert schema_diffs(engine) != []


def test_downgrade_to_base_and_up_again(engine):
    upgrade(engine)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    assert table_names(engine) <= {"alembic_version", "sqlite_sequence"}
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert schema_diffs(engine) == []


def test_upgrade_by_url_and_twice_is_harmless(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'by-url.sqlite3'}"
    upgrade(url)
    upgrade(url)
    engine = make_engine(url)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_open_store_sets_wal_foreign_keys_and_busy_timeout(tmp_path: Path):
    with open_store(tmp_path / "home") as store:
        with store.engine.connect() as connection:
            def pragma(name: str) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") >= 1000
        database = store.database_path
    # WAL is recorded in the file itself, so every later reader uses it too.
    with sqlite3.connect(database) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_an_existing_store_keeps_its_data(tmp_path: Path):
    home = tmp_path / "home"
    with open_store(home) as store:
        session_id = store.start_session()
    with open_store(home) as store:
        assert store.get_session(session_id) is not None
        assert current_revision(store.engine) == head_revision()


def test_ddl_is_transactional(engine):
    # sqlite3's legacy mode would autocommit this CREATE; our own BEGIN makes
    # it roll back, which is what keeps a failed migration from half-applying.
    with pytest.raises(RuntimeError):
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            raise RuntimeError("migration step failed")
    assert "scratch" not in table_names(engine)
