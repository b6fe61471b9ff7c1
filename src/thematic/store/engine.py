"""Engines for SQLite files and PostgreSQL, and schema migration on open.

A study is a SQLite file (the embedded default: one file a researcher can copy, back up and
send) or a PostgreSQL database for a team server. Both are created and upgraded only through
the Alembic migrations shipped in this package. Opening a SQLite study written by an older
version first copies the file aside (``<name>.bak-<revision>``), then upgrades it.

A study file may be encrypted with SQLCipher (``sqlcipher3``): every page of the file,
including the full-text index, is AES-256 encrypted under a key derived from a passphrase.
An encrypted file is told apart from a plain one by its first 16 bytes, which in a plain
SQLite file are always ``SQLite format 3`` and a NUL byte (see :func:`is_encrypted`). The
passphrase is never put in a URL (where it could end up in a log or a traceback): each new
connection is keyed by ``PRAGMA key`` before SQLAlchemy sees it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

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
    "check_passphrase",
    "cipher_connection",
    "connect",
    "current_revision",
    "head_revision",
    "is_encrypted",
    "is_url",
    "migrate",
    "sql_string",
    "study_path",
]

FORMAT_MARK = "thematic-study"
SQLITE_HEADER = b"SQLite format 3\x00"


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


def study_path(target: str) -> Path | None:
    """The file of a SQLite study (a path or a ``sqlite:///`` URL); None for PostgreSQL."""
    url = _url(target)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like an SQLCipher database.

    A plain SQLite file starts with ``SQLite format 3`` and a NUL; an SQLCipher 4 file starts
    with 16 random bytes (the key's salt) and, like any SQLite file, is a whole number of pages
    (multiples of 512 bytes). A text file or other document matches neither, and is then
    reported as "not a thematic study" rather than "encrypted".
    """
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER or size < 512 or size % 512:
        return False
    return not all(32 <= byte < 127 or byte in b"\t\n\r" for byte in head)


def check_passphrase(passphrase: str) -> None:
    """Refuse passphrases SQLCipher cannot take: an empty key would mean "no encryption"."""
    if not passphrase:
        raise Invalid("the passphrase is empty")
    if "\x00" in passphrase:
        raise Invalid("the passphrase contains a NUL character")


def sql_string(text: str) -> str:
    """``text`` as an SQL string literal: quoted, with its single quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


def cipher_connection(path: Path, passphrase: str) -> Any:
    """A raw ``sqlcipher3`` connection to ``path`` keyed with ``passphrase`` (checked)."""
    import sqlcipher3  # only studies that use encryption load it

    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        # SQLCipher writes its own lines to stderr for a wrong key ("hmac check failed");
        # thematic reports that itself, as one line.
        connection.execute("PRAGMA cipher_log_level = NONE")
        # The key must be set before anything reads the file; it is a string literal, so a
        # passphrase with quotes, colons, @ or Urdu letters is taken exactly as typed.
        connection.execute(f"PRAGMA key = {sql_string(passphrase)}")
        # A wrong key shows only when a page is read: read one now, so a wrong passphrase
        # fails here ("file is not a database") and not in the middle of some query.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.Error:
        connection.close()
        raise
    return connection


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    # Deleted content (a withdrawn participant's words) is overwritten with zeros in the
    # file, not just marked free: withdrawal relies on it.
    cursor.execute("PRAGMA secure_delete = ON")
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


def _engine(url: sa.URL, passphrase: str | None = None) -> sa.Engine:
    if passphrase is not None:
        import sqlcipher3

        assert url.database is not None
        path, key = Path(url.database), passphrase

        def creator() -> Any:
            return cipher_connection(path, key)

        # The plain SQLite dialect over the sqlcipher3 module (a pysqlite fork): SQL, the
        # migrations and the FTS5 index behave exactly as on a plain file. (SQLAlchemy's
        # sqlite+pysqlcipher dialect would take the key from the URL and keep one connection
        # per thread; a QueuePool, as for plain files, serves the web app's threads better.)
        engine = sa.create_engine(url, module=sqlcipher3, creator=creator)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
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


def connect(target: str, *, create: bool = False, passphrase: str | None = None) -> sa.Engine:
    """An engine for an existing study (``create=False``) or a new, empty one.

    Existing studies are checked to be thematic studies and upgraded to the current schema.
    ``passphrase`` opens an encrypted study file, or with ``create=True`` makes the new file
    encrypted; a PostgreSQL database takes none (the server encrypts its own storage).
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
    _check_encryption(target, study_path(target), passphrase, create=create)
    engine = _engine(url, passphrase)
    try:
        revision = current_revision(engine)
    except sa.exc.DatabaseError as error:
        engine.dispose()
        if passphrase is not None and not isinstance(error, sa.exc.OperationalError):
            raise Invalid(f"{path}: wrong passphrase (or not a thematic study)") from None
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


def _check_encryption(
    target: str, path: Path | None, passphrase: str | None, *, create: bool
) -> None:
    """Refuse a passphrase where none applies, and a missing one for an encrypted file."""
    if passphrase is not None:
        if path is None:
            raise Invalid(
                f"{target}: encryption applies to study files; PostgreSQL encrypts its data "
                "at the server (storage or disk encryption), so give no passphrase"
            )
        check_passphrase(passphrase)
    if path is None or create:
        return
    encrypted = is_encrypted(path)
    if encrypted and passphrase is None:
        raise Invalid(
            f"{path} is encrypted: give its passphrase (--passphrase or THEMATIC_PASSPHRASE)"
        )
    if not encrypted and passphrase is not None:
        raise Invalid(f"{path} is not encrypted: open it without a passphrase")


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
