"""The schema: migrations match the tables, older files are backed up and upgraded, the audit
log refuses edits at the database level, and non-study files are refused clearly."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import thematic
from thematic.store import engine as store_engine
from thematic.store.schema import metadata
from thematic.store.search import SEARCH_OBJECTS


def test_migrations_build_exactly_the_schema_of_the_tables(study_target: str) -> None:
    study = thematic.create(study_target)
    study.close()
    engine = store_engine.connect(study_target)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": _not_search_index}
            )
            differences = compare_metadata(context, metadata)
        assert differences == []
        assert store_engine.current_revision(engine) == store_engine.head_revision()
    finally:
        engine.dispose()


def _not_search_index(name: str | None, kind: str, parents: object) -> bool:
    """The full-text index is engine-specific and kept outside the metadata on purpose."""
    return name not in SEARCH_OBJECTS


def _old_study(path: Path) -> None:
    """A study file as version 0001 of the schema wrote it, with some data."""
    engine = store_engine._engine(sa.make_url(f"sqlite+pysqlite:///{path}"))
    store_engine.migrate(engine, "0001")
    now = dt.datetime(2025, 1, 1)
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO settings VALUES ('format', '\"thematic-study\"')"))
        for statement in (
            "INSERT INTO participants (label, created_at) VALUES ('P01', :t)",
            "INSERT INTO users (name, role, created_at) VALUES ('bilal', 'coder', :t)",
            "INSERT INTO codes (name, colour, definition, inclusion, exclusion, example, position,"
            " created_at) VALUES ('Trust', '#112233', '', '', '', '', 0, :t)",
            "INSERT INTO documents (title, kind, text, source_name, source_format, sha256,"
            " position, imported_at) VALUES ('d', 'transcript', 'some text', '', 'txt', '', 0, :t)",
            'INSERT INTO codings (document_id, code_id, coder_id, start, "end", created_at)'
            " VALUES (1, 1, 1, 0, 4, :t)",
        ):
            connection.execute(sa.text(statement), {"t": now})
    engine.dispose()


def test_opening_an_older_study_backs_it_up_then_upgrades_it(tmp_path: Path) -> None:
    path = tmp_path / "old.thematic"
    _old_study(path)
    before = path.read_bytes()
    study = thematic.open(path)
    try:
        assert [p.label for p in study.participants()] == ["P01"]
        [coding] = study.codings()  # upgrading the users table kept the coder's codings
        assert (coding.coder, coding.start, coding.end) == ("bilal", 0, 4)
        assert study.guide() == []  # the table added by 0002 exists now
    finally:
        study.close()
    backup = tmp_path / "old.thematic.bak-0001"
    assert backup.read_bytes() == before
    engine = store_engine.connect(str(path))
    assert store_engine.current_revision(engine) == store_engine.head_revision()
    engine.dispose()


def test_a_study_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.thematic"
    thematic.create(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(thematic.Conflict, match="newer version of thematic"):
        thematic.open(path)


def test_audit_log_cannot_be_edited_even_in_sql(study_target: str) -> None:
    study = thematic.create(study_target)
    study.add_coder("bilal")
    study.close()
    engine = store_engine.connect(study_target)
    try:
        for statement in ("UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log"):
            with (
                pytest.raises(sa.exc.DatabaseError, match="append-only"),
                engine.begin() as connection,
            ):
                connection.execute(sa.text(statement))
        with engine.connect() as connection:
            count = connection.execute(sa.text("SELECT count(*) FROM audit_log")).scalar_one()
        assert count == 2
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.thematic"
    path.write_text("just some notes, not a database\n" * 50)
    with pytest.raises(thematic.Invalid, match=r"notes\.thematic: not a thematic study"):
        thematic.open(path)


def test_a_sqlite_database_that_is_not_a_study_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE x (y)")
    with pytest.raises(thematic.Invalid, match="not a thematic study"):
        thematic.open(path)


def test_missing_file_and_existing_file(tmp_path: Path) -> None:
    with pytest.raises(thematic.NotFound, match="no such study file"):
        thematic.open(tmp_path / "missing.thematic")
    thematic.create(tmp_path / "a.thematic").close()
    with pytest.raises(thematic.Conflict, match="already exists"):
        thematic.create(tmp_path / "a.thematic")


def test_create_twice_on_the_same_database_is_refused(postgres_url: str) -> None:
    thematic.create(postgres_url).close()
    with pytest.raises(thematic.Conflict, match="already holds a thematic study"):
        thematic.create(postgres_url)


def test_other_database_kinds_are_refused() -> None:
    with pytest.raises(thematic.Invalid, match="SQLite or PostgreSQL only"):
        thematic.open("mysql://root@127.0.0.1/test")
