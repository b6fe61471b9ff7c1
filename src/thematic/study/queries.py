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
from thematic.study.scope import Scope, ScopeMixin, Spans, Where, attribute_columns

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
            found = [(d, score) for d, score in ranked if text_search.matches(parsed, texts[d])][
                :limit
            ]
            turn_table = self._turn_table(connection, [d for d, _ in found])
        rows = []
        for rank, (document_id, score) in enumerate(found, start=1):
            text = texts[document_id]
            spans = text_search.hits(parsed, text)
            speakers = _speakers_at(turn_table.get(document_id), [s for s, _ in spans])
            for line, speaker in zip(text_search.kwic(text, spans, width), speakers, strict=True):
                rows.append(
                    _hit_row(scope, document_id, rank, score, line, speaker),
                )
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
        table = self._turn_table(connection, list(scope.documents))
        names = {name for _, _, speakers in table.values() for name in speakers if name}
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
            needs_turns = near == "turn"
            turn_table = self._turn_table(connection, set(main.document.tolist()))
            keep = np.ones(len(main), dtype=bool)
            for kind, other in conditions:
                found = _near(main, other, near, turn_table if needs_turns else {})
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
            turn_table = self._turn_table(connection, set(spans.document.tolist()))
            frame = self._passages(connection, scope, spans, turn_table)
        frame.attrs.update(layer=scope.layer, scope=_scope_note(scope, where))
        return frame

    def _passages(
        self,
        connection: sa.Connection,
        scope: Scope,
        spans: Spans,
        turn_table: dict[int, tuple[np.ndarray, np.ndarray, list[str | None]]],
    ) -> pd.DataFrame:
        """One row per coding: where it is, who coded it, what it says."""
        codes = {c.id: c for c in self._codes(connection)}
        coders = {
            int(i): str(n) for i, n in connection.execute(sa.text("SELECT id, name FROM users"))
        }
        texts = self._texts(connection, set(spans.document.tolist()))
        names = attribute_columns(scope)
        rows = []
        for i in range(len(spans)):
            document_id = int(spans.document[i])
            info = scope.documents[document_id]
            start, end = int(spans.start[i]), int(spans.end[i])
            code = codes[int(spans.code[i])]
            values = scope.attributes.get(info.participant or "", {})
            rows.append(
                [
                    int(spans.coding[i]),
                    document_id,
                    info.title,
                    info.participant or "",
                    *(values.get(name, "") for name in names),
                    code.path.split("/")[0],
                    code.path,
                    coders.get(int(spans.coder[i]), ""),
                    start,
                    end,
                    _speakers_at(turn_table.get(document_id), [start])[0] or "",
                    texts[document_id][start:end],
                ]
            )
        columns = [
            "coding_id",
            "document_id",
            "document",
            "participant",
            *names,
            "theme",
            "code",
            "coder",
            "start",
            "end",
            "speaker",
            "text",
        ]
        return pd.DataFrame(rows, columns=columns)


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


def _speakers_at(
    table: tuple[np.ndarray, np.ndarray, list[str | None]] | None, positions: Sequence[int]
) -> list[str | None]:
    """The speaker of the turn holding each position (None outside any turn)."""
    if table is None or not len(table[0]):
        return [None] * len(positions)
    starts, ends, speakers = table
    found = np.searchsorted(starts, np.asarray(positions, dtype=np.int64), side="right") - 1
    return [
        speakers[k] if k >= 0 and position < ends[k] else None
        for k, position in zip(found.tolist(), positions, strict=True)
    ]


def _turn_index(
    spans: Spans, table: dict[int, tuple[np.ndarray, np.ndarray, list[str | None]]]
) -> np.ndarray:
    """Each coding's speaker turn as one number (document and turn), -1 - i outside turns."""
    result = np.empty(len(spans), dtype=np.int64)
    for document_id in np.unique(spans.document).tolist():
        mask = spans.document == document_id
        starts = table.get(document_id, (np.empty(0, dtype=np.int64),))[0]
        turn = np.searchsorted(starts, spans.start[mask], side="right") - 1
        inside = turn >= 0
        result[mask] = np.where(inside, document_id * 1_000_000 + turn, -1)
    outside = result == -1
    result[outside] = -1 - np.flatnonzero(outside)  # never equal to anything else
    return result


def _near(
    main: Spans,
    other: Spans,
    near: str,
    turn_table: dict[int, tuple[np.ndarray, np.ndarray, list[str | None]]],
) -> np.ndarray:
    """For each coding of ``main``: is some coding of ``other`` near it?"""
    if not len(main) or not len(other):
        return np.zeros(len(main), dtype=bool)
    if near == "document":
        return np.isin(main.document, other.document)
    if near == "turn":
        return np.isin(_turn_index(main, turn_table), _turn_index(other, turn_table))
    return _overlapping(main, other)


def _overlapping(main: Spans, other: Spans) -> np.ndarray:
    """Whether each main span shares a character with some other span in its document.

    Other spans sorted by (document, start): those starting before a main span's end are a
    prefix of that document's block; the running maximum of their ends tells whether any
    reaches past the main span's start.
    """
    order = np.lexsort((other.start, other.document))
    documents, starts, ends = other.document[order], other.start[order], other.end[order]
    found = np.zeros(len(main), dtype=bool)
    for document_id in np.unique(main.document).tolist():
        low, high = np.searchsorted(documents, [document_id, document_id + 1])
        if low == high:
            continue
        running_max = np.maximum.accumulate(ends[low:high])
        mask = main.document == document_id
        before = np.searchsorted(starts[low:high], main.end[mask], side="left")
        reach = np.where(before > 0, running_max[np.maximum(before - 1, 0)], -1)
        found[mask] = reach > main.start[mask]
    return found


def _scope_note(scope: Scope, where: Where | None) -> str:
    note = f"{len(scope.documents)} documents"
    if where:
        note += " where " + ", ".join(
            f"{k} = {v if isinstance(v, str) else ' or '.join(v)}" for k, v in where.items()
        )
    return note
