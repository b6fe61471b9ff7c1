"""The query renderings on the real engines: SQLite FTS5 and PostgreSQL text search find the
same documents as :func:`thematic.core.search.matches`.

How PostgreSQL 15's default parser reads Urdu here (database locale C.UTF-8): a word with its
vowel marks (مسئلَہ) is one lexeme, as in Python and FTS5; a ZWNJ or ZWJ splits a word into
lexemes at consecutive positions (ٹیلی‌میڈیسن is ٹیلی, میڈیسن), so ``to_tsquery`` writes such a
word as a phrase of its parts: it finds the word, and also the parts typed as two words, a
superset the Python check narrows. A hyphenated word gets an extra position ("e-health" is
e-health, e, health), so a strict phrase running into it is missed: ``relax_phrases`` is for
PostgreSQL candidate search. On SQLite, FTS5 with the store's tokenizer finds exactly the
documents Python finds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa

from thematic.core.search import Term, matches, parse_query, relax_phrases, to_fts5, to_tsquery
from thematic.store.search import FTS5_TOKENIZE

ROWS = [
    "The telemedicine clinic had a poor internet connection, so the doctor called back.",
    "No electricity at night; the internet works only in the morning.",
    "The nurse said: patient trust matters more than computer training.",
    "I don't trust the doctor's advice over video.",
    "Training on the computer was hard 😀 but useful.",
    "COVID-19 changed everything for the clinic.",
    "Training helped the nurses connect with patients.",
    "ہمارے گاؤں میں انٹرنیٹ کا مسئلہ ہے۔",
    "بجلی نہیں ہوتی تو ڈاکٹر سے بات نہیں ہوتی۔",
    "ڈاکٹر پر بھروسہ ہے، لیکن انٹرنیٹ کمزور ہے۔",
    "انٹرنیٹ کا مسئلَہ حل نہیں ہوا۔",
    "ٹیلی\u200cمیڈیسن سے علاج آسان ہے۔",
    "We are using e-health apps now.",
]

# query -> the rows it finds, worked out by reading ROWS
QUERIES: dict[str, set[int]] = {
    "telemedicine": {1},
    '"internet connection"': {1},
    "connect*": {1, 7},
    "internet AND electricity": {2},
    "internet electricity": {2},
    "doctor OR nurse": {1, 3, 4},
    "training NOT computer": {7},
    "training -computer": {7},
    '(doctor OR nurse) AND "patient trust"': {3},
    "doctor": {1, 4},
    "doctor's": {4},
    "don't": {4},
    '"don\'t trust"': {4},
    "covid-19": {6},
    "19": {6},
    "covid": {6},
    "TRAINING": {3, 5, 7},
    "near OR and": set(),
    "انٹرنیٹ": {8, 10, 11},
    '"انٹرنیٹ کا مسئلہ"': {8},
    "مسئلہ": {8},
    "مسئلَہ": {11},
    "ڈاکٹر OR doctor": {1, 4, 9, 10},
    "انٹر*": {8, 10, 11},
    "ٹیلی\u200cمیڈیسن": {12},
    "ٹیلی\u200c*": {12},
    "ٹیلی": set(),
    "(internet OR انٹرنیٹ) NOT (مسئلہ OR electricity)": {1, 10, 11},
    "e-health": {13},
    '"using e-health"': {13},
    "apps OR (trust NOT video)": {3, 13},
}

# Where PostgreSQL's parser differs from ours (module docstring): it misses a strict phrase
# that runs into a hyphenated word, and finds a ZWNJ word's parts.
POSTGRES_MISSES = {'"using e-health"': {13}}
POSTGRES_EXTRA = {"ٹیلی": {12}}


def _python(query: str) -> set[int]:
    parsed = parse_query(query)
    return {number for number, text in enumerate(ROWS, start=1) if matches(parsed, text)}


# -- SQLite FTS5 -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fts5() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(f'CREATE VIRTUAL TABLE t USING fts5(text, tokenize="{FTS5_TOKENIZE}")')
    connection.executemany(
        "INSERT INTO t(rowid, text) VALUES (?, ?)", list(enumerate(ROWS, start=1))
    )
    yield connection
    connection.close()


@pytest.mark.parametrize(("query", "rows"), QUERIES.items())
def test_fts5_finds_what_python_finds(fts5: sqlite3.Connection, query: str, rows: set[int]) -> None:
    rendered = to_fts5(parse_query(query))
    found = {row for (row,) in fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", [rendered])}
    assert found == _python(query) == rows


# -- PostgreSQL --------------------------------------------------------------------------------
@pytest.fixture
def postgres(postgres_url: str) -> Iterator[psycopg.Connection]:
    """A connection with a TEMP table of the rows (skips through conftest's postgres_url)."""
    url = sa.make_url(postgres_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False)) as connection:
        connection.execute("CREATE TEMP TABLE t (id integer PRIMARY KEY, text text NOT NULL)")
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO t VALUES (%s, %s)", list(enumerate(ROWS, start=1)))
        yield connection


