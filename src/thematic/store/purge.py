"""Making deleted text really gone: from the full-text index, free pages and the file.

Deleting a row is not enough for withdrawal or de-identification. SQLite keeps deleted
content in free pages until they are reused, and an FTS5 index keeps a deleted document's
words in its older segments (a delete only adds a tombstone) until the segments are merged.
So, after such a change:

* every SQLite connection runs with ``PRAGMA secure_delete = ON`` (store/engine.py), which
  overwrites deleted content with zeros as it is freed;
* the FTS5 index is merged into one segment (``'optimize'``), which drops the deleted words;
* ``VACUUM`` rebuilds the file, leaving no free pages behind, and the WAL (if any) is
  checkpointed and truncated.

On PostgreSQL the rows are deleted in the transaction and ``VACUUM FULL`` then rewrites the
tables that held text into new files; the server's write-ahead log and backups follow the
administrator's retention (docs/privacy.md says so).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["purge_deleted_text"]

# Tables that hold participants' words or identifying values.
_TEXT_TABLES = (
    "documents",
    "turns",
    "codings",
    "memos",
    "participant_values",
    "framework_summaries",
    "deid_proposals",
    "decisions",
    "pinned_quotes",
    "consents",
)


def purge_deleted_text(engine: sa.Engine) -> None:
    """Remove every trace of deleted text from the index, free pages and the database file."""
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            has_index = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'"
            ).first()
            if has_index:
                connection.exec_driver_sql(
                    "INSERT INTO documents_fts(documents_fts) VALUES ('optimize')"
                )
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in _TEXT_TABLES:
            connection.exec_driver_sql(f"VACUUM FULL {table}")
