"""Queries an NVivo user runs, as DataFrames: text search, word frequency, coding queries.

Each returns a pandas DataFrame with one row per result and plain columns (no objects), so it
can be written to CSV or XLSX as it is. ``DataFrame.attrs`` says what was asked (the query,
the coding layer, the scope), and the exports carry that along.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa

from thematic.core import search as text_search
from thematic.core import words as word_lists
from thematic.core.spans import nfc
from thematic.errors import Invalid
from thematic.store import search as search_sql
from thematic.store.schema import turns, users
from thematic.study.scope import Scope, ScopeMixin, Spans, Turns, Where, attribute_columns

NEAR = ("overlap", "turn", "document")


class QueriesMixin(ScopeMixin):
    """Text search, word frequency, coding queries and the table of all codings."""

    # -- text search ------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        where: Where | None = None,
        documents: Iterable[int | str] | None = None,
        kinds: Iterable[str] | None = None,
        width: int = 60,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Find words, "phrases", prefix* terms with AND, OR, NOT and parentheses.

        One row per hit, best-ranked documents first, with keyword-in-context columns
        ``left``, ``match`` and ``right``; ``start``/``end`` are code points in the document.
        ``limit`` caps the number of documents (not hits).
        """
        parsed = text_search.parse_query(nfc(query))
        with self._read() as connection:
            scope = self._scope(connection, where=where, documents_=documents, kinds=kinds)
            candidates = search_sql.candidate_documents(
                connection, self._render(connection, parsed)
            )
            ranked = [(d, score) for d, score in candidates if d in scope.documents]
            texts = self._texts(connection, [d for d, _ in ranked])
            # The index proposes; the hits decide (exactly the same on both engines).
            found = []
            for document_id, score in ranked:
                spans = text_search.hits(parsed, texts[document_id])
                if spans:
                    found.append((document_id, score, spans))
                if limit is not None and len(found) >= limit:
                    break
            turn_table = self._turn_table(connection, [d for d, _, _ in found])
            where_ = [(d, a) for d, _, spans in found for a, _ in spans]
            speakers = iter(
                turn_table.speakers(
                    np.array([d for d, _ in where_], dtype=np.int64),
                    np.array([a for _, a in where_], dtype=np.int64),
                )
            )
        rows = []
        for rank, (document_id, score, spans) in enumerate(found, start=1):
            for line in text_search.kwic(texts[document_id], spans, width):
                rows.append(_hit_row(scope, document_id, rank, score, line, next(speakers)))
        frame = pd.DataFrame(rows, columns=_SEARCH_COLUMNS)
        frame.attrs.update(query=query, documents=len(found), scope=_scope_note(scope, where))
        return frame

    def _render(self, connection: sa.Connection, parsed: text_search.Query) -> str:
        if connection.dialect.name == "sqlite":
            return text_search.to_fts5(parsed)
        return text_search.to_tsquery(text_search.relax_phrases(parsed))

    # -- word frequency -----------------------------------------------------------------------
    def word_frequencies(
        self,
        *,
        where: Where | None = None,
        documents: Iterable[int | str] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int | None = 100,
        stop_words: bool = True,
        min_length: int = 2,
        speaker_labels: bool = False,
    ) -> pd.DataFrame:
        """The most frequent words: ``word``, ``count`` and ``documents`` (how many hold it).

        Words are those the search index holds (no stemming; "doctor's" counts as "doctor"),
        so every listed word can be searched for. Stop words (English and Urdu function
        words and interview fillers) are left out unless ``stop_words=False``, and so are
        the words of speaker labels ("Interviewer", "P07") unless ``speaker_labels=True``.
        """
        with self._read() as connection:
            scope = self._scope(connection, where=where, documents_=documents, kinds=kinds)
            counts = search_sql.term_counts(connection, list(scope.documents))
            labels = self._speaker_words(connection, scope) if not speaker_labels else set()
        skip = (word_lists.STOP_WORDS if stop_words else frozenset()) | labels
        kept = [
            (word, count, docs)
            for word, count, docs in counts
            if len(word) >= min_length and word not in skip and not word.isdigit()
        ]
        kept.sort(key=lambda row: (-row[1], row[0]))
        frame = pd.DataFrame(kept[:limit], columns=["word", "count", "documents"])
        frame.attrs.update(documents=len(scope.documents), scope=_scope_note(scope, where))
        return frame

    def _speaker_words(self, connection: sa.Connection, scope: Scope) -> set[str]:
        names = {
            str(name)
            for name in connection.execute(sa.select(turns.c.speaker).distinct()).scalars()
            if name
        }
        return {token for name in names for _, _, token in text_search.tokenize(name)}

    # -- coding query -------------------------------------------------------------------------
    def coding_query(
        self,
        code: int | str,
        *,
        all_of: Sequence[int | str] = (),
        any_of: Sequence[int | str] = (),
        none_of: Sequence[int | str] = (),
        near: str = "overlap",
        where: Where | None = None,
        coder: str | None = None,
        documents: Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """Every passage coded with ``code`` (or a code under it), with its text.

        Combine with other codes (each with its subtree): ``all_of`` (AND: a coding of each
        is near), ``any_of`` (OR: a coding of at least one is near) and ``none_of`` (NOT: no
        coding of any is near). ``near`` is ``"overlap"`` (the passages share characters),
        ``"turn"`` (they start in the same speaker turn) or ``"document"``.
        """
        if near not in NEAR:
            raise Invalid(f"near must be one of {', '.join(NEAR)}, not {near!r}")
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            main = self._spans(connection, scope, self._subtree_ids(connection, code))
            conditions = [
                (kind, self._spans(connection, scope, self._subtree_ids(connection, ref)))
                for kind, refs in (("all", all_of), ("none", none_of))
                for ref in refs
            ]
            if any_of:
                either = set().union(*(self._subtree_ids(connection, r) for r in any_of))
                conditions.append(("any", self._spans(connection, scope, either)))
            turn_table = self._turn_table(connection, np.unique(main.document).tolist())
            keep = np.ones(len(main), dtype=bool)
            for kind, other in conditions:
                found = _near(main, other, near, turn_table)
                keep &= ~found if kind == "none" else found
            chosen = main.take(keep)
            frame = self._passages(connection, scope, chosen, turn_table)
        frame.attrs.update(
            code=str(code),
            all_of=[str(c) for c in all_of],
            any_of=[str(c) for c in any_of],
            none_of=[str(c) for c in none_of],
            near=near,
            layer=scope.layer,
            scope=_scope_note(scope, where),
        )
        return frame

    def codings_table(
        self,
        *,
        coder: str | None = "all",
        where: Where | None = None,
        documents: Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """Every coding in scope with its passage, participant attributes and code path.

        By default every coder's codings (``coder="all"``), with a ``coder`` column.
        """
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            spans = self._spans(connection, scope)
            turn_table = self._turn_table(connection, np.unique(spans.document).tolist())
            frame = self._passages(connection, scope, spans, turn_table)
        frame.attrs.update(layer=scope.layer, scope=_scope_note(scope, where))
        return frame

    def _passages(
        self, connection: sa.Connection, scope: Scope, spans: Spans, turn_table: Turns
    ) -> pd.DataFrame:
        """One row per coding: where it is, who coded it, what it says."""
        codes = {c.id: c.path for c in self._codes(connection)}
        coders = {
            int(i): str(n) for i, n in connection.execute(sa.select(users.c.id, users.c.name))
        }
        texts = self._texts(connection, np.unique(spans.document).tolist())
        names = attribute_columns(scope)
        documents = spans.document.tolist()
        starts, ends = spans.start.tolist(), spans.end.tolist()
        infos = [scope.documents[d] for d in documents]
        people = [info.participant or "" for info in infos]
        paths = [codes[c] for c in spans.code.tolist()]
        frame = pd.DataFrame(
            {
                "coding_id": spans.coding,
                "document_id": spans.document,
                "document": [info.title for info in infos],
                "participant": people,
            }
        )
        for name in names:
            frame[name] = [scope.attributes.get(p, {}).get(name, "") for p in people]
        frame["theme"] = [path.split("/", 1)[0] for path in paths]
        frame["code"] = paths
        frame["coder"] = [coders.get(c, "") for c in spans.coder.tolist()]
        frame["start"] = spans.start
        frame["end"] = spans.end
        frame["speaker"] = [who or "" for who in turn_table.speakers(spans.document, spans.start)]
        frame["text"] = [texts[d][a:b] for d, a, b in zip(documents, starts, ends, strict=True)]
        return frame


_SEARCH_COLUMNS = [
    "rank",
    "score",
    "document_id",
    "document",
    "participant",
    "speaker",
    "start",
    "end",
    "left",
    "match",
    "right",
]


def _hit_row(
    scope: Scope,
    document_id: int,
    rank: int,
    score: float,
    line: text_search.KwicLine,
    speaker: str | None,
) -> list[Any]:
    info = scope.documents[document_id]
    return [
        rank,
        round(score, 4),
        document_id,
        info.title,
        info.participant or "",
        speaker or "",
        line.start,
        line.end,
        line.left,
        line.match,
        line.right,
    ]


def _near(main: Spans, other: Spans, near: str, turn_table: Turns) -> np.ndarray:
    """For each coding of ``main``: is some coding of ``other`` near it?"""
    if not len(main) or not len(other):
        return np.zeros(len(main), dtype=bool)
    if near == "document":
        return np.isin(main.document, other.document)
    if near == "turn":
        mine = turn_table.index(main.document, main.start)
        theirs = turn_table.index(other.document, other.start)
        return (mine >= 0) & np.isin(mine, theirs[theirs >= 0])
    return _overlapping(main, other)


def _overlapping(main: Spans, other: Spans) -> np.ndarray:
    """Whether each main span shares a character with some other span in its document.

    Other spans sorted by (document, start), with every position offset by document x
    width: those starting before a main span's end come first, and the running maximum of
    their ends says whether any reaches past the main span's start in the same document.
    """
    width = int(max(main.end.max(), other.end.max())) + 1
    order = np.lexsort((other.start, other.document))
    keys = other.document[order] * width + other.start[order]
    reach = np.maximum.accumulate(other.document[order] * width + other.end[order])
    before = np.searchsorted(keys, main.document * width + main.end, side="left") - 1
    furthest = np.where(before >= 0, reach[np.maximum(before, 0)], -1)
    return furthest > main.document * width + main.start


def _scope_note(scope: Scope, where: Where | None) -> str:
    note = f"{len(scope.documents)} documents"
    if where:
        note += " where " + ", ".join(
            f"{k} = {v if isinstance(v, str) else ' or '.join(v)}" for k, v in where.items()
        )
    return note