def _postgres(connection: psycopg.Connection, rendered: str) -> set[int]:
    sql = "SELECT id FROM t WHERE to_tsvector('simple', text) @@ to_tsquery('simple', %s)"
    return {row for (row,) in connection.execute(sql, [rendered])}


@pytest.mark.postgres
def test_postgres_finds_what_python_finds(postgres: psycopg.Connection) -> None:
    differences = {}
    for query in QUERIES:
        expected = _python(query)
        expected -= POSTGRES_MISSES.get(query, set())
        expected |= POSTGRES_EXTRA.get(query, set())
        found = _postgres(postgres, to_tsquery(parse_query(query)))
        if found != expected:
            differences[query] = (found, expected)
    assert differences == {}


@pytest.mark.postgres
def test_postgres_relaxed_phrases_find_every_match(postgres: psycopg.Connection) -> None:
    for query in QUERIES:
        found = _postgres(postgres, to_tsquery(relax_phrases(parse_query(query))))
        assert found >= _python(query), query
    assert _postgres(postgres, to_tsquery(relax_phrases(parse_query('"using e-health"')))) == {13}


@pytest.mark.postgres
def test_postgres_reads_urdu_as_documented(postgres: psycopg.Connection) -> None:
    sql = "SELECT lexeme, positions FROM unnest(to_tsvector('simple', %s))"
    text = "انٹرنیٹ کا مسئلَہ، ٹیلی\u200cمیڈیسن"
    lexemes = {lexeme: list(positions) for lexeme, positions in postgres.execute(sql, [text])}
    assert lexemes == {"انٹرنیٹ": [1], "کا": [2], "مسئلَہ": [3], "ٹیلی": [4], "میڈیسن": [5]}


@pytest.mark.postgres
def test_postgres_accepts_escaped_words(postgres: psycopg.Connection) -> None:
    sql = "SELECT to_tsquery('simple', %s)::text"
    for term, expected in [(Term("back\\slash"), "'back' <-> 'slash'"), (Term("'"), "")]:
        assert postgres.execute(sql, [to_tsquery(term)]).fetchone() == (expected,)


def test_fts5_splits_at_newer_emoji_and_bidi_marks() -> None:
    """FTS5's unicode61 tables predate newer emoji (🤔), the bidi isolates U+2066..U+2069 and
    U+061C ARABIC LETTER MARK and read them as letters; FTS5_TOKENIZE lists them as
    separators, so the words glued to them are found on SQLite as in Python."""
    rows = ["🤔doctor", "ڈاکٹر \u2066doctor\u2069", "ڈاکٹر\u061c سے"]
    connection = sqlite3.connect(":memory:")
    connection.execute(f'CREATE VIRTUAL TABLE t USING fts5(text, tokenize="{FTS5_TOKENIZE}")')
    connection.executemany("INSERT INTO t(rowid, text) VALUES (?, ?)", enumerate(rows, start=1))
    results = {}
    for query in ("doctor", "ڈاکٹر"):
        parsed = parse_query(query)
        sql = "SELECT rowid FROM t WHERE t MATCH ?"
        found = {row for (row,) in connection.execute(sql, [to_fts5(parsed)])}
        expected = {n for n, text in enumerate(rows, start=1) if matches(parsed, text)}
        results[query] = (found, expected)
    assert results == {"doctor": ({1, 2}, {1, 2}), "ڈاکٹر": ({2, 3}, {2, 3})}
