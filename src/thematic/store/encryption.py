"""Converting a study file between plain SQLite and SQLCipher encryption.

SQLCipher converts by export: the open file ATTACHes a new, empty one with the new key
(``KEY ''`` for a plain file) and ``sqlcipher_export()`` copies the schema, every row, the
triggers, the full-text index and ``sqlite_sequence`` into it. The copy is written beside
the study (same folder, so the final rename is atomic), checked by opening it afresh with the
new key, and only then put in the study's place, by the caller, with :func:`replace`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from thematic.errors import Invalid
from thematic.store.engine import check_passphrase, cipher_connection, sql_string

__all__ = ["export_copy", "replace"]

# What must be the same in the copy: every schema object, every table's row count, the
# AUTOINCREMENT counters and the schema revision.
_OBJECTS = "SELECT type, name FROM {schema}.sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'"
_TABLES = "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
_SEQUENCES = "SELECT name, seq FROM {schema}.sqlite_sequence ORDER BY name"
_REVISION = "SELECT version_num FROM {schema}.alembic_version"


def _open(path: Path, passphrase: str | None) -> Any:
    """A raw sqlcipher3 connection in autocommit mode (transactions are explicit here)."""
    if passphrase is None:
        import sqlcipher3

        connection = sqlcipher3.connect(str(path), check_same_thread=False)
    else:
        connection = cipher_connection(path, passphrase)
    connection.isolation_level = None
    return connection


def _fingerprint(connection: Any, schema: str = "main") -> dict[str, Any]:
    """What a faithful copy keeps: objects, row counts, counters, revision."""
    objects = sorted(connection.execute(_OBJECTS.format(schema=schema)).fetchall())
    tables = [row[0] for row in connection.execute(_TABLES.format(schema=schema))]
    counts = {
        table: connection.execute(f'SELECT count(*) FROM {schema}."{table}"').fetchone()[0]
        for table in tables
    }
    sequences = (
        connection.execute(_SEQUENCES.format(schema=schema)).fetchall()
        if "sqlite_sequence" in tables
        else []
    )
    revision = connection.execute(_REVISION.format(schema=schema)).fetchall()
    return {"objects": objects, "counts": counts, "sequences": sequences, "revision": revision}


def _export(path: Path, copy: Path, passphrase: str | None, new_passphrase: str | None) -> Any:
    """Write ``copy`` from ``path``; return the original's fingerprint, taken alongside."""
    import sqlcipher3

    source = _open(path, passphrase)
    try:
        key = sql_string(new_passphrase or "")
        source.execute(f"ATTACH DATABASE {sql_string(str(copy))} AS converted KEY {key}")
        # One write transaction: nobody changes the study while it is copied, and the
        # fingerprint describes exactly what was copied.
        source.execute("BEGIN IMMEDIATE")
        try:
            source.execute("SELECT sqlcipher_export('converted')")
            fingerprint = _fingerprint(source)
            source.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlcipher3.Error):
                source.execute("ROLLBACK")
            raise
        source.execute("DETACH DATABASE converted")
    finally:
        source.close()
    return fingerprint


def _check_copy(copy: Path, new_passphrase: str | None, expected: dict[str, Any]) -> None:
    connection = _open(copy, new_passphrase)
    try:
        problems = connection.execute("PRAGMA quick_check").fetchall()
        found = _fingerprint(connection)
    finally:
        connection.close()
    if problems != [("ok",)]:
        raise Invalid(f"{copy}: the converted copy failed SQLite's check: {problems[0][0]}")
    for part, value in expected.items():
        if found[part] != value:
            raise Invalid(f"{copy}: the converted copy differs from the study ({part})")


def export_copy(path: Path, *, passphrase: str | None, new_passphrase: str | None) -> Path:
    """A checked copy of the study file ``path``, beside it, keyed with ``new_passphrase``.

    ``passphrase`` opens the original (None: it is plain); ``new_passphrase`` None writes a
    plain copy. The copy has the original's permissions. On any failure it is removed and
    the original is untouched.
    """
    import sqlcipher3

    for given in (passphrase, new_passphrase):
        if given is not None:
            check_passphrase(given)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    copy = Path(name)
    try:
        shutil.copymode(path, copy)
        expected = _export(path, copy, passphrase, new_passphrase)
        _check_copy(copy, new_passphrase, expected)
    except sqlcipher3.Error as error:
        _remove(copy)
        raise Invalid(f"{path}: could not convert the study ({error})") from None
    except BaseException:
        _remove(copy)
        raise
    return copy


def replace(copy: Path, path: Path) -> None:
    """Put ``copy`` in the place of ``path`` in one atomic step, durably."""
    os.replace(copy, path)
    # Make the rename itself survive a power cut (POSIX: sync the folder's entry).
    with contextlib.suppress(OSError):
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _remove(copy: Path) -> None:
    for leftover in (copy, copy.with_name(copy.name + "-journal")):
        leftover.unlink(missing_ok=True)
