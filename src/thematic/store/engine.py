"""Engines for SQLite files and PostgreSQL, and schema migration on open.

A study is a SQLite file (the embedded default: one file a researcher can copy, back up and
send) or a PostgreSQL database for a team server. Both are created and upgraded only through
the Alembic migrations shipped in this package. Opening a SQLite study written by an older
version first copies the file aside (``<name>.bak-<revision>``), then upgrades it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import settings

__all__ = [
    "FORMAT_MARK",
    "connect",
    "current_revision",
    "head_revision",
    "is_url",
    "migrate",
]

FORMAT_MARK = "thematic-study"


def is_url(target: str) -> bool:
    """True for a database URL (``postgresql://...``, ``sqlite:///...``), False for a path."""
    return "://" in target


def _url(target: str) -> sa.URL:
    if not is_url(target):
        return sa.URL.create("sqlite+pysqlite", database=str(Path(target)))
    url = sa.make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise Invalid(f"{target}: thematic stores studies in SQLite or PostgreSQL only")
    return url


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


def _alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", "thematic.store:migrations")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of thematic knows."""
    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: sa.Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def _engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A team server answers many members at once: room for 30 connections in all.
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _check_is_study(engine: sa.Engine, target: str) -> None:
    try:
        with engine.connect() as connection:
            mark = connection.execute(
                sa.select(settings.c.value).where(settings.c.key == "format")
            ).scalar_one_or_none()
    except sa.exc.DatabaseError as error:
        raise Invalid(f"{target}: not a thematic study ({error.orig})") from None
    if mark != FORMAT_MARK:
        raise Invalid(f"{target}: not a thematic study")


def _backup(path: Path, revision: str) -> Path:
    backup = path.with_name(f"{path.name}.bak-{revision}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.bak-{revision}-{counter}")
    shutil.copy2(path, backup)
    return backup


def connect(target: str, *, create: bool = False) -> sa.Engine:
    """An engine for an existing study (``create=False``) or a new, empty one.

    Existing studies are checked to be thematic studies and upgraded to the current schema.
    """
    url = _url(target)
    path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    if path is not None:
        if create and path.exists():
            raise Conflict(f"{path}: a file already exists there")
        if not create and not path.exists():
            raise NotFound(f"{path}: no such study file")
        if create and not path.parent.exists():
            raise NotFound(f"{path.parent}: no such folder")
    engine = _engine(url)
    try:
        revision = current_revision(engine)
    except sa.exc.DatabaseError as error:
        engine.dispose()
        raise Invalid(f"{target}: not a thematic study ({error.orig})") from None
    except sa.exc.OperationalError as error:
        engine.dispose()
        raise Invalid(f"{target}: cannot connect ({error.orig})") from None
    if create:
        if revision is not None:
            engine.dispose()
            raise Conflict(f"{target}: already holds a thematic study")
        migrate(engine)
        return engine
    if revision is None:
        engine.dispose()
        raise Invalid(f"{target}: not a thematic study (no schema); create one first")
    head = head_revision()
    if revision != head:
        _upgrade_existing(engine, target, revision, path)
    _check_is_study(engine, target)
    return engine


def _upgrade_existing(engine: sa.Engine, target: str, revision: str, path: Path | None) -> None:
    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    try:
        script.get_revision(revision)
    except CommandError:
        engine.dispose()
        raise Conflict(
            f"{target}: written by a newer version of thematic (schema {revision}); "
            "upgrade thematic"
        ) from None
    if path is not None:
        _backup(path, revision)
    migrate(engine)
