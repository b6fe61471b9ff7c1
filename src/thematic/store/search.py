"""Full-text search SQL: SQLite FTS5 on SQLite, PostgreSQL text search on PostgreSQL.

Neither index stems words (FTS5 ``unicode61``; PostgreSQL's ``simple`` configuration), so a
query means the same thing on both engines; the query language and its renderings live in
:mod:`thematic.core.search`. The index finds and ranks candidate documents; the Study API then
checks each candidate and finds the hits in Python, on code points, so the two engines give
the same hits.

These objects are not in the SQLAlchemy metadata because they are engine-specific; the schema
test ignores them by the names listed in SEARCH_OBJECTS.
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from thematic.core.search import index_words
from thematic.store.schema import documents

# FTS5's unicode61 tokenizer splits Urdu words at their vowel marks (zabar, zer, pesh, ...)
# and at the zero-width non-joiner, and keeps emoji skin-tone modifiers as letters; these
# options make it keep the marks and ZWNJ/ZWJ inside words and split at the modifiers, as
# core.search.tokenize does. Apostrophes split words ("doctor's" -> doctor, s), so a search
# for "doctor" finds "doctor's". Diacritics are kept: "café" is not "cafe".
_MARKS = "".join(
    chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x200C, 0x200D]
)
# Separators: skin-tone modifiers, and characters SQLite's older Unicode tables read as
# letters though they are not (newer emoji, bidi isolates, the Arabic letter mark).
_SEPARATORS = "".join(
    chr(c)
    for c in [
        *range(0x1F3FB, 0x1F400),
        *range(0x1F900, 0x1FA00),
        *range(0x1FA70, 0x1FB00),
        *range(0x2066, 0x206A),
        0x061C,
    ]
)
FTS5_TOKENIZE = f"unicode61 remove_diacritics 0 tokenchars '{_MARKS}' separators '{_SEPARATORS}'"
SEARCH_OBJECTS = frozenset(
    {
        "documents_fts",
        "documents_fts_data",
        "documents_fts_idx",
        "documents_fts_docsize",
        "documents_fts_config",
        "search_vector",
        "ix_documents_search_vector",
    }
)

_SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents',"
    f" content_rowid='id', tokenize=\"{FTS5_TOKENIZE}\")",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN"
    " INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
)
_SQLITE_DROP = (
    "DROP TRIGGER documents_fts_insert",
    "DROP TRIGGER documents_fts_delete",
    "DROP TRIGGER documents_fts_update",
    "DROP TABLE documents_fts",
)
_POSTGRES_CREATE = (
    "ALTER TABLE documents ADD COLUMN search_vector tsvector"
    " GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
    "CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)",
)
_POSTGRES_DROP = (
    "DROP INDEX ix_documents_search_vector",
    "ALTER TABLE documents DROP COLUMN search_vector",
)


def create_search_index(connection: sa.Connection) -> None:
    """Create the engine's full-text index over documents.text and fill it."""
    sqlite = connection.dialect.name == "sqlite"
    for statement in _SQLITE_CREATE if sqlite else _POSTGRES_CREATE:
        connection.exec_driver_sql(statement)


def drop_search_index(connection: sa.Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    for statement in _SQLITE_DROP if sqlite else _POSTGRES_DROP:
        connection.exec_driver_sql(statement)


def candidate_documents(
    connection: sa.Connection, rendered: str, limit: int | None = None
) -> list[tuple[int, float]]:
    """Documents matching a rendered query (FTS5 MATCH string or tsquery), best first.

    ``rendered`` must come from core.search.to_fts5 on SQLite and to_tsquery on PostgreSQL.
    The score is higher for better matches on both engines (FTS5's bm25 is negated).
    """
    if connection.dialect.name == "sqlite":
        sql = (
            "SELECT rowid, -bm25(documents_fts) AS score FROM documents_fts"
            " WHERE documents_fts MATCH :q ORDER BY score DESC, rowid"
        )
    else:
        sql = (
            "SELECT id, ts_rank(search_vector, to_tsquery('simple', :q)) AS score"
            " FROM documents WHERE search_vector @@ to_tsquery('simple', :q)"
            " ORDER BY score DESC, id"
        )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = connection.execute(sa.text(sql), {"q": rendered}).all()
    return [(int(i), float(s)) for i, s in rows]


def term_counts(connection: sa.Connection, document_ids: list[int]) -> list[tuple[str, int, int]]:
    """Every indexed word in some documents: (word, occurrences, documents holding it).

    On PostgreSQL the parser also indexes hyphenated compounds, e-mail addresses and URLs
    as whole lexemes beside their parts; those whole lexemes are dropped so the counts match
    FTS5's, which splits them.
    """
    if not document_ids:
        return []
    if connection.dialect.name == "sqlite":
        return _sqlite_term_counts(connection, document_ids)
    ids = ",".join(str(int(i)) for i in document_ids)
    inner = f"SELECT search_vector FROM documents WHERE id IN ({ids})"
    rows = connection.execute(
        sa.text("SELECT word, nentry, ndoc FROM ts_stat(:inner) WHERE word !~ :compound"),
        {"inner": inner, "compound": "[-.@/:_]"},
    ).all()
    return [(str(w), int(n), int(d)) for w, n, d in rows]


def _sqlite_term_counts(
    connection: sa.Connection, document_ids: list[int]
) -> list[tuple[str, int, int]]:
    total = connection.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
    if len(set(document_ids)) == total:
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_vocab"
            " USING fts5vocab(main, documents_fts, row)"
        )
        rows = connection.exec_driver_sql("SELECT term, cnt, doc FROM temp.documents_vocab")
        return [(str(w), int(n), int(d)) for w, n, d in rows]
    # Some documents: FTS5 can only list every instance of every word, which takes longer
    # than counting the chosen documents' words directly, split the way the index splits.
    counts: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    for chunk in range(0, len(document_ids), 200):
        texts = connection.execute(
            sa.select(documents.c.text).where(documents.c.id.in_(document_ids[chunk : chunk + 200]))
        ).scalars()
        for text in texts:
            words = index_words(text)
            counts.update(words)
            spread.update(set(words))
    return [(word, n, spread[word]) for word, n in counts.items()]
