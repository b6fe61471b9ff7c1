"""The full-text index follows every change to a document's text, on both engines."""

from __future__ import annotations

import sqlalchemy as sa

import thematic
from thematic.store import search as search_sql
from thematic.store.engine import connect
from thematic.store.schema import documents


def test_index_follows_insert_update_and_delete(study_target: str) -> None:
    thematic.create(study_target).close()
    engine = connect(study_target)
    sqlite = engine.dialect.name == "sqlite"
    word = '"telephone"' if sqlite else "'telephone'"
    try:
        with engine.begin() as connection:
            document_id = connection.execute(
                documents.insert().values(
                    title="d",
                    kind="transcript",
                    text="A telephone call.",
                    source_name="",
                    source_format="txt",
                    sha256="",
                    position=0,
                    imported_at=sa.func.now(),
                )
            ).inserted_primary_key[0]
        with engine.begin() as connection:
            assert [d for d, _ in search_sql.candidate_documents(connection, word)] == [document_id]
            connection.execute(
                documents.update().where(documents.c.id == document_id).values(text="A letter.")
            )
            assert search_sql.candidate_documents(connection, word) == []
            assert search_sql.term_counts(connection, [document_id]) != []
            connection.execute(documents.delete().where(documents.c.id == document_id))
            assert search_sql.term_counts(connection, [document_id]) == []
            assert (
                search_sql.candidate_documents(connection, '"letter"' if sqlite else "'letter'")
                == []
            )
    finally:
        engine.dispose()
